package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A read while the database cannot be reached, over real HTTP: the connection pool fails as Hikari does once its
 * connection timeout has passed with the database down, or as PostgreSQL's driver does when the server goes away
 * under a request, and the reader gets a 503 with Retry-After, not a 500 or an empty 200. The
 * context is closed afterwards, so that its processors hold no segments the shared test context needs.
 */
@QuerySideTest
@DirtiesContext
class DatabaseUnavailableTest {

    @MockitoSpyBean
    DataSource dataSource;

    @Autowired
    TestRestTemplate http;

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
    void aRead_whileTheDatabaseCannotBeReached_isAnswered503WithRetryAfter_andAnsweredOnceItIsBack(
            SQLException failure) throws Exception {
        doThrow(failure).when(dataSource).getConnection();

        ResponseEntity<String> refused = http.getForEntity("/api/bundle-cases?size=5", String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        JsonNode problem = Json.parse(refused.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("urn:lvliang-ledger:problem:database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);

        doCallRealMethod().when(dataSource).getConnection();

        assertThat(http.getForEntity("/api/bundle-cases?size=5", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
