package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.verifier.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's proof on its own: the case bundle an auditor files and checks with {@code ledger-verifier.jar}, and the
 * verification the case page's badge shows. docs/verifiable-ledger.md describes both formats.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Audit", description = "Case histories for auditors")
class AuditTrailProofController {

    private final AuditTrailProofs proofs;

    AuditTrailProofController(AuditTrailProofs proofs) {
        this.proofs = proofs;
    }

    @GetMapping("/{caseId}/audit-trail/bundle")
    @Operation(summary = "A case's bundle: its events with their proof",
            description = "The case's events covered by the ledger's latest signed checkpoint, exactly as stored, "
                    + "each with its leaf hash, case chain value and Merkle inclusion proof, with the checkpoint and "
                    + "the ledger's public keys (format lvliang-case-ledger/case-bundle/1): what "
                    + "`java -jar ledger-verifier.jar case-bundle.json --public-key KEY` checks without the "
                    + "application. The same as the last line of the JSON Lines export. 404 for an unknown case.")
    ResponseEntity<byte[]> bundle(@Parameter(description = "The case id") @PathVariable String caseId) {
        return json(proofs.required(caseId).bundle().toJson(), ContentDisposition.attachment()
                .filename("case-" + caseId + "-bundle.json", StandardCharsets.UTF_8).build());
    }

    @GetMapping("/{caseId}/audit-trail/verification")
    @Operation(summary = "Whether a case verifies against the latest checkpoint",
            description = "status VERIFIED (every event covered by the latest checkpoint and verified), "
                    + "NOT_YET_CHECKPOINTED (nothing failed, but events are newer than the latest checkpoint) or "
                    + "FAILED, with the checkpoint, the case's chain heads, and firstBrokenLink: the kind of "
                    + "tampering (PAYLOAD_CHANGED, ROW_DELETED, ...), the journal position and the sequence number "
                    + "of the first event that fails. 404 for an unknown case.")
    ResponseEntity<byte[]> verification(@Parameter(description = "The case id") @PathVariable String caseId) {
        return json(proofs.required(caseId).verification().toJson(), null);
    }

    /** The verifier's own JSON, written by the verifier's own mapper, so that it is the documented format exactly. */
    private static ResponseEntity<byte[]> json(JsonNode body, ContentDisposition disposition) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (disposition != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        }
        return response.body(Json.pretty(body).getBytes(StandardCharsets.UTF_8));
    }
}
