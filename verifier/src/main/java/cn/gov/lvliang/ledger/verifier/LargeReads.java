package cn.gov.lvliang.ledger.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Settings for the passes that read the whole journal and event table, on PostgreSQL; on any other database (H2 for
 * the demo) they change nothing. They change how rows travel, never which rows or bytes are read.
 */
final class LargeReads {

    private LargeReads() {
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * Call inside the reading transaction; {@code SET LOCAL} ends with it. JIT compilation of the plan (PostgreSQL 11
     * and later, for queries the planner thinks costly) takes about half a second and saves nothing on a plain ordered
     * scan. And the passes want every table in its primary key's order: without statistics (autovacuum off, or not
     * run yet) the planner may sort the whole table instead of walking the index, which for the event table means
     * spilling gigabytes to disk.
     */
    static void forOrderedScans(Connection connection) throws SQLException {
        if (isPostgres(connection)) {
            try (Statement statement = connection.createStatement()) {
                if (connection.getMetaData().getDatabaseMajorVersion() >= 11) {
                    statement.execute("SET LOCAL jit = off");
                }
                statement.execute("SET LOCAL enable_sort = off");
            }
        }
    }

    /**
     * Has PostgreSQL send the results of {@code statement} in binary from its first execution: a {@code bytea}
     * (payloads, metadata, hashes) then arrives as its bytes, where in text it is hex the server must encode and the
     * driver decode, at twice the size. The driver otherwise uses binary only from a statement's fifth execution.
     */
    static void binary(Connection connection, PreparedStatement statement) throws SQLException {
        if (isPostgres(connection)) {
            Postgres.forceBinary(statement);
        }
    }

    /** Apart, so that the driver's classes are loaded only on PostgreSQL. */
    private static final class Postgres {
        static void forceBinary(PreparedStatement statement) throws SQLException {
            if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
                // A negative threshold means: prepare on the server and transfer in binary from the first execution.
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            }
        }
    }
}
