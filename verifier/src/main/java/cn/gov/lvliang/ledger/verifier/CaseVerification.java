package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Whether one case verifies against the latest checkpoint: what an audit trail's badge shows.
 *
 * @param checkpoint      the latest checkpoint, or null when there is none yet
 * @param eventsVerified  the case's events the checkpoint covers, all of which were checked
 * @param uncoveredEvents the case's events stored after the checkpoint, not covered by it yet
 * @param caseChainHeads  the case chain after its last event the checkpoint covers, as the journal sealed it, per
 *                        algorithm; empty when it covers none
 * @param firstBrokenLink the earliest finding on one of the case's events (the kind of tampering, its journal
 *                        position and sequence); failing those, a finding on the checkpoint; null when it verifies
 * @param checks          the checks the bundle verifier made, in words
 * @param failures        the bundle verifier's failures, in words
 */
public record CaseVerification(
        String caseId,
        Status status,
        String verifiedAt,
        Checkpoint checkpoint,
        int eventsVerified,
        long uncoveredEvents,
        Map<HashAlgorithm, byte[]> caseChainHeads,
        Finding firstBrokenLink,
        List<String> checks,
        List<String> failures) {

    public enum Status {
        /** Every event of the case is covered by the latest checkpoint, and all of them verify against it. */
        VERIFIED,
        /** Nothing failed, but some or all events are newer than the latest checkpoint (or there is none yet). */
        NOT_YET_CHECKPOINTED,
        /** A check failed: {@link #firstBrokenLink()} says where and how. */
        FAILED
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("caseId", caseId);
        json.put("status", status.name());
        json.put("verifiedAt", verifiedAt);
        if (checkpoint == null) {
            json.putNull("checkpoint");
        } else {
            json.putObject("checkpoint").put("id", checkpoint.id()).put("size", checkpoint.size())
                    .put("time", checkpoint.time());
        }
        json.put("eventsVerified", eventsVerified);
        json.put("uncoveredEvents", uncoveredEvents);
        ObjectNode heads = json.putObject("caseChainHeads");
        caseChainHeads.forEach((algorithm, head) -> heads.put(algorithm.label(), Json.hex(head)));
        json.set("firstBrokenLink", firstBrokenLink == null ? null : firstBrokenLink.toJson());
        ArrayNode checksJson = json.putArray("checks");
        checks.forEach(checksJson::add);
        ArrayNode failuresJson = json.putArray("failures");
        failures.forEach(failuresJson::add);
        return json;
    }
}
