package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The bodies of the bundle-case steps after submission. Every body carries the client's {@code requestId}, which
 * makes a repeat harmless, and may carry a {@code businessTime} to record a step that happened earlier.
 */
final class BundleCaseRequests {

    static final String REQUEST_ID_PATTERN = "[A-Za-z0-9._:-]+";
    static final String ACTING_UNIT = "The acting unit's code. Taken from the signed-in user; only the history-import "
            + "account names it";

    private BundleCaseRequests() {
    }

    /** A step taken by a unit: acceptance, conclusion, dispatch of an item. */
    record UnitStep(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(example = "141102_APPROVAL", description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            Instant businessTime) {
    }

    /** A unit's step that needs a reason: refusal to accept, rejection of an item. */
    record UnitStepWithReason(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotBlank @Size(max = 2000) String reason,
            Instant businessTime) {
    }

    record Materials(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> submitted,
            @Size(max = 100) List<@Valid Waived> waived,
            Instant businessTime) {

        record Waived(@NotBlank @Size(max = 200) String name, @NotNull WaiverBasis basis) {
        }
    }

    record SupplementRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> materials,
            @Size(max = 2000) String reason,
            Instant businessTime) {
    }

    record Supplement(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> materials,
            Instant businessTime) {
    }

    record ItemApproval(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @Schema(description = "The result, e.g. a licence or registration number", example = "JY11411020012345")
            @NotBlank @Size(max = 200) String result,
            Instant businessTime) {
    }

    record Assistance(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = "Staff number or service point; never an identity number", example = "LS-BB-017")
            @NotBlank @Size(max = 100) String assistant,
            @NotNull AssistanceKind kind,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> steps,
            Instant businessTime) {
    }

    record Visit(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotBlank @Size(max = 32) String hallCode,
            @Size(max = 32) String windowCode,
            @NotNull VisitPurpose purpose,
            Instant businessTime) {
    }

    record Delivery(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotNull DeliveryMethod method,
            Instant businessTime) {
    }

    record Withdrawal(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Size(max = 2000) String reason,
            Instant businessTime) {
    }

    record Transfer(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotBlank @Size(max = 16) String toDivisionCode,
            @NotBlank @Size(max = 32) String toHallCode,
            @NotNull TransferMode mode,
            @Size(max = 2000) String reason,
            Instant businessTime) {
    }

    record Complaint(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotBlank @Size(max = 4000) String content,
            Instant businessTime) {
    }

    record ComplaintStep(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @Schema(description = ACTING_UNIT) @Size(max = 64) String actingUnit,
            @NotBlank @Size(max = 4000) String text,
            Instant businessTime) {
    }

    record Rating(
            @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID_PATTERN) String requestId,
            @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> reasons,
            @Size(max = 2000) String comment,
            Instant businessTime) {
    }
}
