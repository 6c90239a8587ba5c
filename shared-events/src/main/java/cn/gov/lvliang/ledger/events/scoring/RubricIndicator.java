package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator (考核指标) of a rubric.
 *
 * @param code      a stable code, unique in the rubric, e.g. {@code ON_TIME_CONCLUSION}
 * @param name      the name as the inspection teams read it, in the documents' words where they have them
 * @param subjects  the kinds of subject it applies to
 * @param measure   what the ledger counts for it
 * @param weight    the points it is worth; a rubric's weights add up to 100
 * @param direction which way its value is better
 * @param curve     how its value earns points
 * @param basis     the clause of the documents it rests on
 */
public record RubricIndicator(
        String code,
        String name,
        List<ScoredSubjectKind> subjects,
        IndicatorMeasure measure,
        BigDecimal weight,
        ScoreDirection direction,
        ScoringCurve curve,
        String basis) {

    public RubricIndicator {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
