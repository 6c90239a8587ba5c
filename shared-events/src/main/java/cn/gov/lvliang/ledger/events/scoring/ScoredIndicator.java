package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;

/**
 * One indicator as a score card froze it.
 *
 * @param code        the rubric's code for it
 * @param applicable  whether it had anything to count; if not, it earned nothing and its weight left the total
 * @param value       its value, or {@code null} when not applicable
 * @param numerator   what was counted
 * @param denominator what that was counted against
 * @param points      the points it earned
 * @param rank        its rank by value among the subjects it applied to, or {@code null}
 * @param rankedAmong how many subjects it was ranked among, or {@code null}
 */
public record ScoredIndicator(
        String code,
        boolean applicable,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal points,
        Integer rank,
        Integer rankedAmong) {
}
