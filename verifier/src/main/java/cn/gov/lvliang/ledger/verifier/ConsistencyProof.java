package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Proof that checkpoint {@code to} extends checkpoint {@code from}: the log was only appended to in between. */
public record ConsistencyProof(Checkpoint from, Checkpoint to, Map<HashAlgorithm, List<byte[]>> paths) {

    public static final String FORMAT = "lvliang-case-ledger/consistency-proof/1";

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.set("from", from.toJson());
        json.set("to", to.toJson());
        ObjectNode pathsJson = json.putObject("proofs");
        paths.forEach((algorithm, path) -> {
            ArrayNode array = pathsJson.putArray(algorithm.label());
            path.forEach(p -> array.add(Json.hex(p)));
        });
        return json;
    }

    public static ConsistencyProof fromJson(JsonNode json) {
        if (!FORMAT.equals(Json.required(json, "format").asText())) {
            throw new IllegalArgumentException("not a consistency proof of format " + FORMAT);
        }
        Map<HashAlgorithm, List<byte[]>> paths = new EnumMap<>(HashAlgorithm.class);
        for (Map.Entry<String, JsonNode> entry : Json.required(json, "proofs").properties()) {
            List<byte[]> path = new ArrayList<>();
            entry.getValue().forEach(p -> path.add(Json.unhex(p)));
            paths.put(HashAlgorithm.of(entry.getKey()), path);
        }
        return new ConsistencyProof(Checkpoint.fromJson(Json.required(json, "from")),
                Checkpoint.fromJson(Json.required(json, "to")), paths);
    }

    /** Checks both signatures (with {@code keys}) and the proof in each algorithm. */
    public BundleVerifier.Report verify(Collection<NotaryKey> keys, Set<HashAlgorithm> algorithms) {
        List<String> checks = new ArrayList<>();
        List<BundleVerifier.Failure> failures = new ArrayList<>();
        for (Checkpoint checkpoint : List.of(from, to)) {
            Checkpoint.SignatureReport report = checkpoint.verifySignatures(keys);
            if (report.authentic()) {
                checks.add("checkpoint " + checkpoint.id() + " (size " + checkpoint.size() + ") is signed by "
                        + String.join(", ", report.valid()));
            } else {
                failures.add(BundleVerifier.Failure.of("SIGNATURE_INVALID", "checkpoint " + checkpoint.id()
                        + " has no valid trusted signature"));
            }
        }
        if (!from.origin().equals(to.origin()) || !from.logId().equals(to.logId())) {
            failures.add(BundleVerifier.Failure.of("ORIGIN", "the checkpoints are of different logs"));
        }
        for (HashAlgorithm algorithm : algorithms) {
            List<byte[]> path = paths.get(algorithm);
            boolean ok = path != null && Merkle.verifyConsistency(algorithm, from.size(), to.size(),
                    from.roots().get(algorithm), to.roots().get(algorithm), path);
            if (ok) {
                checks.add(algorithm.label() + ": checkpoint " + to.id() + " (size " + to.size() + ") extends checkpoint "
                        + from.id() + " (size " + from.size() + ")");
            } else {
                failures.add(BundleVerifier.Failure.of("INCONSISTENT", algorithm.label() + ": checkpoint " + to.id()
                        + " is not proven to extend checkpoint " + from.id()));
            }
        }
        return new BundleVerifier.Report(failures.isEmpty(), checks, failures, List.of());
    }
}
