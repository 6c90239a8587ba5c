package cn.gov.lvliang.ledger.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The submission endpoint over real HTTP, against PostgreSQL: what is accepted is stored as an event, what is
 * rejected is answered with problem+json naming the field, and leaves the event store untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BundleCaseSubmissionApiTest {

    private static final String VALID = """
            {"requestId": "req-%s", "bundleCode": "2024-01",
             "applicant": {"kind": "ENTERPRISE", "name": "吕梁示范商贸有限公司", "identifier": "91141100MA0ABCDE12"},
             "divisionCode": "141102", "hallCode": "141102-HALL", "channel": "WINDOW",
             "windowCode": "141102-HALL-W04", "businessTime": "2024-09-02T01:30:00Z"}""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void submissionAtAWindow_isStoredWithItsFirstVisitAsReadableJson() throws Exception {
        ResponseEntity<String> response = post(VALID.formatted("ok-1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = objectMapper.readTree(response.getBody()).get("caseId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/bundle-cases/" + caseId);

        var stored = jdbc.sql("""
                        SELECT sequencenumber, payloadtype, payloadrevision, payload
                        FROM domainevententry WHERE aggregateidentifier = :caseId""")
                .param("caseId", caseId)
                .query((row, n) -> new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getBytes(4)))
                .list();
        assertThat(stored).extracting(StoredEvent::sequence).containsExactly(0L, 1L);
        assertThat(stored).extracting(StoredEvent::type).containsExactly(
                "cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent",
                "cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent");
        assertThat(stored).extracting(StoredEvent::revision).containsExactly("2", "1");
        JsonNode payload = objectMapper.readTree(stored.get(0).payload());
        assertThat(payload.get("bundleCode").asText()).isEqualTo("2024-01");
        assertThat(payload.get("businessTime").asText()).isEqualTo("2024-09-02T01:30:00Z");
        assertThat(payload.get("applicant").get("kind").asText()).isEqualTo("ENTERPRISE");
        assertThat(payload.get("applicant").get("name").get("encrypted").asText())
                .as("personal data is stored encrypted (docs/personal-data.md)").isEqualTo("AES-256-GCM");
        assertThat(new String(stored.get(0).payload(), StandardCharsets.UTF_8))
                .doesNotContain("吕梁示范商贸有限公司");
        assertThat(payload.get("leadUnit").asText()).isEqualTo("CITY_APPROVAL");
        assertThat(payload.get("items")).hasSize(6);
    }

    @Test
    void missingFields_areNamedAndNothingIsStored() throws Exception {
        long before = submissionCount();

        ResponseEntity<String> response = post("""
                {"requestId": "req-missing", "applicant": {"kind": "PERSON"}, "channel": "ONLINE_PLATFORM"}""");

        assertProblem(response, "bundleCode", "divisionCode", "applicant.name", "applicant.identifier");
        assertThat(submissionCount()).isEqualTo(before);
    }

    @Test
    void unknownBundle_isNamedAndNothingIsStored() throws Exception {
        long before = submissionCount();

        ResponseEntity<String> response = post(VALID.formatted("unknown").replace("2024-01", "2099-01"));

        JsonNode problem = assertProblem(response, "bundleCode");
        assertThat(problem.get("detail").asText()).contains("no bundle 2099-01");
        assertThat(submissionCount()).isEqualTo(before);
    }

    @Test
    void malformedJson_isRejectedAndNothingIsStored() throws Exception {
        long before = submissionCount();

        ResponseEntity<String> response = post("{\"requestId\": \"req-broken\", \"bundleCode\": ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(objectMapper.readTree(response.getBody()).get("title").asText())
                .isEqualTo("Malformed request body");
        assertThat(submissionCount()).isEqualTo(before);
    }

    @Test
    void unknownChannel_isNamedAndNothingIsStored() throws Exception {
        long before = submissionCount();

        ResponseEntity<String> response = post(VALID.formatted("fax").replace("\"WINDOW\"", "\"FAX\""));

        assertProblem(response, "channel");
        assertThat(submissionCount()).isEqualTo(before);
    }

    @Test
    void windowOfAnotherDivision_isNamedAndNothingIsStored() throws Exception {
        long before = submissionCount();

        ResponseEntity<String> response = post(VALID.formatted("wrong-hall").replace("\"141102\"", "\"141182\""));

        assertProblem(response, "hallCode");
        assertThat(submissionCount()).isEqualTo(before);
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/bundle-cases", new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, String... fields) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = objectMapper.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).contains(fields);
        return problem;
    }

    private record StoredEvent(long sequence, String type, String revision, byte[] payload) {
    }

    /** Cases opened so far; overdue deadlines of other tests' back-dated cases may add other events at any time. */
    private long submissionCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%BundleCaseSubmittedEvent'").query(Long.class).single();
    }
}
