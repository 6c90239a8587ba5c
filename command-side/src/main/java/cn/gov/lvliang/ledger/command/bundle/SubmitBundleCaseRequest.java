package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /api/bundle-cases}.
 */
record SubmitBundleCaseRequest(
        @Schema(description = "Client-chosen id of this request; a repeat with the same id is not applied twice",
                example = "9b2f6c1e-5d0a-4b8e-9a57-1f0c2d3e4a5b")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String requestId,
        @Schema(description = "Catalog code of the bundle", example = "2024-01")
        @NotBlank @Size(max = 16) String bundleCode,
        @NotNull @Valid ApplicantRequest applicant,
        @Schema(description = "GB/T 2260 code of the county-level division handling the case", example = "141102")
        @NotBlank @Size(max = 16) String divisionCode,
        @Schema(description = "Service hall code; required for the WINDOW channel", example = "141102-HALL")
        @Size(max = 32) String hallCode,
        @NotNull Channel channel,
        @Schema(description = "Window code; required for the WINDOW channel", example = "141102-HALL-W04")
        @Size(max = 32) String windowCode,
        @Schema(description = "When the application was made; defaults to now")
        Instant businessTime) {

    /** The applicant as submitted. */
    record ApplicantRequest(
            @NotNull ApplicantKind kind,
            @Schema(example = "张三") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Resident identity number (18 characters) or unified social credit code",
                    example = "141102199001011234")
            @NotBlank @Pattern(regexp = "[0-9A-Z]{18}", message = "must be 18 digits or capital letters")
            String identifier,
            @Schema(example = "13800000000") @Pattern(regexp = "\\+?[0-9-]{5,20}") String phone) {
    }
}
