package cn.gov.lvliang.ledger.command.notary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.command.CommandSideApplication;
import cn.gov.lvliang.ledger.command.TestAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command side on a PostgreSQL schema and a data directory of its own, so that tampering with its event table
 * disturbs no other test. Sealing and checkpoints happen only on request.
 */
final class LedgerApp implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String schema;
    final Path dataDir;
    final ConfigurableApplicationContext context;
    final JdbcClient jdbc;

    LedgerApp(String schema, Path dataDir) {
        this.schema = schema;
        this.dataDir = dataDir;
        this.context = new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + url(schema),
                        "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.default-schema=" + schema,
                        "--db-scheduler.polling-interval=1h",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.notary.schedule=false");
        this.jdbc = context.getBean(JdbcClient.class);
    }

    static String newSchema(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String url(String schema) {
        String url = System.getenv().getOrDefault("LEDGER_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/ledger_test");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * Drops a test schema over a plain connection, with no application running against it: a context started just
     * for the cleanup would still be writing (publishing its data sets, polling its scheduler) while the schema goes.
     */
    static void dropSchema(String schema) {
        String url = System.getenv().getOrDefault("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
        try (Connection connection = DriverManager.getConnection(url, "ledger", "ledger");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + schema, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    JsonNode post(String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", signIn(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isBetween(200, 201);
        return json(response.body());
    }

    /** A POST whose refusal is the point: the status and body, whatever they are. */
    HttpResponse<String> postRaw(String path, String body, String user) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestAuthentication.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode get(String path) {
        return json(getText(path));
    }

    String getText(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Authorization", signIn(path)).GET().build());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return response.body();
    }

    int status(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", signIn(path)).GET().build()).statusCode();
    }

    /** The ledger's own endpoints and erasures as the administrator, the cases as the history-import account. */
    private static String signIn(String path) {
        String user = path.startsWith("/api/ledger") || path.startsWith("/api/personal-data") ? "admin"
                : TestAuthentication.DEFAULT_USER;
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestAuthentication.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A 2024-13 case submitted online, accepted and with one visit: three events. */
    String caseWithThreeEvents(String applicant) {
        String caseId = post("/api/bundle-cases", """
                {"requestId": "%s", "bundleCode": "2024-13",
                 "applicant": {"kind": "PERSON", "name": "%s", "identifier": "141102196601011234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM", "businessTime": "2025-03-03T01:00:00Z"}"""
                .formatted(UUID.randomUUID(), applicant)).get("caseId").asText();
        post("/api/bundle-cases/" + caseId + "/acceptance", """
                {"requestId": "%s", "actingUnit": "CITY_HRSS", "businessTime": "2025-03-03T02:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        post("/api/bundle-cases/" + caseId + "/visits", """
                {"requestId": "%s", "purpose": "CONSULTATION", "hallCode": "141102-HALL",
                 "windowCode": "141102-HALL-W04", "businessTime": "2025-03-03T03:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        return caseId;
    }

    JsonNode sealAndCheckpoint() {
        post("/api/ledger/seal", "");
        return post("/api/ledger/checkpoints", "");
    }

    JsonNode verify() {
        return post("/api/ledger/verification", "");
    }

    long position(String caseId, long sequence) {
        return jdbc.sql("SELECT j.position FROM ledger_journal j WHERE j.aggregate_id = :id AND j.sequence_number = :s")
                .param("id", caseId).param("s", sequence).query(Long.class).single();
    }

    long globalIndex(String caseId, long sequence) {
        return jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = :id "
                        + "AND sequencenumber = :s")
                .param("id", caseId).param("s", sequence).query(Long.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
