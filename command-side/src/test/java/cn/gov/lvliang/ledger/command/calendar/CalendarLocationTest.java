package cn.gov.lvliang.ledger.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The calendar comes from {@code ledger.calendar.location}, and a time limit running past its last day is refused as
 * the service's own gap (503, naming the missing year), with nothing stored. The calendar here is the shipped file
 * without its last year, as a deployment looks in the weeks before the next notice is loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarLocationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @DynamicPropertySource
    static void calendarWithoutItsLastYear(DynamicPropertyRegistry registry) throws IOException {
        ObjectNode file;
        try (InputStream in = new ClassPathResource(WorkingCalendar.RESOURCE).getInputStream()) {
            file = (ObjectNode) MAPPER.readTree(in);
        }
        ArrayNode years = (ArrayNode) file.get("years");
        assertThat(years.get(years.size() - 1).get("year").asInt()).isEqualTo(2026);
        years.remove(years.size() - 1);
        Path copy = Files.createTempFile("calendar-2024-2025-", ".json");
        copy.toFile().deleteOnExit();
        MAPPER.writeValue(copy.toFile(), file);
        registry.add("ledger.calendar.location", () -> copy.toUri().toString());
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void theCalendarIsTheConfiguredFile() {
        assertThat(calendar.years()).containsExactly(2024, 2025);
    }

    @Test
    void aTimeLimitRunningPastTheCalendar_isRefusedWith503NamingTheYear_andNothingIsStored() throws IOException {
        // 企业开办 at a Lishi window on Wednesday 2025-12-31: its one working day ends in 2026, whose notice is missing.
        JsonNode submitted = json(post("/api/bundle-cases", """
                {"requestId": "%s", "bundleCode": "2024-01",
                 "applicant": {"kind": "PERSON", "name": "李四", "identifier": "141102198805051234"},
                 "divisionCode": "141102", "hallCode": "141102-HALL", "channel": "WINDOW",
                 "windowCode": "141102-HALL-W04", "businessTime": "2025-12-31T01:00:00Z"}"""
                .formatted(UUID.randomUUID())));
        String caseId = submitted.get("caseId").asText();

        ResponseEntity<String> refused = post("/api/bundle-cases/" + caseId + "/acceptance", """
                {"requestId": "%s", "actingUnit": "141102_APPROVAL", "businessTime": "2025-12-31T02:00:00Z"}"""
                .formatted(UUID.randomUUID()));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asText()).isEqualTo("urn:lvliang-ledger:problem:calendar-not-covered");
        assertThat(problem.get("year").asInt()).isEqualTo(2026);
        assertThat(problem.get("calendarCovers").asText()).isEqualTo("2024-01-01..2025-12-31");
        assertThat(problem.get("detail").asText()).contains("notice for 2026");
        assertThat(jdbc.sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", caseId).query(String.class).list())
                .noneMatch(type -> type.endsWith("BundleCaseAcceptedEvent"));
    }

    @Test
    void theHealthEndpoint_warnsThatTheNextNoticeIsNotLoaded() throws IOException {
        JsonNode health = json(http.getForEntity("/actuator/health/workingCalendar", String.class));

        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode details = health.get("details");
        assertThat(details.get("lastDay").asText()).isEqualTo("2025-12-31");
        // Every day from now on is after 2025-12-31, so the calendar has run out and says so.
        assertThat(details.get("daysRemaining").asLong()).isNegative();
        assertThat(details.get("warning").asText()).contains("2026");
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) throws IOException {
        return MAPPER.readTree(response.getBody());
    }
}
