package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.axonframework.serialization.Revision;

/**
 * The inspection team issued a score card (签发考核评分表): the score of one county or lead unit for one period under
 * one rubric version, frozen as the query side computed it from the ledger, with the SHA-256 of the facts it was
 * computed from. From then on the card's numbers never change; the team's adjustments and the appeals' decisions are
 * facts of their own. Computing the score again from the same events under the same rubric version gives the same
 * numbers and the same hash (docs/scoring.md, "Reproducibility").
 *
 * @param cardId          the card: one per subject, period and rubric version ({@link #cardId(ScoredSubjectKind,
 *                        String, String, int)})
 * @param subjectKind     county or lead unit
 * @param subjectCode     the division code or unit code
 * @param subjectName     its name when issued
 * @param subjectDivision the county it belongs to: itself for a county, {@code null} for a city unit
 * @param period          the period's code, e.g. {@code 2025-Q1}
 * @param periodFrom      its first day
 * @param periodTo        its last day
 * @param rubricVersion   the rubric version it was scored under
 * @param inputHash       the SHA-256 of the canonical JSON of the facts it was computed from
 * @param indicators      every indicator of the rubric for the subject's kind, in the rubric's order
 * @param penalties       the deductions, in the rubric's order
 * @param baseScore       the indicators' points on a scale of 100
 * @param penaltyPoints   the points deducted
 * @param totalScore      the score issued: base less deductions, not below 0
 * @param rank            its rank by total among the subjects of its kind, or {@code null}
 * @param rankedAmong     how many subjects were ranked
 * @param inspector       the user id of the inspector who issued it
 * @param businessTime    when it was issued
 */
@Revision("1")
public record ScoreCardIssuedEvent(
        String cardId,
        ScoredSubjectKind subjectKind,
        String subjectCode,
        String subjectName,
        String subjectDivision,
        String period,
        LocalDate periodFrom,
        LocalDate periodTo,
        int rubricVersion,
        String inputHash,
        List<ScoredIndicator> indicators,
        List<ScoredPenalty> penalties,
        BigDecimal baseScore,
        BigDecimal penaltyPoints,
        BigDecimal totalScore,
        Integer rank,
        Integer rankedAmong,
        String inspector,
        Instant businessTime) implements ScoreCardEvent {

    public ScoreCardIssuedEvent {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }

    /** The id of the one card of a subject, period and rubric version, e.g. {@code score-card-county-141102-2025-Q1-r1}. */
    public static String cardId(ScoredSubjectKind kind, String subjectCode, String period, int rubricVersion) {
        return "score-card-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + subjectCode
                + "-" + period + "-r" + rubricVersion;
    }
}
