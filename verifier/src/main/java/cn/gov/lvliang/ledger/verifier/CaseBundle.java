package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an auditor needs to check one case without the database: the case's stored events, each with its
 * journal position, leaf hash, per-case chain value and inclusion proof against one signed checkpoint, and the
 * public keys that signed it.
 *
 * @param uncoveredEvents events of the case stored after the checkpoint, so not in this bundle
 */
public record CaseBundle(
        String caseId,
        String exportedAt,
        Checkpoint checkpoint,
        List<NotaryKey> publicKeys,
        List<Event> events,
        long uncoveredEvents) {

    public static final String FORMAT = "lvliang-case-ledger/case-bundle/1";

    /** One event as stored, where it sits in the log, and its hashes and proof per algorithm. */
    public record Event(long position, StoredEvent stored, Map<HashAlgorithm, Proof> proofs) {
    }

    /** The leaf hash, the case chain after this event, and the audit path to the checkpoint's root. */
    public record Proof(byte[] leaf, byte[] caseChain, List<byte[]> inclusionPath) {
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("caseId", caseId);
        json.put("exportedAt", exportedAt);
        json.set("checkpoint", checkpoint == null ? null : checkpoint.toJson());
        ArrayNode keys = json.putArray("publicKeys");
        for (NotaryKey key : publicKeys) {
            keys.addObject().put("keyId", key.keyId()).put("algorithm", key.algorithm().label())
                    .put("pem", key.publicPem());
        }
        ArrayNode eventsJson = json.putArray("events");
        Base64.Encoder base64 = Base64.getEncoder();
        for (Event event : events) {
            StoredEvent e = event.stored();
            ObjectNode node = eventsJson.addObject();
            node.put("position", event.position());
            node.put("globalIndex", e.globalIndex());
            node.put("eventIdentifier", e.eventIdentifier());
            node.put("aggregateIdentifier", e.aggregateIdentifier());
            node.put("sequenceNumber", e.sequenceNumber());
            node.put("type", e.type());
            node.put("timestamp", e.timestamp());
            node.put("payloadType", e.payloadType());
            node.put("payloadRevision", e.payloadRevision());
            node.put("payload", base64.encodeToString(e.payload()));
            node.put("metadata", e.metadata() == null ? null : base64.encodeToString(e.metadata()));
            ObjectNode hashes = node.putObject("hashes");
            event.proofs().forEach((algorithm, proof) -> {
                ObjectNode h = hashes.putObject(algorithm.label());
                h.put("leaf", Json.hex(proof.leaf()));
                h.put("caseChain", Json.hex(proof.caseChain()));
                ArrayNode path = h.putArray("inclusionPath");
                proof.inclusionPath().forEach(p -> path.add(Json.hex(p)));
            });
        }
        json.put("uncoveredEvents", uncoveredEvents);
        return json;
    }

    public static CaseBundle fromJson(String json) {
        return fromJson(Json.parse(json));
    }

    public static CaseBundle fromJson(JsonNode json) {
        String format = Json.required(json, "format").asText();
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a case bundle of format " + FORMAT + ": " + format);
        }
        List<NotaryKey> keys = new ArrayList<>();
        for (JsonNode key : json.path("publicKeys")) {
            keys.add(NotaryKey.fromPublicPem(Json.required(key, "pem").asText()));
        }
        Base64.Decoder base64 = Base64.getDecoder();
        List<Event> events = new ArrayList<>();
        for (JsonNode node : Json.required(json, "events")) {
            JsonNode metadata = node.get("metadata");
            StoredEvent stored = new StoredEvent(
                    node.path("globalIndex").asLong(),
                    Json.required(node, "eventIdentifier").asText(),
                    Json.required(node, "aggregateIdentifier").asText(),
                    Json.required(node, "sequenceNumber").asLong(),
                    text(node.get("type")),
                    Json.required(node, "timestamp").asText(),
                    Json.required(node, "payloadType").asText(),
                    text(node.get("payloadRevision")),
                    base64.decode(Json.required(node, "payload").asText()),
                    metadata == null || metadata.isNull() ? null : base64.decode(metadata.asText()));
            Map<HashAlgorithm, Proof> proofs = new EnumMap<>(HashAlgorithm.class);
            for (Map.Entry<String, JsonNode> entry : node.path("hashes").properties()) {
                List<byte[]> path = new ArrayList<>();
                for (JsonNode p : entry.getValue().path("inclusionPath")) {
                    path.add(Json.unhex(p));
                }
                proofs.put(HashAlgorithm.of(entry.getKey()), new Proof(Json.unhex(entry.getValue().get("leaf")),
                        Json.unhex(entry.getValue().get("caseChain")), path));
            }
            events.add(new Event(Json.required(node, "position").asLong(), stored, proofs));
        }
        JsonNode checkpoint = json.get("checkpoint");
        return new CaseBundle(Json.required(json, "caseId").asText(), json.path("exportedAt").asText(null),
                checkpoint == null || checkpoint.isNull() ? null : Checkpoint.fromJson(checkpoint), keys, events,
                json.path("uncoveredEvents").asLong());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
