package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.AppealOutcome;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued score card: the numbers frozen when it was issued, and everything the inspection team and the assessed
 * subject did with it since.
 *
 * @param cardId          the card
 * @param subjectKind     county or lead unit
 * @param subjectCode     the division or unit code
 * @param subjectName     its name when issued
 * @param subjectDivision the county it belongs to, or {@code null} for a city unit
 * @param period          the period's code
 * @param from            its first day
 * @param to              its last day
 * @param rubricVersion   the rubric version it was scored under
 * @param inputHash       the SHA-256 of the facts it was computed from
 * @param indicators      the indicators as issued, in the rubric's order
 * @param penalties       the deductions as issued
 * @param baseScore       the base score as issued
 * @param penaltyPoints   the points deducted as issued
 * @param issuedTotal     the total as issued
 * @param totalScore      the total now, after adjustments and granted appeals
 * @param rank            the rank as issued, or {@code null}
 * @param rankedAmong     among how many
 * @param issuedBy        the inspector who issued it
 * @param issuedAt        when
 * @param adjustments     the inspection team's adjustments, in order
 * @param appeals         the appeals with their decisions, in order
 */
public record ScoreCardView(
        String cardId,
        ScoredSubjectKind subjectKind,
        String subjectCode,
        String subjectName,
        String subjectDivision,
        String period,
        LocalDate from,
        LocalDate to,
        int rubricVersion,
        String inputHash,
        List<CardIndicator> indicators,
        List<CardPenalty> penalties,
        BigDecimal baseScore,
        BigDecimal penaltyPoints,
        BigDecimal issuedTotal,
        BigDecimal totalScore,
        Integer rank,
        Integer rankedAmong,
        String issuedBy,
        Instant issuedAt,
        List<Adjustment> adjustments,
        List<Appeal> appeals) {

    public ScoreCardView {
        indicators = List.copyOf(indicators);
        penalties = List.copyOf(penalties);
        adjustments = List.copyOf(adjustments);
        appeals = List.copyOf(appeals);
    }

    /** An indicator as issued; {@code name} and {@code weight} are the rubric version's. */
    public record CardIndicator(String code, String name, BigDecimal weight, boolean applicable, BigDecimal value,
                                BigDecimal numerator, BigDecimal denominator, BigDecimal points, Integer rank,
                                Integer rankedAmong) {
    }

    /** A deduction as issued; {@code name} is the rubric version's. */
    public record CardPenalty(String code, String name, List<String> caseIds, BigDecimal points) {

        public CardPenalty {
            caseIds = List.copyOf(caseIds);
        }
    }

    /** A hand adjustment by the inspection team. */
    public record Adjustment(String adjustmentId, String indicatorCode, BigDecimal pointsDelta, String reason,
                             List<String> evidence, String inspector, BigDecimal totalAfter, Instant adjustedAt) {

        public Adjustment {
            evidence = List.copyOf(evidence);
        }
    }

    /** An appeal by the assessed subject, and its decision once made. */
    public record Appeal(String appealId, String indicatorCode, String grounds, List<String> evidence,
                         String appellant, String appellantUnit, Instant lodgedAt, AppealOutcome outcome,
                         BigDecimal pointsDelta, String decisionReason, String decidedBy, Instant decidedAt,
                         BigDecimal totalAfter) {

        public Appeal {
            evidence = List.copyOf(evidence);
        }
    }
}
