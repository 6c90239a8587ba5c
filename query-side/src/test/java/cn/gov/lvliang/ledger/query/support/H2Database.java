package cn.gov.lvliang.ledger.query.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 database in the mode {@code ./ledger demo} runs, with the query side's migrations applied:
 * proves that the read models' SQL runs on the zero-install demo's database as well as on PostgreSQL.
 */
public final class H2Database {

    private H2Database() {
    }

    public static JdbcClient migrated() {
        return JdbcClient.create(migratedDataSource());
    }

    /** The same, as a data source: for a test that runs transactions on it. */
    public static DataSource migratedDataSource() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/query")
                .table("flyway_history_query")
                .load()
                .migrate();
        return dataSource;
    }
}
