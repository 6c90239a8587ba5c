package cn.gov.lvliang.ledger.query.support;

import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own for a test that creates its tables itself, on either database the ledger runs on: a fresh
 * schema of the test PostgreSQL (one connection, whose closing is suppressed), or a fresh in-memory H2 in the
 * demo's PostgreSQL mode. Closing it drops it.
 */
public final class ScratchDatabase implements AutoCloseable {

    /** The two databases the ledger runs on. */
    public enum Kind {
        POSTGRESQL, H2
    }

    private final DataSource dataSource;
    private final DataSource newConnections;
    private final Runnable drop;

    private ScratchDatabase(DataSource dataSource, DataSource newConnections, Runnable drop) {
        this.dataSource = dataSource;
        this.newConnections = newConnections;
        this.drop = drop;
    }

    /** A fresh database of that kind; on PostgreSQL a schema whose name starts with {@code prefix}. */
    public static ScratchDatabase open(Kind kind, String prefix) {
        if (kind == Kind.H2) {
            DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
            return new ScratchDatabase(h2, h2, () -> { });
        }
        String url = env("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
        String user = env("LEDGER_TEST_DB_USER", "ledger");
        String password = env("LEDGER_TEST_DB_PASSWORD", "ledger");
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        SingleConnectionDataSource admin = new SingleConnectionDataSource(url, user, password, true);
        JdbcClient.create(admin).sql("CREATE SCHEMA " + schema).update();
        String scopedUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        SingleConnectionDataSource scoped = new SingleConnectionDataSource(scopedUrl, user, password, true);
        return new ScratchDatabase(scoped, new DriverManagerDataSource(scopedUrl, user, password), () -> {
            scoped.destroy();
            JdbcClient.create(admin).sql("DROP SCHEMA " + schema + " CASCADE").update();
            admin.destroy();
        });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The same database through a data source whose every connection is a new one: for a transaction beside those
     * of {@link #dataSource()}, which on PostgreSQL is one connection. Close what it gives.
     */
    public DataSource newConnections() {
        return newConnections;
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
