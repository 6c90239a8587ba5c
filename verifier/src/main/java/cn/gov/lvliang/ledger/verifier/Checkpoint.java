package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A signed statement of the ledger's state: the number of sealed events ({@code size}), the Merkle root over their
 * leaves and the head of the hash chain, per hash algorithm, and when. The signatures are over
 * {@link #signedText()}, never over the JSON, so that an independent tool needs no JSON canonicalization.
 *
 * @param origin     names the ledger (configured), so that a checkpoint of another ledger cannot pass for this one's
 * @param logId      names this ledger's database (a UUID made when it was first sealed): a checkpoint of a test or
 *                   a re-created database cannot pass for this one's
 * @param id         the checkpoint's number, from 1, in the order they were made
 * @param size       events covered: journal positions 0 to size - 1
 * @param time       when it was made, ISO-8601 UTC as signed
 * @param roots      Merkle root of the first {@code size} leaves, per algorithm
 * @param chainHeads chain value after position size - 1 (32 zero bytes for size 0), per algorithm
 * @param signatures one or more signatures over the signed text
 */
public record Checkpoint(
        String origin,
        String logId,
        long id,
        long size,
        String time,
        Map<HashAlgorithm, byte[]> roots,
        Map<HashAlgorithm, byte[]> chainHeads,
        List<Signature> signatures) {

    public static final String FORMAT = "lvliang-case-ledger/checkpoint/1";

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("origin must be one non-blank line");
        }
        if (logId == null || logId.isBlank() || logId.contains("\n")) {
            throw new IllegalArgumentException("logId must be one non-blank line");
        }
        if (time == null || time.contains("\n")) {
            throw new IllegalArgumentException("time must be one line");
        }
        roots = Collections.unmodifiableMap(new EnumMap<>(roots));
        chainHeads = Collections.unmodifiableMap(new EnumMap<>(chainHeads));
        signatures = List.copyOf(signatures);
    }

    /** One signature: by which key, with which algorithm, and its bytes. */
    public record Signature(String keyId, SignatureAlgorithm algorithm, byte[] value) {
    }

    /** The text every signature covers: UTF-8, one field per line, each line ending in LF. */
    public String signedText() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("origin ").append(origin).append('\n')
                .append("log ").append(logId).append('\n')
                .append("id ").append(id).append('\n')
                .append("size ").append(size).append('\n')
                .append("time ").append(time).append('\n');
        roots.forEach((algorithm, root) ->
                text.append("root ").append(algorithm.label()).append(' ').append(Json.hex(root)).append('\n'));
        chainHeads.forEach((algorithm, head) ->
                text.append("chain ").append(algorithm.label()).append(' ').append(Json.hex(head)).append('\n'));
        return text.toString();
    }

    public byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    public Checkpoint signedBy(Collection<NotaryKey> keys) {
        List<Signature> signed = new ArrayList<>();
        for (NotaryKey key : keys) {
            signed.add(new Signature(key.keyId(), key.algorithm(), key.sign(signedBytes())));
        }
        return new Checkpoint(origin, logId, id, size, time, roots, chainHeads, signed);
    }

    /** Checks every signature by a key in {@code keys}; signatures by other keys are reported as unknown. */
    public SignatureReport verifySignatures(Collection<NotaryKey> keys) {
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Signature signature : signatures) {
            NotaryKey key = keys.stream().filter(k -> k.keyId().equals(signature.keyId())).findFirst().orElse(null);
            if (key == null) {
                unknown.add(signature.keyId());
            } else if (key.algorithm() == signature.algorithm() && key.verify(signedBytes(), signature.value())) {
                valid.add(signature.keyId());
            } else {
                invalid.add(signature.keyId());
            }
        }
        return new SignatureReport(valid, invalid, unknown);
    }

    /** Which signatures verified. A checkpoint is authentic if at least one verified and none failed. */
    public record SignatureReport(List<String> valid, List<String> invalid, List<String> unknownKeys) {
        public boolean authentic() {
            return !valid.isEmpty() && invalid.isEmpty();
        }
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("origin", origin);
        json.put("logId", logId);
        json.put("id", id);
        json.put("size", size);
        json.put("time", time);
        ObjectNode rootsJson = json.putObject("roots");
        roots.forEach((algorithm, root) -> rootsJson.put(algorithm.label(), Json.hex(root)));
        ObjectNode headsJson = json.putObject("chainHeads");
        chainHeads.forEach((algorithm, head) -> headsJson.put(algorithm.label(), Json.hex(head)));
        ArrayNode signaturesJson = json.putArray("signatures");
        for (Signature signature : signatures) {
            signaturesJson.addObject()
                    .put("keyId", signature.keyId())
                    .put("algorithm", signature.algorithm().label())
                    .put("signature", Base64.getEncoder().encodeToString(signature.value()));
        }
        return json;
    }

    /** One line of checkpoints.jsonl. */
    public String toJsonLine() {
        return Json.compact(toJson());
    }

    public static Checkpoint fromJson(String json) {
        return fromJson(Json.parse(json));
    }

    public static Checkpoint fromJson(JsonNode json) {
        String format = Json.required(json, "format").asText();
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a checkpoint of format " + FORMAT + ": " + format);
        }
        Map<HashAlgorithm, byte[]> roots = hashes(Json.required(json, "roots"));
        Map<HashAlgorithm, byte[]> heads = hashes(Json.required(json, "chainHeads"));
        List<Signature> signatures = new ArrayList<>();
        for (JsonNode signature : Json.required(json, "signatures")) {
            byte[] value;
            try {
                value = Base64.getDecoder().decode(Json.required(signature, "signature").asText());
            } catch (IllegalArgumentException e) {
                value = null;
            }
            signatures.add(new Signature(Json.required(signature, "keyId").asText(),
                    SignatureAlgorithm.of(Json.required(signature, "algorithm").asText()), value));
        }
        return new Checkpoint(Json.required(json, "origin").asText(), Json.required(json, "logId").asText(),
                Json.required(json, "id").asLong(),
                Json.required(json, "size").asLong(), Json.required(json, "time").asText(), roots, heads, signatures);
    }

    private static Map<HashAlgorithm, byte[]> hashes(JsonNode node) {
        Map<HashAlgorithm, byte[]> hashes = new EnumMap<>(HashAlgorithm.class);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            byte[] hash = Json.unhex(field.getValue());
            hashes.put(HashAlgorithm.of(field.getKey()), hash == null ? new byte[0] : hash);
        }
        return hashes;
    }
}
