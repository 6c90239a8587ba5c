package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.support.EventStoreSchemaForTests;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of the rebuild tests' own, holding only what they store through the event store: the shared test
 * database's read models also hold rows that other tests feed straight into the projections, which no rebuild can
 * reproduce. On PostgreSQL that is a schema dropped and created afresh (the data source's {@code currentSchema}), on H2
 * a fresh in-memory database. The command side's migrations run first, as they do in production, for the event store.
 */
@TestConfiguration(proxyBeanMethods = false)
class RebuildTestConfiguration {

    /**
     * The PostgreSQL schema of the rebuild contract's tests. A test class whose properties differ is a Spring context
     * of its own, which the test framework keeps alive, processors running, for later classes; two such contexts on
     * one schema would drop each other's token store and event store and write their tokens into the other's. So
     * every class that imports this configuration names a schema of its own.
     */
    static final String SCHEMA = "ledger_rebuild_test";
    /** The schema of {@link CryptoShreddingTest}. */
    static final String CRYPTO_SHREDDING_SCHEMA = "ledger_crypto_shredding_test";
    static final String COMMAND_SIDE_MIGRATIONS = EventStoreSchemaForTests.COMMAND_SIDE_MIGRATIONS;

    /** Wins over the tests' general strategy ({@code support.EventStoreSchemaForTests}): this one starts afresh. */
    @Bean
    @Primary
    FlywayMigrationStrategy eventStoreFirst() {
        return flyway -> {
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            String[] schemas = flyway.getConfiguration().getSchemas();
            if (schemas.length > 0) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                jdbc.execute("DROP SCHEMA IF EXISTS " + schemas[0] + " CASCADE");
                jdbc.execute("CREATE SCHEMA " + schemas[0]);
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schemas)
                    .locations(COMMAND_SIDE_MIGRATIONS)
                    .table("flyway_history_command")
                    .load()
                    .migrate();
            flyway.migrate();
        };
    }

    @Bean
    PhaseProbe phaseProbe() {
        return new PhaseProbe();
    }

    /** Runs what a test asks for at the start of each phase of a rebuild, on the rebuild's thread. */
    static final class PhaseProbe implements RebuildListener {

        private volatile Consumer<RebuildView> atEachPhase = rebuild -> { };

        void atEachPhase(Consumer<RebuildView> action) {
            atEachPhase = action;
        }

        void reset() {
            atEachPhase = rebuild -> { };
        }

        @Override
        public void phaseStarted(RebuildView rebuild) {
            atEachPhase.accept(rebuild);
        }
    }
}
