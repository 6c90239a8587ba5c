package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.verifier.CaseProofs;
import cn.gov.lvliang.ledger.verifier.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of any case: every event in order with who acted, both times, the channel, the request and the
 * correlation ids, filtered and paged, and exported as JSON Lines or as a printable page. Both exports carry the
 * case's proof against the ledger's latest signed checkpoint ({@link AuditTrailProofs}).
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Audit", description = "Case histories for auditors")
class AuditTrailController {

    static final MediaType NDJSON = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);
    static final int MAX_PAGE_SIZE = 1000;

    private final AuditTrail auditTrail;
    private final AuditTrailProofs proofs;
    private final ObjectWriter lines;
    private final Clock clock;

    AuditTrailController(AuditTrail auditTrail, AuditTrailProofs proofs, ObjectMapper objectMapper, Clock clock) {
        this.auditTrail = auditTrail;
        this.proofs = proofs;
        this.lines = objectMapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    @GetMapping("/{caseId}/audit-trail")
    @Operation(summary = "A case's audit trail, filtered and paged",
            description = "Every event of the case in sequence order: type, sequence, business and recorded time, "
                    + "the acting user, role, unit and county (null until the access control records them), the "
                    + "acting unit and channel from the payload, the request id, the correlation and causation ids, "
                    + "and the payload and metadata exactly as stored. Filters combine with AND. 404 for an "
                    + "unknown case; a parameter that is not understood is a 400 problem naming it.")
    AuditTrailPage trail(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @ParameterObject AuditTrailRequest filters,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Events per page", schema = @Schema(minimum = "1", maximum = "1000",
                    defaultValue = "100"))
            @RequestParam(defaultValue = "100") int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        List<AuditTrailEntry> entries = auditTrail.of(caseId, filters.filter());
        int fromIndex = (int) Math.min((long) page * size, entries.size());
        int toIndex = Math.min(fromIndex + size, entries.size());
        return new AuditTrailPage(caseId, entries.subList(fromIndex, toIndex), page, size, entries.size());
    }

    @GetMapping("/{caseId}/audit-trail.jsonl")
    @Operation(summary = "A case's audit trail as JSON Lines",
            description = "One event per line (application/x-ndjson), as in the audit trail, all events that match "
                    + "the filters; then one last line, the case's bundle (as /audit-trail/bundle gives it), so that "
                    + "`java -jar ledger-verifier.jar audit-trail-CASE.jsonl` verifies the file. 404 for an unknown "
                    + "case.")
    ResponseEntity<byte[]> jsonLines(@Parameter(description = "The case id") @PathVariable String caseId,
                                     @ParameterObject AuditTrailRequest filters) {
        return jsonLines(caseId, auditTrail.of(caseId, filters.filter()));
    }

    @GetMapping("/{caseId}/audit-trail/export")
    @Operation(summary = "Export a case's audit trail",
            description = "format=jsonl: JSON Lines, one event per line and the case's bundle last; format=html: a "
                    + "printable page in Chinese (审计轨迹) with every event that matches the filters, its payload as "
                    + "stored, and the case's proof (账本校验): the checkpoint, the case's chain head and how to "
                    + "verify. 404 for an unknown case.")
    ResponseEntity<byte[]> export(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @Parameter(description = "jsonl or html", schema = @Schema(allowableValues = {"jsonl", "html"}))
            @RequestParam String format,
            @ParameterObject AuditTrailRequest filters) {
        String kind = format.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("jsonl") && !kind.equals("html")) {
            throw new InvalidParameterException("format", "has an invalid value '" + format
                    + "'; expected jsonl or html");
        }
        AuditTrailFilter filter = filters.filter();
        List<AuditTrailEntry> entries = auditTrail.of(caseId, filter);
        if (kind.equals("jsonl")) {
            return jsonLines(caseId, entries);
        }
        CaseProofs.Proof proof = proofs.required(caseId);
        byte[] page = AuditTrailHtml.render(caseId, entries, filter, clock.instant(), proof,
                proofs.badge(proof.verification(), Locale.SIMPLIFIED_CHINESE)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("audit-trail-" + caseId + ".html", StandardCharsets.UTF_8).build().toString())
                .body(page);
    }

    /** The events, one per line, and last the case's bundle, which proves them. */
    private ResponseEntity<byte[]> jsonLines(String caseId, List<AuditTrailEntry> entries) {
        StringBuilder body = new StringBuilder();
        try {
            for (AuditTrailEntry entry : entries) {
                body.append(lines.writeValueAsString(entry)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit trail entry cannot be written as JSON", e);
        }
        body.append(Json.compact(proofs.required(caseId).bundle().toJson())).append('\n');
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-trail-" + caseId + ".jsonl", StandardCharsets.UTF_8).build().toString())
                .body(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
