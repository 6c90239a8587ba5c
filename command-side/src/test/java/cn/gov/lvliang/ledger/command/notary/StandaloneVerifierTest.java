package cn.gov.lvliang.ledger.command.notary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.verifier.VerifierCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An auditor's view: a case bundle and a consistency proof are exported, the application is stopped, and only the
 * verifier (the code of ledger-verifier.jar) checks them. Any single flipped bit makes it fail.
 */
class StandaloneVerifierTest {

    @Test
    void anExportedBundle_verifiesWithTheApplicationStopped_andFailsAfterAnySingleBitChange() throws Exception {
        Path dir = Files.createTempDirectory("ledger-auditor");
        String schema = LedgerApp.newSchema("notary_auditor");
        Path bundle = dir.resolve("case-bundle.json");
        Path consistency = dir.resolve("consistency.json");
        Path edKey = dir.resolve("ed25519.pub.pem");
        Path sm2Key = dir.resolve("sm2.pub.pem");
        String caseId;
        LedgerApp app = new LedgerApp(schema, dir.resolve("data"));
        try {
            caseId = app.caseWithThreeEvents("赵六");
            JsonNode first = app.sealAndCheckpoint();
            app.caseWithThreeEvents("钱七");
            app.post("/api/bundle-cases/" + caseId + "/visits", """
                    {"requestId": "%s", "purpose": "COLLECTION", "hallCode": "141102-HALL",
                     "businessTime": "2025-03-04T03:00:00Z"}""".formatted(java.util.UUID.randomUUID()));
            app.sealAndCheckpoint();
            Files.writeString(bundle, app.getText("/api/ledger/cases/" + caseId + "/bundle"));
            Files.writeString(consistency, app.getText("/api/ledger/proofs/consistency?from=" + first.get("id")));
            for (JsonNode key : app.get("/api/ledger/public-keys")) {
                Files.writeString(key.get("algorithm").asText().equals("SM2") ? sm2Key : edKey,
                        key.get("pem").asText());
            }
            assertThat(app.context.isActive()).isTrue();
            app.context.close();
            assertThat(app.context.isActive()).isFalse();

            // With the application stopped: the bundle, in both hash algorithms, against either pinned key.
            Run ok = cli("bundle", bundle.toString(), "--public-key", edKey.toString());
            assertThat(ok.status).as(ok.out).isZero();
            assertThat(ok.out).contains("VERIFIED").contains("SHA-256: 4 of 4 events").contains("SM3: 4 of 4 events");
            assertThat(cli(bundle.toString(), "--public-key", sm2Key.toString(), "--algorithm", "SM3").status)
                    .isZero();
            Run unpinned = cli(bundle.toString());
            assertThat(unpinned.status).isZero();
            assertThat(unpinned.out).contains("taken from the bundle itself");
            Run proof = cli("consistency", consistency.toString(), "--public-key", edKey.toString());
            assertThat(proof.status).as(proof.out).isZero();
            assertThat(proof.out).contains("extends checkpoint " + first.get("id"));

            // The database itself, with the verifier alone (what ./ledger verify runs).
            Run database = cli("database", "--url", LedgerApp.url(schema), "--user", "ledger", "--password", "ledger",
                    "--checkpoints", dir.resolve("data/notary/checkpoints.jsonl").toString(),
                    "--public-key", edKey.toString(), "--algorithm", "SM3");
            assertThat(database.status).as(database.out).isZero();
            assertThat(database.out).startsWith("OK: ");

            // Any single flipped bit fails: in a payload, a proof hash, the signature, the checkpoint's root.
            JsonNode original = LedgerApp.json(Files.readString(bundle));
            assertTampered(bundle, original, edKey, b -> {
                ObjectNode event = (ObjectNode) b.get("events").get(1);
                byte[] payload = Base64.getDecoder().decode(event.get("payload").asText());
                payload[payload.length / 2] ^= 0x01;
                event.put("payload", Base64.getEncoder().encodeToString(payload));
            }, "EVENT_ALTERED");
            assertTampered(bundle, original, edKey, b -> {
                ArrayNode path = (ArrayNode) b.get("events").get(2).get("hashes").get("SHA-256").get("inclusionPath");
                path.set(0, b.textNode(flipBit(path.get(0).asText(), 77)));
            }, "NOT_INCLUDED");
            assertTampered(bundle, original, edKey, b -> {
                ObjectNode signature = (ObjectNode) b.get("checkpoint").get("signatures").get(0);
                byte[] value = Base64.getDecoder().decode(signature.get("signature").asText());
                value[5] ^= 0x10;
                signature.put("signature", Base64.getEncoder().encodeToString(value));
            }, "SIGNATURE_INVALID");
            assertTampered(bundle, original, edKey, b -> {
                ObjectNode roots = (ObjectNode) b.get("checkpoint").get("roots");
                roots.put("SM3", flipBit(roots.get("SM3").asText(), 200));
            }, "SIGNATURE_INVALID");
            assertTampered(bundle, original, edKey, b -> ((ArrayNode) b.get("events")).remove(1), "SEQUENCE_GAP");
            assertTampered(bundle, original, edKey, b -> {
                ObjectNode event = (ObjectNode) b.get("events").get(0);
                event.put("timestamp", event.get("timestamp").asText().replace('0', '1'));
            }, "EVENT_ALTERED");

            JsonNode proofJson = LedgerApp.json(Files.readString(consistency));
            ArrayNode path = (ArrayNode) proofJson.get("proofs").get("SHA-256");
            path.set(path.size() - 1, path.textNode(flipBit(path.get(path.size() - 1).asText(), 3)));
            Files.writeString(consistency, proofJson.toString());
            Run broken = cli("consistency", consistency.toString(), "--public-key", edKey.toString());
            assertThat(broken.status).isEqualTo(1);
            assertThat(broken.out).contains("INCONSISTENT: SHA-256");
        } finally {
            app.context.close();
            LedgerApp.dropSchema(schema);
        }
    }

    private static void assertTampered(Path bundle, JsonNode original, Path key, Consumer<ObjectNode> change,
                                       String expected) throws Exception {
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        Path tampered = bundle.resolveSibling("tampered.json");
        Files.writeString(tampered, copy.toString());
        Run run = cli(tampered.toString(), "--public-key", key.toString());
        assertThat(run.status).as(run.out).isEqualTo(1);
        assertThat(run.out).contains("NOT VERIFIED").contains(expected);
    }

    private static String flipBit(String hex, int bit) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return HexFormat.of().formatHex(bytes);
    }

    private record Run(int status, String out) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifierCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
