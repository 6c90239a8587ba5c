package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.IndicatorMeasure;
import cn.gov.lvliang.ledger.events.scoring.ScoreDirection;
import java.math.BigDecimal;

/**
 * One indicator of a score.
 *
 * @param code        the rubric's code for it
 * @param name        its name
 * @param measure     what the ledger counts
 * @param weight      the points it is worth
 * @param direction   which way its value is better
 * @param applicable  whether it had anything to count; if not, it earns nothing and its weight leaves the total
 * @param value       its value, or {@code null} when not applicable
 * @param numerator   what was counted
 * @param denominator what that is counted against
 * @param points      the points it earned, two decimals
 * @param rank        its rank by value among the subjects it applies to, or {@code null}
 * @param rankedAmong how many subjects it was ranked among
 */
public record IndicatorScore(
        String code,
        String name,
        IndicatorMeasure measure,
        BigDecimal weight,
        ScoreDirection direction,
        boolean applicable,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal points,
        Integer rank,
        Integer rankedAmong) {

    IndicatorScore ranked(Integer newRank, Integer among) {
        return new IndicatorScore(code, name, measure, weight, direction, applicable, value, numerator, denominator,
                points, newRank, among);
    }
}
