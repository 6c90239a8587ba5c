package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A case's audit trail exported as JSON Lines by the query side ({@code GET /api/cases/{caseId}/audit-trail.jsonl}):
 * one line per event as the audit trail shows it, then one last line that is the case's {@link CaseBundle}. Verifying
 * it verifies the bundle, and then binds every event line to the bundle: each must be an event the bundle proves,
 * with the same identity, sequence, global index, type, revision, recorded time, payload and metadata (payload and
 * metadata compared as JSON, since the line carries the stored JSON as JSON rather than as bytes). A line of an event
 * newer than the checkpoint cannot be bound yet and is noted, not failed.
 */
public final class AuditTrailExport {

    private final List<String> lines;
    private final CaseBundle bundle;

    private AuditTrailExport(List<String> lines, CaseBundle bundle) {
        this.lines = lines;
        this.bundle = bundle;
    }

    /** Reads an export; an IllegalArgumentException if its last line is not a case bundle. */
    public static AuditTrailExport parse(String jsonLines) {
        List<String> lines = new ArrayList<>(jsonLines.lines().filter(line -> !line.isBlank()).toList());
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the audit-trail export is empty");
        }
        JsonNode last = Json.parse(lines.remove(lines.size() - 1));
        if (!CaseBundle.FORMAT.equals(last.path("format").asText(null))) {
            throw new IllegalArgumentException("the last line of an audit-trail export must be its case bundle ("
                    + CaseBundle.FORMAT + "); this export has none, so it carries no proof");
        }
        return new AuditTrailExport(lines, CaseBundle.fromJson(last));
    }

    public CaseBundle bundle() {
        return bundle;
    }

    /** How many event lines the export holds (the bundle's line not counted). */
    public int eventLines() {
        return lines.size();
    }

    /** The bundle's verification, and every event line checked against the events it proves. */
    public BundleVerifier.Report verify(Collection<NotaryKey> pinnedKeys, Set<HashAlgorithm> algorithms) {
        BundleVerifier.Report report = BundleVerifier.verify(bundle, pinnedKeys, algorithms);
        List<String> checks = new ArrayList<>(report.checks());
        List<BundleVerifier.Failure> failures = new ArrayList<>(report.failed());
        List<String> warnings = new ArrayList<>(report.warnings());
        Map<String, CaseBundle.Event> proven = new HashMap<>();
        long lastProvenSequence = -1;
        for (CaseBundle.Event event : bundle.events()) {
            proven.put(event.stored().eventIdentifier(), event);
            lastProvenSequence = Math.max(lastProvenSequence, event.stored().sequenceNumber());
        }
        int bound = 0;
        int newer = 0;
        for (int i = 0; i < lines.size(); i++) {
            String where = "line " + (i + 1);
            JsonNode line;
            try {
                line = Json.MAPPER.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                failures.add(BundleVerifier.Failure.of("LINE_ALTERED", where + " is not JSON"));
                continue;
            }
            long sequence = line.path("sequence").asLong(-1);
            CaseBundle.Event event = proven.get(line.path("eventId").asText(""));
            if (event == null) {
                if (sequence > lastProvenSequence) {
                    newer++;
                } else {
                    failures.add(new BundleVerifier.Failure("LINE_NOT_PROVEN", null, sequence, "LINE_NOT_PROVEN: "
                            + where + " (event #" + sequence + ", " + line.path("eventId").asText() + ") is not an "
                            + "event the bundle proves"));
                }
                continue;
            }
            List<String> differing = differences(line, event.stored());
            if (differing.isEmpty()) {
                bound++;
            } else {
                failures.add(BundleVerifier.Failure.at("LINE_ALTERED", event, where + " (event #"
                        + event.stored().sequenceNumber() + ") differs from the proven event in "
                        + String.join(", ", differing)));
            }
        }
        checks.add(bound + " of " + lines.size() + " event line(s) of the export are events proven by the bundle");
        if (newer > 0) {
            warnings.add(newer + " event line(s) are newer than the checkpoint and not proven by it yet");
        }
        return new BundleVerifier.Report(failures.isEmpty(), checks, failures, warnings);
    }

    /** The fields in which an audit-trail line differs from the stored event it names. */
    private static List<String> differences(JsonNode line, StoredEvent stored) {
        List<String> differing = new ArrayList<>();
        if (line.path("sequence").asLong(-1) != stored.sequenceNumber()) {
            differing.add("sequence");
        }
        if (line.path("globalIndex").asLong(-1) != stored.globalIndex()) {
            differing.add("globalIndex");
        }
        if (!Objects.equals(text(line.get("aggregateType")), stored.type())) {
            differing.add("aggregateType");
        }
        String payloadType = stored.payloadType();
        if (!line.path("eventType").asText("").equals(payloadType.substring(payloadType.lastIndexOf('.') + 1))) {
            differing.add("eventType");
        }
        if (!Objects.equals(text(line.get("revision")), stored.payloadRevision())) {
            differing.add("revision");
        }
        if (!Objects.equals(instant(text(line.get("recordedAt"))), instant(stored.timestamp()))) {
            differing.add("recordedAt");
        }
        if (!sameJson(line.get("payload"), stored.payload())) {
            differing.add("payload");
        }
        if (!sameJson(line.get("metadata"), stored.metadata())) {
            differing.add("metadata");
        }
        return differing;
    }

    private static boolean sameJson(JsonNode shown, byte[] stored) {
        JsonNode shownValue = shown == null ? NullNode.getInstance() : shown;
        if (stored == null) {
            return shownValue.isNull();
        }
        try {
            return shownValue.equals(Json.MAPPER.readTree(stored));
        } catch (IOException e) {
            return false; // stored bytes that are not JSON cannot be what the line shows
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The instant a time names, so that equal instants written differently compare equal; else the text. */
    private static Object instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
