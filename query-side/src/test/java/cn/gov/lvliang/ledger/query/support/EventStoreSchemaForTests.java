package cn.gov.lvliang.ledger.query.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Creates the event store before the query side's own tables, as the command side does in production, so that the
 * query side's tests also run on a database no command side has touched yet (a module built on its own, or a test
 * database just recreated). It runs the command side's own migrations, recorded in the command side's own Flyway
 * history table, so a command side that starts later finds them applied.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class EventStoreSchemaForTests {

    public static final String COMMAND_SIDE_MIGRATIONS =
            "filesystem:../command-side/src/main/resources/db/migration/command";

    @Bean
    FlywayMigrationStrategy eventStoreBeforeReadModels() {
        return flyway -> {
            Flyway.configure()
                    .dataSource(flyway.getConfiguration().getDataSource())
                    .schemas(flyway.getConfiguration().getSchemas())
                    .locations(COMMAND_SIDE_MIGRATIONS)
                    .table("flyway_history_command")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            flyway.migrate();
        };
    }
}
