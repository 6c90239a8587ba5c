package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues a score card with the score the query side computed for the subject, period and rubric version. Issuing the
 * same card again with the same input hash and total changes nothing; with others it is refused, since an issued
 * card is frozen.
 *
 * @param cardId          {@link ScoreCardIssuedEvent#cardId(ScoredSubjectKind, String, String, int)}
 * @param subjectKind     county or lead unit
 * @param subjectCode     the division code or unit code
 * @param subjectName     its name
 * @param subjectDivision the county it belongs to, or {@code null} for a city unit
 * @param period          the period's code
 * @param periodFrom      its first day
 * @param periodTo        its last day
 * @param rubricVersion   the rubric version
 * @param inputHash       the SHA-256 of the facts the score was computed from
 * @param indicators      every indicator of the rubric for the subject's kind
 * @param penalties       the deductions
 * @param baseScore       the base score
 * @param penaltyPoints   the points deducted
 * @param totalScore      the total
 * @param rank            the rank, or {@code null}
 * @param rankedAmong     how many subjects were ranked
 * @param businessTime    when it is issued
 */
public record IssueScoreCardCommand(
        @TargetAggregateIdentifier String cardId,
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
        Instant businessTime) {

    public IssueScoreCardCommand {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }
}
