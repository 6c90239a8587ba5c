package cn.gov.lvliang.ledger.query.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.bundle.BundleCaseProjections.NeverErased;
import cn.gov.lvliang.ledger.query.dashboard.DashboardScenario;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild's bundle-case projection holds the dashboards' counts back across its transactions and writes them when
 * the rebuild asks, or when too many are held: in the end the same counts as the case rows give.
 */
class HeldBackTallyTest {

    static final Clock CLOCK = Clock.fixed(FixedClockConfiguration.NOW, ZoneOffset.UTC);

    @AutoClose
    ScratchDatabase database;
    JdbcClient jdbc;
    TransactionTemplate transactions;

    void open(Kind kind) {
        database = ScratchDatabase.open(kind, "held_back_tally_");
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration/query",
                        "classpath:db/migration/query-" + kind.name().toLowerCase(Locale.ROOT))
                .table("flyway_history_query")
                .load()
                .migrate();
        jdbc = JdbcClient.create(database.dataSource());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    BundleCaseProjection rebuilt(int heldBackCounts) {
        return new BundleCaseProjection(jdbc, CLOCK, new NeverErased(), ProjectionTables.LIVE, heldBackCounts);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void countsHeldBack_areWrittenWhenTheRebuildAsks_asTheCaseRowsCountThem(Kind kind) {
        open(kind);
        BundleCaseProjection projection = rebuilt(CaseTallies.MAX_HELD_BACK);

        new DashboardScenario().feed(projection, transactions);

        assertThat(count("bundle_case")).isEqualTo(8);
        assertThat(count("bundle_case_tally")).as("held back").isZero();
        transactions.executeWithoutResult(status -> projection.writeHeldBack());
        assertThat(tally()).isNotEmpty().isEqualTo(countedFromTheCaseRows());
        transactions.executeWithoutResult(status -> projection.writeHeldBack());
        assertThat(tally()).as("nothing held back twice").isEqualTo(countedFromTheCaseRows());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tooManyCountsHeldBack_areWrittenByTheNextTransaction_andTheRestWhenAsked(Kind kind) {
        open(kind);
        BundleCaseProjection projection = rebuilt(10);

        new DashboardScenario().feed(projection, transactions);

        assertThat(count("bundle_case_tally")).as("written before the rebuild asked").isPositive();
        transactions.executeWithoutResult(status -> projection.writeHeldBack());
        assertThat(tally()).isEqualTo(countedFromTheCaseRows());
    }

    private List<Map<String, Object>> countedFromTheCaseRows() {
        try {
            return transactions.execute(status -> {
                jdbc.sql("DELETE FROM bundle_case_tally").update();
                try {
                    CaseTally.fillFromCases(jdbc);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                List<Map<String, Object>> counts = tally();
                status.setRollbackOnly();
                return counts;
            });
        } finally {
            assertThat(count("bundle_case_tally")).as("the held-back counts, untouched").isPositive();
        }
    }

    private List<Map<String, Object>> tally() {
        return jdbc.sql("SELECT measure, division_code, lead_unit, submitted_month, tally_key, catalog_version, n"
                        + " FROM bundle_case_tally ORDER BY measure, division_code, lead_unit, submitted_month,"
                        + " tally_key, catalog_version")
                .query()
                .listOfRows();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
