package cn.gov.lvliang.ledger.query.dashboard;

import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.BIRTH_ITEMS;
import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.LISHI;
import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.OPENING_ITEMS;
import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.WENSHUI;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseProjections;
import cn.gov.lvliang.ledger.query.bundle.CaseTally;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.BundleInOperation;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.ChannelShare;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.ItemCount;
import cn.gov.lvliang.ledger.query.dashboard.TargetProgress.Progress;
import cn.gov.lvliang.ledger.query.dashboard.TargetProgress.Standing;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.H2Database;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' SQL on H2 in PostgreSQL mode, the zero-install demo's database; on a fresh database holding only
 * the scenario, the city-wide figures of the targets page can be worked out exactly too.
 */
class DashboardQueriesH2Test extends DashboardQueriesContract {

    static final Clock CLOCK = Clock.fixed(FixedClockConfiguration.NOW, ZoneOffset.UTC);

    JdbcClient jdbc;

    @Override
    DashboardQueries prepare() {
        jdbc = H2Database.migrated();
        ReferenceTestData.publish(jdbc);
        CatalogTestData.publish(jdbc);
        return new DashboardQueries(jdbc, CLOCK, new TallySums(jdbc));
    }

    @Override
    void feed(DashboardScenario scenario) {
        scenario.feed(bundleCaseProjection(jdbc));
    }

    @Test
    void theMigrationsFill_countsTheCaseRowsAsTheProjectionDid() throws Exception {
        List<Map<String, Object>> kept = tally();
        jdbc.sql("DELETE FROM bundle_case_tally").update();

        CaseTally.fillFromCases(jdbc);

        assertThat(kept).isNotEmpty();
        assertThat(tally()).isEqualTo(kept);
    }

    @Test
    void bundlesOfTheYearsList_withTheirCasesAndFirstSubmission_inPrintedOrder() {
        assertThat(queries.bundlesOfYear(2024)).containsExactly(
                new BundleInOperation("2024-01", 1, "企业开办", "市行政审批局", 5,
                        Instant.parse("2024-12-31T17:00:00Z")),
                new BundleInOperation("2024-13", 13, "新生儿出生", "市卫健委", 3,
                        Instant.parse("2024-12-28T02:00:00Z")));
        assertThat(queries.bundlesOfYear(2025)).as("the test catalog has no 2025 bundles").isEmpty();
    }

    @Test
    void transferredItems_areTheDistinctItemsOfTheCasesTransferredThatWay_inTheBeijingYear() {
        assertThat(items(TransferMode.CITY_WIDE, 2025)).isEqualTo(ones(OPENING_ITEMS));
        assertThat(items(TransferMode.CITY_WIDE, 2024)).isEmpty();
        assertThat(items(TransferMode.CROSS_CITY, 2025)).as("H moved at 00:30 on 1 January in Lvliang")
                .isEqualTo(ones(BIRTH_ITEMS));
        assertThat(items(TransferMode.CROSS_CITY, 2024)).isEmpty();
    }

    @Test
    void selfServiceCases_perDivision_ofTheYear() {
        assertThat(queries.selfServiceByDivision(2025)).containsExactly(
                new ChannelShare(LISHI, 0, 5),
                new ChannelShare(WENSHUI, 1, 2));
        assertThat(queries.selfServiceByDivision(2024)).containsExactly(new ChannelShare(LISHI, 0, 1));
    }

    @Test
    void targets_areSetAgainstTheActuals_andSayWhereTheLedgerHasNoData() {
        ReformTargets targets = new ReformTargets(JsonMapper.builder().findAndAddModules().build());
        Map<String, Progress> progress = new TargetProgress(targets, queries, CLOCK).all().stream()
                .collect(Collectors.toMap(p -> p.target().id(), p -> p));

        assertThat(targets.source().document()).isEqualTo("吕政发〔2024〕9号");
        assertThat(progress.get("bundle-reforms-2024")).satisfies(p -> {
            assertThat(p.target().value()).isEqualTo(22);
            assertThat(p.actual()).isEqualTo(2);
            assertThat(p.standing()).as("2024 is over on 14 March 2025").isEqualTo(Standing.NOT_MET);
        });
        assertThat(progress.get("bundle-reforms-2025").standing()).isEqualTo(Standing.IN_PROGRESS);
        assertThat(progress.get("city-wide-items-2025").actual()).isEqualTo(3);
        assertThat(progress.get("cross-city-items-2025").actual()).isEqualTo(3);
        assertThat(progress.get("cross-city-items-2025").target().value()).isEqualTo(20);
        assertThat(progress.get("cross-city-items-2024").actual()).isZero();
        assertThat(progress.get("multi-industry-licences-2024")).satisfies(p -> {
            assertThat(p.target().value()).isEqualTo(5);
            assertThat(p.actual()).isNull();
            assertThat(p.standing()).isEqualTo(Standing.NO_DATA);
        });
        assertThat(progress.get("multi-industry-licences-2025").target().value()).isEqualTo(3);
        assertThat(progress.get("self-service-coverage-2024").standing()).isEqualTo(Standing.NO_DATA);
    }

    private Map<String, Long> items(TransferMode mode, int year) {
        return queries.transferredItems(mode, year).stream()
                .collect(Collectors.toMap(ItemCount::name, ItemCount::cases));
    }

    private static Map<String, Long> ones(List<String> names) {
        return names.stream().collect(Collectors.toMap(name -> name, name -> 1L));
    }

    /** The bundle-case projection on the given database. */
    static Object bundleCaseProjection(JdbcClient jdbc) {
        return BundleCaseProjections.on(jdbc, CLOCK);
    }

    private List<Map<String, Object>> tally() {
        return jdbc.sql("SELECT * FROM bundle_case_tally ORDER BY measure, submitted_month, division_code, lead_unit,"
                        + " tally_key, catalog_version")
                .query()
                .listOfRows();
    }
}
