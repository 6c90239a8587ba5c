package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the list of issued score cards.
 *
 * @param cardId          the card
 * @param subjectKind     county or lead unit
 * @param subjectCode     the division or unit code
 * @param subjectName     its name when issued
 * @param subjectDivision the county it belongs to, or {@code null}
 * @param period          the period's code
 * @param rubricVersion   the rubric version
 * @param inputHash       the SHA-256 of its facts
 * @param issuedTotal     the total as issued
 * @param totalScore      the total now
 * @param rank            the rank as issued
 * @param rankedAmong     among how many
 * @param issuedAt        when it was issued
 * @param adjustments     how many adjustments
 * @param appeals         how many appeals
 * @param openAppeals     of those, not yet decided
 */
public record ScoreCardSummary(
        String cardId,
        ScoredSubjectKind subjectKind,
        String subjectCode,
        String subjectName,
        String subjectDivision,
        String period,
        int rubricVersion,
        String inputHash,
        BigDecimal issuedTotal,
        BigDecimal totalScore,
        Integer rank,
        Integer rankedAmong,
        Instant issuedAt,
        int adjustments,
        int appeals,
        int openAppeals) {
}
