package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.H2Database;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database of its own for a test that needs exact figures: the shared test database holds whatever the other tests
 * (and the command side's) left there, so a city-wide count would never be the one worked out by hand. On PostgreSQL
 * it is a fresh schema of the test database with the query side's migrations applied, dropped on {@link #close}; on
 * H2 a fresh in-memory database in the demo's mode. The test reference data is published into it.
 */
public final class FundraisingDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Runnable drop;

    private FundraisingDatabase(DataSource dataSource, Runnable drop) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.drop = drop;
        ReferenceTestData.publish(jdbc);
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
        return new FundraisingDatabase(database.dataSource(), database::close);
    }

    /** A fresh in-memory H2 database in PostgreSQL mode, as the demo runs it. */
    public static FundraisingDatabase h2() {
        return new FundraisingDatabase(H2Database.migratedDataSource(), () -> {
        });
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Transactions on this database, as a processor runs its batches in. */
    public TransactionOperations transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Override
    public void close() {
        drop.run();
    }
}
