package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.H2Database;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own for a test that needs exact figures: the shared test database holds whatever the other tests
 * (and the command side's) left there, so a city-wide count would never be the one worked out by hand. On PostgreSQL
 * it is a fresh schema of the test database with the query side's migrations applied, dropped on {@link #close}; on
 * H2 a fresh in-memory database in the demo's mode. The test reference data is published into it.
 */
public final class FundraisingDatabase implements AutoCloseable {

    private final JdbcClient jdbc;
    private final Runnable drop;

    private FundraisingDatabase(JdbcClient jdbc, Runnable drop) {
        this.jdbc = jdbc;
        this.drop = drop;
    }

    /** A fresh schema on the test PostgreSQL (LEDGER_TEST_DB_URL, as ./ledger test sets it). */
    public static FundraisingDatabase postgres() {
        String url = env("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
        String user = env("LEDGER_TEST_DB_USER", "ledger");
        String password = env("LEDGER_TEST_DB_PASSWORD", "ledger");
        String schema = "fundraising_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(schema)
                .locations("classpath:db/migration/query")
                .table("flyway_history_query")
                .load()
                .migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ReferenceTestData.publish(jdbc);
        return new FundraisingDatabase(jdbc, () -> {
            jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
            dataSource.destroy();
        });
    }

    /** A fresh in-memory H2 database in PostgreSQL mode, as the demo runs it. */
    public static FundraisingDatabase h2() {
        JdbcClient jdbc = H2Database.migrated();
        ReferenceTestData.publish(jdbc);
        return new FundraisingDatabase(jdbc, () -> {
        });
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Override
    public void close() {
        drop.run();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
