package cn.gov.lvliang.ledger.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.command.CommandSideApplication;
import cn.gov.lvliang.ledger.command.TestAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What survives a restart of the command side. Each test runs the application twice, one after the other, on a
 * PostgreSQL schema of its own, so that no other test's scheduler can fire its deadlines in between.
 */
class RestartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String schema;

    @BeforeEach
    void newSchema() {
        schema = "restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Over a plain connection: an application started for the cleanup would still be writing to the schema. */
    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "ledger", "ledger");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String databaseUrl() {
        return System.getenv().getOrDefault("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
    }

    @Test
    void anOverdueDeadlineScheduledBeforeARestart_firesAfterIt() throws Exception {
        String caseId;
        // First run: the scheduler looks for due deadlines only once an hour, so nothing fires in this run.
        try (ConfigurableApplicationContext first = start(Duration.ofHours(1))) {
            caseId = submitOnline(first, UUID.randomUUID().toString());
            // Accepted on Monday 2025-03-03 with five working days: due 2025-03-10, long past by the clock.
            JsonNode accepted = post(first, "/api/bundle-cases/" + caseId + "/acceptance", """
                    {"requestId": "%s", "actingUnit": "CITY_HRSS", "businessTime": "2025-03-03T02:00:00Z"}"""
                    .formatted(UUID.randomUUID()));
            assertThat(accepted.get("caseId").asText()).isEqualTo(caseId);
            assertThat(storedTypes(first, caseId)).containsExactly("BundleCaseSubmittedEvent",
                    "BundleCaseAcceptedEvent");
            assertThat(scheduledDeadlines(first)).isEqualTo(1);
        }
        // Second run: the persisted deadline is found and fires.
        try (ConfigurableApplicationContext second = start(Duration.ofSeconds(1))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> storedTypes(second, caseId).contains("BundleCaseBecameOverdueEvent"));
            String payload = second.getBean(JdbcClient.class).sql("""
                            SELECT convert_from(payload, 'UTF8') FROM domainevententry
                            WHERE aggregateidentifier = :id AND payloadtype LIKE '%BundleCaseBecameOverdueEvent'""")
                    .param("id", caseId).query(String.class).single();
            JsonNode overdue = MAPPER.readTree(payload);
            assertThat(overdue.get("dueDate").asText()).isEqualTo("2025-03-10");
            assertThat(overdue.get("businessTime").asText()).isEqualTo("2025-03-10T16:00:00Z");
        }
    }

    @Test
    void aRepeatedRequestAfterARestart_answersWithTheFirstOutcome_andStoresNothingNew() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String caseId;
        try (ConfigurableApplicationContext first = start(Duration.ofHours(1))) {
            caseId = submitOnline(first, requestId);
        }
        try (ConfigurableApplicationContext second = start(Duration.ofHours(1))) {
            String repeated = submitOnline(second, requestId);

            assertThat(repeated).isEqualTo(caseId);
            assertThat(storedTypes(second, caseId)).containsExactly("BundleCaseSubmittedEvent");
            assertThat(second.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%BundleCaseSubmittedEvent'")
                    .query(Long.class).single()).isEqualTo(1L);
        }
    }

    private ConfigurableApplicationContext start(Duration pollingInterval) {
        String url = databaseUrl();
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + url + "?currentSchema=" + schema,
                        "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.default-schema=" + schema,
                        "--db-scheduler.polling-interval=" + pollingInterval.toSeconds() + "s");
    }

    private static String submitOnline(ConfigurableApplicationContext context, String requestId) throws Exception {
        return post(context, "/api/bundle-cases", """
                {"requestId": "%s", "bundleCode": "2024-13",
                 "applicant": {"kind": "PERSON", "name": "赵六", "identifier": "141102196601011234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM", "businessTime": "2025-03-03T01:00:00Z"}"""
                .formatted(requestId)).get("caseId").asText();
    }

    private static JsonNode post(ConfigurableApplicationContext context, String path, String body) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (TestAuthentication.DEFAULT_USER + ":" + TestAuthentication.PASSWORD)
                                        .getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return MAPPER.readTree(response.body());
    }

    private static List<String> storedTypes(ConfigurableApplicationContext context, String caseId) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber")
                .param("id", caseId)
                .query((row, n) -> row.getString(1).substring(row.getString(1).lastIndexOf('.') + 1))
                .list();
    }

    private static long scheduledDeadlines(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM scheduled_tasks")
                .query(Long.class).single();
    }
}
