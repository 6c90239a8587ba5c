package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.H2Database;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

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
        ScratchDatabase database = ScratchDatabase.open(Kind.POSTGRESQL, "fundraising_test_");
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration/query")
                .table("flyway_history_query")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        ReferenceTestData.publish(jdbc);
        return new FundraisingDatabase(jdbc, database::close);
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
}
