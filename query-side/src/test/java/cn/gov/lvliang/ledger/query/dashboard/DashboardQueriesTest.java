package cn.gov.lvliang.ledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The dashboards' SQL on PostgreSQL, in the running query side, and its agreement with the case list query: where
 * both can answer a filter, they answer the same cases with the same lines.
 */
@QuerySideTest
class DashboardQueriesTest extends DashboardQueriesContract {

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DashboardQueries dashboardQueries;

    @Autowired
    LedgerQueries ledger;

    @Override
    DashboardQueries prepare() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
        return dashboardQueries;
    }

    @Override
    void feed(DashboardScenario scenario) {
        // The projection is package-private to its feature; the bean is reached by its name.
        scenario.feed(context.getBean("bundleCaseProjection"));
    }

    @Test
    void ownCaseList_equalsTheListQuery_onEveryFilterTheListQueryHas() {
        CaseFilter mine = CaseFilter.builder().leadUnit(scenario.leadUnit).build();
        List<CaseFilter> filters = List.of(
                mine,
                mine.toBuilder().division(DashboardScenario.WENSHUI).build(),
                mine.toBuilder().bundle(DashboardScenario.BIRTH).build(),
                mine.toBuilder().status(CaseStatus.ACCEPTED, CaseStatus.SUBMITTED).build(),
                mine.toBuilder().channel(Channel.WINDOW).build(),
                mine.toBuilder().overdue(true).build(),
                mine.toBuilder().overdue(false).build(),
                mine.toBuilder().atRisk(true).build(),
                mine.toBuilder().atRisk(false).build(),
                mine.toBuilder().from(LocalDate.of(2025, 1, 1)).to(LocalDate.of(2025, 2, 28)).build());
        for (CaseFilter filter : filters) {
            BundleCasePage listQuery = ledger.listCases(filter, LedgerQueries.Order.NEWEST_FIRST, 0, 50);
            // A filter the list query lacks, set so that it selects everything, sends the query to the own SQL.
            BundleCasePage own = queries.listCases(filter.toBuilder().minVisits(0).build(), 0, 50);
            assertThat(own).as(filter.toString()).isEqualTo(listQuery);
        }
    }

    /** The dashboard's lists of overdue cases and of cases at risk take their totals from the summary's counts. */
    @Test
    void summarysCountsOfOverdueCasesAndCasesAtRisk_areWhatTheListQueryCounts() {
        List<DashboardFilter> filters = List.of(
                new DashboardFilter(null, scenario.leadUnit, null, null),
                new DashboardFilter(DashboardScenario.WENSHUI, scenario.leadUnit, null, null),
                new DashboardFilter("141102", scenario.leadUnit, null, null),
                // Part months at both ends, counted from the case rows rather than the tally.
                new DashboardFilter(null, scenario.leadUnit, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 10)),
                new DashboardFilter(null, scenario.leadUnit, LocalDate.of(2025, 1, 21), LocalDate.of(2025, 3, 4)));
        for (DashboardFilter filter : filters) {
            DashboardQueries.Summary summary = queries.summary(filter);
            assertThat(summary.overdue()).as("overdue, " + filter).isEqualTo(counted(filter.cases().toBuilder()
                    .overdue(true).build()));
            assertThat(summary.atRisk()).as("at risk, " + filter).isEqualTo(counted(filter.cases().toBuilder()
                    .atRisk(true).build()));
        }
        DashboardQueries.Summary all = queries.summary(filters.get(0));
        assertThat(List.of(all.overdue(), all.atRisk())).containsExactly(1L, 1L);
    }

    private long counted(CaseFilter filter) {
        return ledger.listCases(filter, LedgerQueries.Order.DUE_FIRST, 0, 1).total();
    }
}
