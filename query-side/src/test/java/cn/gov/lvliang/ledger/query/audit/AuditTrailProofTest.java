package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.accepted;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.at;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.dispatched;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.materials;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.query.support.EventRows;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.LedgerNotary;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.verifier.AuditTrailExport;
import cn.gov.lvliang.ledger.verifier.BundleVerifier;
import cn.gov.lvliang.ledger.verifier.CaseBundle;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.VerifierCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail's exports carry the case's proof: an auditor files the JSON Lines export (or the bundle) and checks
 * it with the standalone verifier's code alone, and a single tampered event row fails it. The events are stored in
 * the real event store and sealed and signed as the command side's notary does ({@link LedgerNotary}).
 */
@QuerySideTest
class AuditTrailProofTest {

    static final Set<HashAlgorithm> BOTH = EnumSet.allOf(HashAlgorithm.class);

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path auditorsFolder;

    String caseId;
    Checkpoint checkpoint;

    /** A case of five events, sealed and signed. */
    @BeforeEach
    void aCaseInASignedCheckpoint() {
        caseId = newCaseId();
        StoredCases.into(eventStore)
                .event(submitted(caseId, "CITY_APPROVAL"), at("2025-03-03T01:30:01Z"),
                        AuditTrailApiTest.WINDOW_CLERK)
                .event(accepted(caseId), at("2025-03-03T02:00:01Z"), AuditTrailApiTest.ZHANG_WEI)
                .event(dispatched(caseId, 1, "CITY_APPROVAL"), at("2025-03-03T03:00:01Z"),
                        AuditTrailApiTest.ZHANG_WEI)
                .event(new ItemApprovedEvent(caseId, "CITY_APPROVAL", 1, "91141100MA0ABCDE12",
                        at("2025-03-04T02:00:00Z")), at("2025-03-04T02:00:01Z"), AuditTrailApiTest.LI_NA)
                .event(materials(caseId, at("2025-03-03T01:35:00Z")), at("2025-03-05T08:00:00Z"), Map.of())
                .store();
        checkpoint = LedgerNotary.sealAndCheckpoint(dataSource, FixedClockConfiguration.NOW);
    }

    @Test
    void theJsonLinesExport_endsWithTheCasesBundle_andVerifiesWithTheStandaloneVerifierAlone() throws Exception {
        List<String> lines = jsonLines();

        assertThat(lines).as("five events, then the bundle").hasSize(6);
        CaseBundle bundle = CaseBundle.fromJson(lines.get(5));
        assertThat(bundle.caseId()).isEqualTo(caseId);
        assertThat(bundle.checkpoint().id()).isEqualTo(checkpoint.id());
        assertThat(bundle.events()).extracting(event -> event.stored().sequenceNumber())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(bundle.uncoveredEvents()).isZero();
        BundleVerifier.Report report = BundleVerifier.verify(bundle, List.of(LedgerNotary.publicKey()), BOTH);
        assertThat(report.ok()).as(report.failures().toString()).isTrue();
        assertThat(report.checks()).anyMatch(check -> check.startsWith("SHA-256: 5 of 5 events"))
                .anyMatch(check -> check.startsWith("SM3: 5 of 5 events"));

        Run run = verifier(file("audit-trail-" + caseId + ".jsonl", String.join("\n", lines)),
                "--public-key", publicKeyFile().toString());
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("VERIFIED", "5 of 5 event line(s) of the export are events proven");

        ResponseEntity<String> download = http.getForEntity(path("/audit-trail/bundle"), String.class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("case-" + caseId + "-bundle.json");
        assertThat(withoutExportTime(Json.parse(download.getBody())))
                .as("the bundle download is the export's last line")
                .isEqualTo(withoutExportTime(Json.parse(lines.get(5))));
        Run bundleRun = verifier(file("case-bundle.json", download.getBody()), "--public-key",
                publicKeyFile().toString());
        assertThat(bundleRun.status()).as(bundleRun.out()).isZero();
    }

    @Test
    void aSingleTamperedEventRow_failsTheExport_andTheVerificationNamesItsSequence() throws Exception {
        byte[] original = EventRows.payload(jdbc, caseId, 2);
        long position = EventRows.journalPosition(jdbc, caseId, 2);
        try {
            EventRows.setPayload(jdbc, caseId, 2, new String(original, StandardCharsets.UTF_8)
                    .replace("CITY_APPROVAL", "CITY_TAX").getBytes(StandardCharsets.UTF_8));

            List<String> lines = jsonLines();
            BundleVerifier.Report report = BundleVerifier.verify(CaseBundle.fromJson(lines.get(lines.size() - 1)),
                    List.of(LedgerNotary.publicKey()), BOTH);
            assertThat(report.ok()).isFalse();
            assertThat(report.failed()).extracting(BundleVerifier.Failure::code, BundleVerifier.Failure::sequenceNumber)
                    .contains(tuple("EVENT_ALTERED", 2L));
            Run run = verifier(file("audit-trail-" + caseId + ".jsonl", String.join("\n", lines)),
                    "--public-key", publicKeyFile().toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).contains("NOT VERIFIED", "EVENT_ALTERED", caseId + "#2");

            JsonNode verification = verification();
            assertThat(verification.get("status").asText()).isEqualTo("FAILED");
            JsonNode link = verification.get("firstBrokenLink");
            assertThat(link.get("kind").asText()).isEqualTo("PAYLOAD_CHANGED");
            assertThat(link.get("sequenceNumber").asLong()).isEqualTo(2);
            assertThat(link.get("position").asLong()).isEqualTo(position);
        } finally {
            EventRows.setPayload(jdbc, caseId, 2, original);
        }
        assertThat(verification().get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void anExportEditedAfterItWasFiled_failsAtTheEditedLine_andOneWithoutItsProofIsRefused() {
        List<String> lines = new ArrayList<>(jsonLines());
        ObjectNode acceptance = (ObjectNode) Json.parse(lines.get(1));
        ((ObjectNode) acceptance.get("metadata")).put("actorUser", "someone.else");
        lines.set(1, acceptance.toString());

        BundleVerifier.Report report = AuditTrailExport.parse(String.join("\n", lines))
                .verify(List.of(LedgerNotary.publicKey()), BOTH);

        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).singleElement().asString()
                .startsWith("LINE_ALTERED: line 2 (event #1)").endsWith("in metadata");
        assertThatThrownBy(() -> AuditTrailExport.parse(String.join("\n", lines.subList(0, 5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries no proof");
    }

    @Test
    void theCasesLastEventDeleted_failsTheVerification_thoughItsBundleCannotShowTheGap() {
        String saved = "saved_row_" + caseId.replace("-", "");
        jdbc.sql("CREATE TABLE " + saved + " AS SELECT * FROM domainevententry WHERE aggregateidentifier = :id "
                + "AND sequencenumber = 4").param("id", caseId).update();
        try {
            jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = 4")
                    .param("id", caseId).update();

            JsonNode link = verification().get("firstBrokenLink");
            assertThat(link.get("kind").asText()).isEqualTo("ROW_DELETED");
            assertThat(link.get("sequenceNumber").asLong()).isEqualTo(4);
            // The documented limit of a bundle on its own: it cannot prove that no later event is missing.
            List<String> lines = jsonLines();
            assertThat(BundleVerifier.verify(CaseBundle.fromJson(lines.get(lines.size() - 1)),
                    List.of(LedgerNotary.publicKey()), BOTH).ok()).isTrue();
        } finally {
            jdbc.sql("INSERT INTO domainevententry SELECT * FROM " + saved).update();
            jdbc.sql("DROP TABLE " + saved).update();
        }
        assertThat(verification().get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void anEventNewerThanTheCheckpoint_isNotCoveredYet_andTheExportSaysSo() {
        storeSixthEvent();

        JsonNode verification = verification();
        assertThat(verification.get("status").asText()).isEqualTo("NOT_YET_CHECKPOINTED");
        assertThat(verification.get("eventsVerified").asInt()).isEqualTo(5);
        assertThat(verification.get("uncoveredEvents").asLong()).isEqualTo(1);
        BundleVerifier.Report report = AuditTrailExport.parse(String.join("\n", jsonLines()))
                .verify(List.of(LedgerNotary.publicKey()), BOTH);
        assertThat(report.ok()).as(report.failures().toString()).isTrue();
        assertThat(report.warnings())
                .contains("1 event line(s) are newer than the checkpoint and not proven by it yet");

        Checkpoint next = LedgerNotary.sealAndCheckpoint(dataSource, FixedClockConfiguration.NOW);
        assertThat(next.id()).isEqualTo(checkpoint.id() + 1);
        assertThat(verification().get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void thePrintablePage_showsTheCheckpointTheCaseChainHeadAndHowToVerify() {
        ResponseEntity<String> page = http.getForEntity(path("/audit-trail/export?format=html"), String.class);
        JsonNode verification = verification();

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("账本校验", "已通过校验", "5 个事件均与最新检查点 " + checkpoint.id(),
                "编号 " + checkpoint.id() + " · 覆盖账本前 " + checkpoint.size() + " 个事件",
                cn.gov.lvliang.ledger.verifier.Json.hex(checkpoint.roots().get(HashAlgorithm.SHA_256)),
                cn.gov.lvliang.ledger.verifier.Json.hex(checkpoint.roots().get(HashAlgorithm.SM3)),
                "Ed25519 · 密钥编号 " + LedgerNotary.publicKey().keyId(),
                verification.get("caseChainHeads").get("SHA-256").asText(),
                "java -jar ledger-verifier.jar audit-trail-" + caseId + ".jsonl");
    }

    @Test
    void unknownCases_areNotFound_andBothEndpointsAreDocumented() {
        for (String path : List.of("/api/cases/no-such-case/audit-trail/bundle",
                "/api/cases/no-such-case/audit-trail/verification")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
        JsonNode paths = Json.parse(http.getForObject("/v3/api-docs", String.class)).get("paths");
        for (String path : List.of("/api/cases/{caseId}/audit-trail/bundle",
                "/api/cases/{caseId}/audit-trail/verification")) {
            assertThat(paths.get(path).get("get").get("summary").asText()).as(path).isNotBlank();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The case's sixth event (sequence 5), stored after the checkpoint. */
    private void storeSixthEvent() {
        eventStore.publish(new GenericDomainEventMessage<>(CaseHistories.AGGREGATE_TYPE, caseId, 5,
                new VisitRecordedEvent(caseId, 2, CaseHistories.LISHI_HALL, CaseHistories.ONE_THING_WINDOW,
                        VisitPurpose.COLLECTION, at("2025-03-07T08:00:00Z")), Map.of()));
    }

    private String path(String suffix) {
        return "/api/cases/" + caseId + suffix;
    }

    private List<String> jsonLines() {
        ResponseEntity<byte[]> export = http.getForEntity(path("/audit-trail.jsonl"), byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new String(export.getBody(), StandardCharsets.UTF_8).lines().toList();
    }

    private JsonNode verification() {
        ResponseEntity<String> response = http.getForEntity(path("/audit-trail/verification"), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private static JsonNode withoutExportTime(JsonNode bundle) {
        ObjectNode copy = bundle.deepCopy();
        copy.remove("exportedAt");
        return copy;
    }


    private Path publicKeyFile() throws Exception {
        return file("checkpoint-ed25519.pub.pem", LedgerNotary.publicKey().publicPem());
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(auditorsFolder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private record Run(int status, String out) {
    }

    /** The standalone verifier's command line, as an auditor runs {@code java -jar ledger-verifier.jar}. */
    private static Run verifier(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifierCli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
