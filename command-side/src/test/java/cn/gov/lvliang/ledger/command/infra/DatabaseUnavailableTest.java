package cn.gov.lvliang.ledger.command.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A command while the database cannot be reached, over real HTTP: the connection pool fails as Hikari does once its
 * connection timeout has passed with the database down, or as PostgreSQL's driver does when the server goes away
 * under a request, and the client gets a 503 it can act on: not a 500, and above all not the empty 200 that Spring
 * MVC gives an unhandled exception with an {@code EOFException} among its causes. The context is closed afterwards,
 * so that its spied pool serves no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class DatabaseUnavailableTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @MockitoSpyBean
    DataSource dataSource;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void databaseBack() throws Exception {
        doCallRealMethod().when(dataSource).getConnection();
    }

    /** How the pool fails once its timeout has passed, and how the driver fails when the server goes away. */
    static Stream<SQLException> unreachable() {
        return Stream.of(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                        + "after 5000ms (total=0, active=0, idle=0, waiting=0)", "08001"),
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new EOFException()));
    }

    @ParameterizedTest
    @MethodSource("unreachable")
    void aCommand_whileTheDatabaseCannotBeReached_isAnswered503WithRetryAfter_andStoredOnceWhenSentAgain(
            SQLException failure) throws Exception {
        String requestId = UUID.randomUUID().toString();
        String submission = """
                {"requestId": "%s", "bundleCode": "2024-01",
                 "applicant": {"kind": "PERSON", "name": "李四", "identifier": "141102198805051234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM"}""".formatted(requestId);
        doThrow(failure).when(dataSource).getConnection();

        ResponseEntity<String> refused = post(submission);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        JsonNode problem = MAPPER.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("urn:lvliang-ledger:problem:database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).contains("same requestId");

        doCallRealMethod().when(dataSource).getConnection();
        ResponseEntity<String> again = post(submission);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_request WHERE request_id = ?").param(requestId)
                .query(Long.class).single()).isEqualTo(1L);
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/bundle-cases", new HttpEntity<>(body, headers), String.class);
    }
}
