package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A deduction (扣分项) of a rubric, taken from the total after the indicators.
 *
 * @param code              a stable code, unique in the rubric
 * @param name              the name as the inspection teams read it
 * @param rule              what the ledger counts
 * @param subjects          the kinds of subject it applies to
 * @param pointsEach        the points deducted per case counted
 * @param maxPoints         the most it deducts in one period
 * @param countsFrom        cases opened on or after this day (Beijing time) count: the day after the campaign
 * @param determinationDays a case not determined within this many calendar days of opening is handled poorly
 * @param petitionDays      a petition not handled within this many calendar days of receipt is handled poorly
 * @param basis             the clause of the documents it rests on
 */
public record RubricPenalty(
        String code,
        String name,
        PenaltyRule rule,
        List<ScoredSubjectKind> subjects,
        BigDecimal pointsEach,
        BigDecimal maxPoints,
        LocalDate countsFrom,
        int determinationDays,
        int petitionDays,
        String basis) {

    public RubricPenalty {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
