package cn.gov.lvliang.ledger.verifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two databases the verifier's JDBC tests run against: a schema of its own on the test PostgreSQL
 * ({@code LEDGER_TEST_DB_URL}, as {@code ./ledger test} exports it), made by {@link #create} and dropped with all it
 * holds by {@link #drop}, and a fresh in-memory H2 database in the demo's PostgreSQL mode per connection.
 */
final class ScratchDatabases {

    static final String POSTGRESQL = "PostgreSQL";
    static final String H2 = "H2";

    private static final String POSTGRES_URL = System.getenv().getOrDefault("LEDGER_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/ledger_test");

    private final String schema;

    private ScratchDatabases(String schema) {
        this.schema = schema;
    }

    /** A new schema on the test PostgreSQL, named with the prefix and a random suffix. */
    static ScratchDatabases create(String prefix) throws SQLException {
        ScratchDatabases databases = new ScratchDatabases(
                prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        databases.execute("CREATE SCHEMA " + databases.schema);
        return databases;
    }

    void drop() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /**
     * A connection to {@link #POSTGRESQL} (the scratch schema, without the given tables, which an earlier test may
     * have left) or to {@link #H2} (an empty database of its own).
     */
    Connection connect(String database, String... tables) throws SQLException {
        if (database.equals(H2)) {
            return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        }
        Connection connection = DriverManager.getConnection(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, "ledger", "ledger");
        if (tables.length > 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + String.join(", ", tables));
            }
        }
        return connection;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "ledger", "ledger");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
