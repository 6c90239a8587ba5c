package cn.gov.lvliang.ledger.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives the bundle-case REST API in tests and reads what the event store holds. */
final class BundleCaseApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestRestTemplate http;
    private final JdbcClient jdbc;

    BundleCaseApi(TestRestTemplate http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    /** Posts and expects 200 or 201. */
    JsonNode ok(String path, String body) {
        ResponseEntity<String> response = post(path, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " -> " + response.getBody()).isTrue();
        return json(response.getBody());
    }

    String submit(String bundleCode, String division, String hall, String window, String businessTime) {
        String channel = window == null ? "ONLINE_PLATFORM" : "WINDOW";
        return ok("/api/bundle-cases", """
                {"requestId": "%s", "bundleCode": "%s",
                 "applicant": {"kind": "PERSON", "name": "李四", "identifier": "141102198805051234"},
                 "divisionCode": "%s", "hallCode": %s, "channel": "%s", "windowCode": %s,
                 "businessTime": "%s"}""".formatted(requestId(), bundleCode, division, quoted(hall), channel,
                quoted(window), businessTime)).get("caseId").asText();
    }

    /** A step by a unit: acceptance, conclusion, dispatch. */
    String unitStep(String unit, String businessTime) {
        return """
                {"requestId": "%s", "actingUnit": "%s", "businessTime": "%s"}""".formatted(requestId(), unit,
                businessTime);
    }

    List<String> storedTypes(String caseId) {
        return jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :id "
                        + "ORDER BY sequencenumber")
                .param("id", caseId)
                .query((row, n) -> {
                    String type = row.getString(1);
                    return type.substring(type.lastIndexOf('.') + 1);
                })
                .list();
    }

    /**
     * The case's stored events without those its deadlines record: the cases here are back-dated and tests set no
     * grace period, so a deadline that is already due may fire between any two requests. The deadline tests assert
     * those events themselves.
     */
    List<String> storedSteps(String caseId) {
        return storedTypes(caseId).stream().filter(type -> !type.endsWith("BecameOverdueEvent")).toList();
    }

    /** Cases opened so far; overdue deadlines of other tests' back-dated cases may add other events at any time. */
    long submissionCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%BundleCaseSubmittedEvent'").query(Long.class).single();
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
