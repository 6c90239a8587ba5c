package cn.gov.lvliang.ledger.query.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which of the two databases the read models live in: PostgreSQL in production and tests, or H2, the demo's
 * embedded database. The SQL is shared where it can be; where PostgreSQL has a better statement (a multi-row upsert,
 * {@code CREATE TABLE … LIKE}), the caller asks this.
 */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    /** Whether {@code connection} is to PostgreSQL, by the product name its driver reports. */
    public static boolean isPostgresql(Connection connection) throws SQLException {
        return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName())
                == DatabaseDriver.POSTGRESQL;
    }

    /** Whether {@code jdbc} talks to PostgreSQL: asked of the connection a trivial statement runs on. */
    public static boolean isPostgresql(JdbcClient jdbc) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT 1")
                .query((ResultSetExtractor<Boolean>) rows -> isPostgresql(rows.getStatement().getConnection())));
    }

    /**
     * Whether {@code jdbc} talks to PostgreSQL, asked on first use and remembered: for a projection, which writes
     * through one data source all its life.
     */
    public static BooleanSupplier isPostgresqlOnce(JdbcClient jdbc) {
        return new BooleanSupplier() {
            private volatile Boolean postgresql;

            @Override
            public boolean getAsBoolean() {
                Boolean known = postgresql;
                if (known == null) {
                    known = isPostgresql(jdbc);
                    postgresql = known;
                }
                return known;
            }
        };
    }
}
