package cn.gov.lvliang.ledger.query.rebuild;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.concluded;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.ErasureBasis;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.events.personaldata.PersonalDataErasedEvent;
import cn.gov.lvliang.ledger.personaldata.DataKeys;
import cn.gov.lvliang.ledger.personaldata.SubjectReferences;
import cn.gov.lvliang.ledger.query.audit.StoredCases;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The acceptance test of crypto-shredding (docs/personal-data.md), on PostgreSQL, in the rebuild tests' own database
 * (so that a rebuild from zero must reproduce every row): before the erasure the event store holds no identifier in
 * clear and the read models hold only masked ones; after the subject's key is destroyed and the erasure recorded, the
 * identifiers are unreadable in the event store, the read model (live and rebuilt from zero), the xlsx export and the
 * unmasking endpoint, while the rest of the case history still replays through the audit trail and the as-of state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${LEDGER_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/ledger_test}?currentSchema="
                + RebuildTestConfiguration.CRYPTO_SHREDDING_SCHEMA,
        "spring.flyway.schemas=" + RebuildTestConfiguration.CRYPTO_SHREDDING_SCHEMA,
        "ledger.projections.initial-segment-count=2",
        "ledger.rebuild.batch-size=7"})
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, RebuildTestConfiguration.class})
class CryptoShreddingTest {

    private static final String NAME = "冯十一";
    private static final String PHONE = "13700001111";
    private static final Instant ERASED_AT = Instant.parse("2025-03-20T01:00:00Z");

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataKeys keys;

    @Autowired
    SubjectReferences subjects;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void afterTheKeyIsDestroyed_theIdentifiersAreUnreadableEverywhere_andTheHistoryStillReplays() throws Exception {
        int sequence = Math.floorMod(UUID.randomUUID().hashCode(), 10_000);
        String identity = identityNumber(sequence);
        String leadUnit = "TEST_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String erasedCase = store(personApplying(concluded(newCaseId(), leadUnit), identity));
        String secondCaseOfTheSamePerson = store(personApplying(concluded(newCaseId(), leadUnit), identity));
        String otherPersonsCase = store(personApplying(concluded(newCaseId(), leadUnit),
                identityNumber(sequence + 1)));
        awaitProjected(erasedCase, secondCaseOfTheSamePerson, otherPersonsCase);

        // Before: nothing in clear in the event store, masked in the read model, clear only through the logged endpoint.
        List<String> storedBefore = storedPayloads(erasedCase);
        assertThat(String.join("\n", storedBefore)).doesNotContain(identity, PHONE, NAME);
        JsonNode before = Json.parse(get("/api/bundle-cases/" + erasedCase));
        assertThat(before.get("applicantName").asText()).isEqualTo(NAME);
        assertThat(before.get("applicantIdMasked").asText()).isEqualTo(identity.substring(0, 4) + "**********"
                + identity.substring(14));
        JsonNode unmasked = Json.parse(getAs("auditor", "/api/bundle-cases/" + erasedCase + "/personal-data").getBody());
        assertThat(unmasked.get("identifier").asText()).isEqualTo(identity);
        assertThat(unmasked.get("phone").asText()).isEqualTo(PHONE);
        assertThat(loggedReads("auditor", "/api/bundle-cases/" + erasedCase + "/personal-data")).isEqualTo(1);
        String stateBefore = get("/api/cases/" + erasedCase + "/state?asOf=2025-03-30T00:00:00Z");

        // The erasure, as the command side's DataSubject records it: key destroyed and event stored in one transaction.
        String subject = subjects.of(DataSubjectKind.APPLICANT, identity);
        transactions.executeWithoutResult(status -> {
            assertThat(keys.destroy(subject)).isEqualTo(1);
            eventStore.publish(new GenericDomainEventMessage<>("DataSubject", subject, 0,
                    new PersonalDataErasedEvent(subject, DataSubjectKind.APPLICANT, 1, ErasureBasis.CONSENT_WITHDRAWN,
                            "个保删〔2025〕1号", ERASED_AT), Map.of(), UUID.randomUUID().toString(),
                    ERASED_AT.plusSeconds(1)));
        });

        // The read model, live: both cases of the person erased, the other person's case untouched.
        await("the erasure reaches the read model").atMost(Duration.ofSeconds(60)).until(() ->
                Json.parse(get("/api/bundle-cases/" + secondCaseOfTheSamePerson)).get("applicantName").asText()
                        .equals(PersonalData.ERASED)
                        && Json.parse(get("/api/bundle-cases/" + erasedCase)).get("applicantName").asText()
                        .equals(PersonalData.ERASED));
        JsonNode after = Json.parse(get("/api/bundle-cases/" + erasedCase));
        assertThat(List.of(after.get("applicantName").asText(), after.get("applicantIdMasked").asText(),
                after.get("applicantPhoneMasked").asText())).containsOnly(PersonalData.ERASED);
        assertThat(after.get("status").asText()).isEqualTo("CONCLUDED");
        assertThat(after.get("items")).isEqualTo(before.get("items"));
        assertThat(Json.parse(get("/api/bundle-cases/" + otherPersonsCase)).get("applicantName").asText())
                .isEqualTo(NAME);

        // The event store: not one byte rewritten, and still nothing in clear.
        assertThat(storedPayloads(erasedCase)).isEqualTo(storedBefore);
        assertThat(new String(jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :s")
                .param("s", subject).query((row, n) -> row.getBytes(1)).single(), StandardCharsets.UTF_8))
                .doesNotContain(identity, NAME, PHONE);

        // Unmasking yields the erased marker, and the history replays without the personal data.
        JsonNode unmaskedAfter = Json.parse(getAs("auditor", "/api/bundle-cases/" + erasedCase + "/personal-data")
                .getBody());
        assertThat(unmaskedAfter.get("erased").asBoolean()).isTrue();
        assertThat(unmaskedAfter.get("identifier").asText()).isEqualTo(PersonalData.ERASED);
        JsonNode trail = Json.parse(get("/api/cases/" + erasedCase + "/audit-trail"));
        assertThat(trail.get("total").asLong()).isEqualTo(storedBefore.size());
        JsonNode state = Json.parse(get("/api/cases/" + erasedCase + "/state?asOf=2025-03-30T00:00:00Z"));
        assertThat(state.get("state").get("applicantIdMasked").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(state.get("state").get("applicantName").asText()).isEqualTo(PersonalData.ERASED);
        JsonNode stateWithoutPersonalData = Json.parse(stateBefore);
        ((com.fasterxml.jackson.databind.node.ObjectNode) stateWithoutPersonalData.get("state"))
                .put("applicantName", PersonalData.ERASED).put("applicantIdMasked", PersonalData.ERASED)
                .put("applicantPhoneMasked", PersonalData.ERASED);
        assertThat(state).as("everything but the personal data replays as before").isEqualTo(stateWithoutPersonalData);

        // The export: the erased marker in words, and neither the name nor the identifier anywhere.
        List<List<String>> rows = exportedCases(leadUnit);
        assertThat(rows).filteredOn(row -> row.contains(erasedCase)).singleElement()
                .satisfies(row -> assertThat(row).contains("〔个人信息已删除〕").doesNotContain(NAME));
        assertThat(rows).filteredOn(row -> row.contains(otherPersonsCase)).singleElement()
                .satisfies(row -> assertThat(row).contains(NAME));
        assertThat(rows.toString()).doesNotContain(identity);

        // The read model rebuilt from zero: the same rows, the erased ones included.
        JsonNode rebuild = rebuildBundleCases();
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");
        assertThat(rebuild.get("equal").asBoolean()).as(rebuild.toString()).isTrue();
        assertThat(Json.parse(get("/api/bundle-cases/" + erasedCase))).isEqualTo(after);
    }

    private static List<BundleCaseEvent> personApplying(List<BundleCaseEvent> history, String identity) {
        BundleCaseSubmittedEvent submitted = (BundleCaseSubmittedEvent) history.get(0);
        List<BundleCaseEvent> events = new ArrayList<>(history);
        events.set(0, new BundleCaseSubmittedEvent(submitted.caseId(), submitted.bundleCode(),
                submitted.catalogVersion(), submitted.leadUnit(), submitted.items(),
                new Applicant(ApplicantKind.PERSON, NAME, identity, PHONE), submitted.divisionCode(),
                submitted.hallCode(), submitted.channel(), submitted.windowCode(), submitted.businessTime()));
        return events;
    }

    /** An identity number of no real person, one of a pair that differs in its sequence digits. */
    private static String identityNumber(int sequence) {
        return "14110219900101" + String.format("%04d", Math.floorMod(sequence, 10_000));
    }

    private String store(List<BundleCaseEvent> events) {
        StoredCases.store(eventStore, events);
        return events.get(0).caseId();
    }

    private void awaitProjected(String... caseIds) {
        await("the cases are projected").atMost(Duration.ofSeconds(60)).until(() -> {
            for (String caseId : caseIds) {
                if (http.getForEntity("/api/bundle-cases/" + caseId, String.class).getStatusCode() != HttpStatus.OK) {
                    return false;
                }
            }
            return true;
        });
    }

    private List<String> storedPayloads(String aggregateId) {
        return jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber")
                .param("id", aggregateId)
                .query((row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8))
                .list();
    }

    private long loggedReads(String user, String path) {
        return jdbc.sql("SELECT count(*) FROM read_access_log WHERE user_id = :user AND path = :path")
                .param("user", user).param("path", path).query(Long.class).single();
    }

    private List<List<String>> exportedCases(String leadUnit) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity("/export/cases.xlsx?leadUnit=" + leadUnit, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
                rows.add(cells);
            }
        }
        return rows;
    }

    private JsonNode rebuildBundleCases() {
        ResponseEntity<String> started = http.postForEntity("/api/admin/projections/bundle-cases/rebuild", null,
                String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        return await("bundle-cases rebuilt").atMost(Duration.ofSeconds(120))
                .until(() -> Json.parse(get(location)), rebuild -> !rebuild.get("state").asText().equals("RUNNING"));
    }

    private String get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> getAs(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestAuthentication.PASSWORD);
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response;
    }
}
