package cn.gov.lvliang.ledger.command.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives the fundraising REST API in tests and reads what the event store holds. */
final class FundraisingApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestRestTemplate http;
    private final JdbcClient jdbc;

    FundraisingApi(TestRestTemplate http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    /** Business times an hour apart from Monday 2025-03-03, 09:00 in Beijing. */
    static String hour(int n) {
        return Instant.parse("2025-03-03T01:00:00Z").plusSeconds(3600L * n).toString();
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

    /** A public report from an anonymous reporter in Liulin, verified by the county market regulator. */
    String verifiedClue(String outcome) {
        String clueId = ok("/api/fundraising/clues", """
                {"requestId": "%s", "recordingUnit": "141125_GOV_OFFICE", "source": "PUBLIC_REPORT",
                 "divisionCode": "141125", "keyArea": "ELDERLY_CARE",
                 "subject": {"kind": "ENTERPRISE", "name": "柳林县某某养老服务有限公司", "creditCode": "91141125MA0K1234XY"},
                 "summary": "以养老床位预订为名承诺高额回报", "estimatedAmountYuan": "2400000.50", "estimatedParticipants": 180,
                 "reporter": {"anonymous": true, "handle": "SXFJ-2025-0303-0042"}, "businessTime": "%s"}"""
                .formatted(requestId(), hour(0))).get("clueId").asText();
        ok("/api/fundraising/clues/" + clueId + "/verification-assignment", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "assignedUnit": "141125_MARKET_REGULATION",
                 "businessTime": "%s"}""".formatted(requestId(), hour(1)));
        if (outcome != null) {
            ok("/api/fundraising/clues/" + clueId + "/verification", """
                    {"requestId": "%s", "actingUnit": "141125_MARKET_REGULATION", "outcome": "%s",
                     "notes": "实地走访，调取合同及收款记录", "businessTime": "%s"}""".formatted(requestId(), outcome, hour(2)));
        }
        return clueId;
    }

    String openCase(List<String> clueIds, String amountYuan, int participants) {
        return ok("/api/fundraising/cases", openCaseBody(clueIds, amountYuan, participants)).get("caseId").asText();
    }

    String openCaseBody(List<String> clueIds, String amountYuan, int participants) {
        String clues = String.join("\", \"", clueIds);
        return """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "divisionCode": "141125",
                 "name": "柳林县某某养老服务有限公司涉嫌非法集资案",
                 "subject": {"kind": "ENTERPRISE", "name": "柳林县某某养老服务有限公司"}, "keyArea": "ELDERLY_CARE",
                 "clueIds": ["%s"], "estimatedAmountYuan": %s, "estimatedParticipants": %d, "crossProvince": false,
                 "businessTime": "%s"}""".formatted(requestId(), clues, amountYuan, participants, hour(3));
    }

    /** A step by a unit with a text, for follow-ups, completions and closing notes. */
    static String unitNote(String unit, String text, String businessTime) {
        return """
                {"requestId": "%s", "actingUnit": "%s", "text": "%s", "businessTime": "%s"}"""
                .formatted(requestId(), unit, text, businessTime);
    }

    /** The aggregate's stored event types in order, without the overdue events a deadline may add at any moment. */
    List<String> storedTypes(String aggregateId) {
        return jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :id "
                        + "ORDER BY sequencenumber")
                .param("id", aggregateId)
                .query((row, n) -> {
                    String type = row.getString(1);
                    return type.substring(type.lastIndexOf('.') + 1);
                })
                .list()
                .stream()
                .filter(type -> !type.endsWith("BecameOverdueEvent"))
                .toList();
    }

    /** The payload of the aggregate's single event of the type. */
    JsonNode storedPayload(String aggregateId, String type) {
        return json(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE :type""")
                .param("id", aggregateId).param("type", "%." + type)
                .query(String.class).single());
    }

    /** The request id in the metadata of the aggregate's single event of the type. */
    String storedRequestId(String aggregateId, String type) {
        return json(jdbc.sql("""
                        SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE :type""")
                .param("id", aggregateId).param("type", "%." + type)
                .query(String.class).single()).path("requestId").asText();
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
