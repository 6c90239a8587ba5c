package cn.gov.lvliang.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as the database being unreachable (503), whatever they are wrapped in, and which do not. */
class ProblemResponsesTest {

    @Test
    void thePoolTimingOut_wrappedAsSpringDoes_isTheDatabaseUnreachable() {
        Throwable timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");

        assertThat(ProblemResponses.databaseUnreachable(new IllegalStateException("Failed to obtain JDBC Connection",
                timeout))).isTrue();
    }

    @Test
    void aConnectionCutOrRefused_byItsSqlState_isTheDatabaseUnreachable() {
        assertThat(ProblemResponses.databaseUnreachable(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(ProblemResponses.databaseUnreachable(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(ProblemResponses.databaseUnreachable(new SQLNonTransientConnectionException("closed"))).isTrue();
    }

    @Test
    void aConnectionThePoolClosedAfterItBroke_isTheDatabaseUnreachable() {
        assertThat(ProblemResponses.databaseUnreachable(new IllegalStateException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void theServerShuttingDownOrStarting_isTheDatabaseUnreachable() {
        assertThat(ProblemResponses.databaseUnreachable(new SQLException("terminating connection due to "
                + "administrator command", "57P01"))).isTrue();
        assertThat(ProblemResponses.databaseUnreachable(new SQLException("the database system is starting up",
                "57P03"))).isTrue();
    }

    @Test
    void otherDatabaseErrors_andFailuresWithoutOne_areNot() {
        assertThat(ProblemResponses.databaseUnreachable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(ProblemResponses.databaseUnreachable(new SQLException("no state"))).isFalse();
        assertThat(ProblemResponses.databaseUnreachable(new IllegalStateException("boom"))).isFalse();
    }
}
