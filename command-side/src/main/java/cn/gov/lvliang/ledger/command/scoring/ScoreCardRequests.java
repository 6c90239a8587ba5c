package cn.gov.lvliang.ledger.command.scoring;

import cn.gov.lvliang.ledger.events.scoring.AppealOutcome;
import cn.gov.lvliang.ledger.events.scoring.ScoredIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The bodies of the score-card commands. Every body carries the client's {@code requestId}, which makes a repeat
 * harmless. The issue body is the query side's answer for the subject ({@code GET /api/scoring/{kind}/{code}}) with
 * a {@code requestId} added; fields the command side does not need are ignored.
 */
final class ScoreCardRequests {

    static final String REQUEST_ID_PATTERN = "[A-Za-z0-9._:-]+";
    static final String EVIDENCE = "Document numbers, file references or case ids, one per entry";

    private ScoreCardRequests() {
    }

    record IssueCard(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotNull ScoredSubjectKind subjectKind,
            @Schema(example = "141102") @NotBlank @Size(max = 64) String subjectCode,
            @Schema(example = "离石区") @Size(max = 200) String subjectName,
            @Schema(description = "The county the subject belongs to; absent for a city unit", example = "141102")
            @Size(max = 16) String subjectDivision,
            @Schema(example = "2025-Q1") @NotBlank @Size(max = 16) String period,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotNull Integer rubricVersion,
            @Schema(description = "The SHA-256 the query side gave for the facts") @NotBlank String inputHash,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull ScoredIndicator> indicators,
            @NotNull @Size(max = 20) List<@Valid @NotNull PenaltyLine> penalties,
            BigDecimal baseScore,
            @NotNull BigDecimal penaltyPoints,
            BigDecimal totalScore,
            Integer rank,
            Integer rankedAmong,
            @Schema(description = "When it was issued; now if absent") Instant businessTime) {
    }

    /** A penalty as the query side answers it (its name is ignored). */
    record PenaltyLine(
            @NotBlank @Size(max = 64) String code,
            @Size(max = 1000) List<@NotBlank @Size(max = 64) String> caseIds,
            @NotNull BigDecimal points) {

        ScoredPenalty toPenalty() {
            return new ScoredPenalty(code, caseIds, points);
        }
    }

    record Adjustment(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = "The indicator it concerns; absent for the card as a whole",
                    example = "CASE_CLOSURE") @Size(max = 64) String indicatorCode,
            @Schema(description = "Points added (positive) or taken (negative), at most two decimals",
                    example = "-2.50") @NotNull @Digits(integer = 3, fraction = 2) BigDecimal pointsDelta,
            @Schema(example = "该县3月发生重大涉稳事件，造成严重不良影响") @NotBlank @Size(max = 4000) String reason,
            @Schema(description = EVIDENCE, example = "[\"吕政办督〔2025〕12号\"]")
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence,
            Instant businessTime) {
    }

    record Appeal(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = "The indicator it contests; absent for the card as a whole",
                    example = "ON_TIME_CONCLUSION") @Size(max = 64) String indicatorCode,
            @Schema(example = "3件超期案件系申请人主动申请延期，不应计为超期") @NotBlank @Size(max = 8000) String grounds,
            @Schema(description = EVIDENCE) @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence,
            Instant businessTime) {
    }

    record Decision(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotNull AppealOutcome outcome,
            @Schema(description = "The correction of a granted appeal; zero or absent when dismissed",
                    example = "1.20") @Digits(integer = 3, fraction = 2) BigDecimal pointsDelta,
            @NotBlank @Size(max = 4000) String reason,
            Instant businessTime) {
    }
}
