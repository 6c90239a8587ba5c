package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * The bodies of the fundraising commands. Every body carries the client's {@code requestId}, which makes a repeat
 * harmless, and may carry a {@code businessTime} to record a step that happened earlier. Amounts are in yuan, as JSON
 * numbers or strings with at most two decimals, and are converted to fen exactly; more decimals are a 400 naming the
 * field.
 */
final class FundraisingRequests {

    static final String REQUEST_ID_PATTERN = "[A-Za-z0-9._:-]+";
    static final String ACTING_UNIT = "The acting unit's code. Taken from the signed-in user; only the history-import "
            + "account names it";
    static final String YUAN = "must be yuan with at most 2 decimals";

    private FundraisingRequests() {
    }

    /** Whom a clue or case is about. */
    record Subject(
            @NotNull SubjectKind kind,
            @Schema(example = "吕梁某某养老服务有限公司") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Unified social credit code; never for a person", example = "91141125MA0K1234XY")
            @Pattern(regexp = "[0-9A-Z]{18}", message = "must be 18 digits or capital letters") String creditCode) {

        FundraisingSubject toSubject() {
            return new FundraisingSubject(kind, name, creditCode);
        }
    }

    /** Who reported a clue: a handle, and a contact only for a named reporter. */
    record ReporterRequest(
            boolean anonymous,
            @Schema(description = "The reporting channel's reference for the reporter, e.g. the mini-program's query "
                    + "code; never an identity number", example = "SXFJ-2025-0301-0042")
            @NotBlank @Size(max = 64) String handle,
            @Schema(description = "A named reporter's phone or e-mail; absent when anonymous", example = "13800000000")
            @Size(max = 100) String contact) {

        Reporter toReporter() {
            return new Reporter(anonymous, handle, contact);
        }
    }

    record RecordClue(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = "Code of the unit recording the clue; taken from the signed-in user, needed only "
                    + "when importing history", example = "141125_GOV_OFFICE")
            @Size(max = 64) String recordingUnit,
            @NotNull ClueSource source,
            @Schema(description = "GB/T 2260 code of the county-level division", example = "141125")
            @NotBlank @Size(max = 16) String divisionCode,
            @NotNull KeyArea keyArea,
            @NotNull @Valid Subject subject,
            @NotBlank @Size(max = 4000) String summary,
            @Schema(description = "Estimated amount raised, in yuan", example = "2400000.50", type = "string")
            @DecimalMin("0") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal estimatedAmountYuan,
            @Min(0) Integer estimatedParticipants,
            @Valid ReporterRequest reporter,
            Instant businessTime) {
    }

    record AssignVerification(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(description = "Code of the unit that verifies", example = "141125_MARKET_REGULATION")
            @NotBlank @Size(max = 64) String assignedUnit,
            Instant businessTime) {
    }

    record Verification(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull VerificationOutcome outcome,
            @NotBlank @Size(max = 4000) String notes,
            Instant businessTime) {
    }

    record Duplicate(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotBlank @Size(max = 64) String duplicateOfClueId,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record Reward(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(example = "2000", type = "string")
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal amountYuan,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record OpenCase(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotBlank @Size(max = 16) String divisionCode,
            @Schema(example = "吕梁某某养老服务有限公司涉嫌非法集资案") @NotBlank @Size(max = 200) String name,
            @NotNull @Valid Subject subject,
            @NotNull KeyArea keyArea,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> clueIds,
            @Schema(type = "string", example = "2400000.50")
            @DecimalMin("0") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal estimatedAmountYuan,
            @Min(0) Integer estimatedParticipants,
            boolean crossProvince,
            @Schema(description = "GB/T 2260 codes of the other provinces", example = "[\"610000\"]")
            @Size(max = 31) List<@NotBlank @Size(max = 6) String> provinces,
            Instant businessTime) {
    }

    record LegacyImport(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(example = "CITY_POLITICAL_LEGAL", description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(description = "The real filing date, when known; otherwise the data file's documented "
                    + "approximation is recorded")
            LocalDate originalFilingDate,
            @Schema(description = "The criminal milestone reached before the import; POLICE_FILED when absent")
            CriminalMilestone stageAtImport,
            @Schema(description = "The moment of the import; defaults to now")
            Instant businessTime) {
    }

    record Scale(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(type = "string")
            @DecimalMin("0") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal estimatedAmountYuan,
            @Min(0) Integer estimatedParticipants,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record Escalation(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(description = "COMPLEX and/or DISPUTED; the thresholds are applied by the ledger")
            @NotEmpty @Size(max = 4) List<@NotNull EscalationReason> reasons,
            @NotBlank @Size(max = 4000) String note,
            Instant businessTime) {
    }

    record Determination(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull DeterminationOutcome outcome,
            @Schema(description = "The facts and rules the determination rests on (认定依据)")
            @NotBlank @Size(max = 8000) String basis,
            Instant businessTime) {
    }

    record CrossProvince(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotEmpty @Size(max = 31) List<@NotBlank @Size(max = 6) String> provinces,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record Measure(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotNull MeasureKind kind,
            @Schema(example = "141125_MARKET_REGULATION") @NotBlank @Size(max = 64) String orderingUnit,
            LocalDate dueDate,
            @Schema(description = "A fine, a refund ordered or a value seized, in yuan", type = "string")
            @DecimalMin("0.01") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal amountYuan,
            @NotBlank @Size(max = 4000) String description,
            Instant businessTime) {
    }

    /** A unit's step that records a text: a follow-up note, a result, a petition's handling note. */
    record UnitNote(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotBlank @Size(max = 4000) String text,
            Instant businessTime) {
    }

    record PoliceTransfer(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(example = "141125_POLICE") @NotBlank @Size(max = 64) String policeUnit,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record Milestone(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull CriminalMilestone milestone,
            @Schema(example = "柳公（经）立字〔2025〕12号") @Size(max = 100) String documentNumber,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record Plan(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull @Valid Responsible responsiblePerson,
            @NotBlank @Size(max = 8000) String summary,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid PlanStep> milestones,
            Instant businessTime) {

        record Responsible(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String role) {
        }

        record PlanStep(@NotBlank @Size(max = 200) String name, @NotNull LocalDate dueDate) {
        }
    }

    record Recovery(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull AssetKind kind,
            @Schema(type = "string", example = "1000.00")
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal amountYuan,
            @NotBlank @Size(max = 2000) String description,
            Instant businessTime) {
    }

    record ParticipantBatch(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotEmpty @Size(max = 5000) List<@NotNull @Valid Participant> participants,
            Instant businessTime) {

        record Participant(
                @Schema(description = "The register number; never a name or identity number", example = "LL-2025-0001")
                @NotBlank @Size(max = 64) String participantReference,
                @Schema(type = "string", example = "300.00")
                @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal claimYuan) {
        }
    }

    record RefundRound(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(type = "string", example = "100.00")
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2, message = YUAN) BigDecimal roundTotalYuan,
            @Size(max = 2000) String note,
            Instant businessTime) {
    }

    record Petition(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(example = "141125_PETITIONS", description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Size(max = 64) String petitionReference,
            @NotNull @Min(1) @Max(100000) Integer petitioners,
            @NotBlank @Size(max = 4000) String summary,
            Instant businessTime) {
    }

    record PetitionHandling(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull PetitionOutcome outcome,
            @NotBlank @Size(max = 4000) String note,
            Instant businessTime) {
    }

    record Closure(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotNull CaseResolution resolution,
            @Size(max = 64) String mergedIntoCaseId,
            @Size(max = 4000) String note,
            Instant businessTime) {
    }
}
