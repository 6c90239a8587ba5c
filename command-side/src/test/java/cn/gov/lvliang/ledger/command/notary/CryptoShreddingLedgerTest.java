package cn.gov.lvliang.ledger.command.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Crypto-shredding on the command side, on PostgreSQL: the event table never holds an applicant's identifiers in
 * clear, an administrator's erasure destroys the subject's key and records an event without personal data, and the
 * sealed ledger still verifies afterwards, since the stored bytes the hash chain covers were never touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CryptoShreddingLedgerTest {

    private static final String IDENTITY = "141102196601011234";
    private static final String PHONE = "13912345678";
    private static final String NAME = "周九";

    private LedgerApp app;
    private String caseId;
    private String otherCase;

    @BeforeAll
    void start() throws Exception {
        app = new LedgerApp(LedgerApp.newSchema("notary_shred"), Files.createTempDirectory("ledger-shred"));
        caseId = app.post("/api/bundle-cases", """
                {"requestId": "%s", "bundleCode": "2024-13",
                 "applicant": {"kind": "PERSON", "name": "%s", "identifier": "%s", "phone": "%s"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM", "businessTime": "2025-03-03T01:00:00Z"}"""
                .formatted(UUID.randomUUID(), NAME, IDENTITY, PHONE)).get("caseId").asText();
        app.post("/api/bundle-cases/" + caseId + "/acceptance", """
                {"requestId": "%s", "actingUnit": "CITY_HRSS", "businessTime": "2025-03-03T02:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        otherCase = app.caseWithThreeEvents("吴十");
        app.sealAndCheckpoint();
    }

    @AfterAll
    void stop() {
        app.close();
        LedgerApp.dropSchema(app.schema);
    }

    @Test
    void anErasure_destroysTheKey_recordsNoPersonalData_andTheSealedLedgerStillVerifies() {
        List<String> before = storedPayloads(caseId);
        assertThat(String.join("\n", before)).doesNotContain(IDENTITY, PHONE, NAME);
        assertThat(app.verify().get("ok").asBoolean()).isTrue();

        JsonNode receipt = app.post("/api/personal-data/erasures", erasure("APPLICANT", IDENTITY, "个保删〔2025〕1号"));

        String subject = receipt.get("subjectReference").asText();
        assertThat(subject).startsWith("ds1_").doesNotContain(IDENTITY);
        assertThat(storedPayloads(caseId)).as("the case's stored events are not rewritten").isEqualTo(before);
        assertThat(app.jdbc.sql("SELECT count(*) FROM personal_data_key WHERE subject_ref = :s "
                + "AND wrapped_key IS NULL AND destroyed_at IS NOT NULL").param("s", subject)
                .query(Long.class).single()).isEqualTo(1);
        String erased = storedPayloads(subject).get(0);
        assertThat(erased).contains("\"keysDestroyed\":1", "CONSENT_WITHDRAWN", subject).doesNotContain(IDENTITY);
        assertThat(new String(app.jdbc.sql("SELECT metadata FROM domainevententry WHERE aggregateidentifier = :s")
                .param("s", subject).query((row, n) -> row.getBytes(1)).single(), StandardCharsets.UTF_8))
                .contains("\"actorUser\":\"admin\"", "\"actorRole\":\"ADMIN\"");

        app.sealAndCheckpoint();
        JsonNode report = app.verify();
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.get("pendingRows").asLong()).isZero();
        assertThat(app.get("/api/ledger/cases/" + caseId + "/verification").get("status").asText())
                .isEqualTo("VERIFIED");
        assertThat(app.get("/api/ledger/cases/" + otherCase + "/verification").get("status").asText())
                .isEqualTo("VERIFIED");
    }

    @Test
    void erasingASubjectTheLedgerHoldsNothingOf_isA409_andAnIdentityNumberAsDecisionReference_isA400() {
        HttpResponse<String> unknown = app.postRaw("/api/personal-data/erasures",
                erasure("APPLICANT", "91141100MA0NOBODY1", "个保删〔2025〕2号"), "admin");
        HttpResponse<String> leaking = app.postRaw("/api/personal-data/erasures",
                erasure("APPLICANT", IDENTITY, "申请人" + IDENTITY), "admin");

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(409);
        assertThat(unknown.body()).contains("nothing-to-erase");
        assertThat(leaking.statusCode()).as(leaking.body()).isEqualTo(400);
        assertThat(leaking.body()).contains("decisionReference");
    }

    @Test
    void onlyTheAdministrator_erases() {
        HttpResponse<String> byClerk = app.postRaw("/api/personal-data/erasures",
                erasure("APPLICANT", IDENTITY, "个保删〔2025〕3号"), "lishi-clerk");
        HttpResponse<String> byAuditor = app.postRaw("/api/personal-data/erasures",
                erasure("APPLICANT", IDENTITY, "个保删〔2025〕3号"), "auditor");

        assertThat(byClerk.statusCode()).isEqualTo(403);
        assertThat(byAuditor.statusCode()).isEqualTo(403);
    }

    private List<String> storedPayloads(String aggregateId) {
        return app.jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :id "
                        + "ORDER BY sequencenumber")
                .param("id", aggregateId)
                .query((row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8))
                .list();
    }

    private static String erasure(String kind, String identifier, String decision) {
        return """
                {"requestId": "%s", "subjectKind": "%s", "identifier": "%s", "basis": "CONSENT_WITHDRAWN",
                 "decisionReference": "%s", "businessTime": "2025-03-10T01:00:00Z"}"""
                .formatted(UUID.randomUUID(), kind, identifier, decision);
    }
}
