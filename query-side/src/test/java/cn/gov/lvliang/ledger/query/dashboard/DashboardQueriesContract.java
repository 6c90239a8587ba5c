package cn.gov.lvliang.ledger.query.dashboard;

import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.BIRTH;
import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.LISHI;
import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.OPENING;
import static cn.gov.lvliang.ledger.query.dashboard.DashboardScenario.WENSHUI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseSummary;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter.ComplaintFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Count;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.DivisionCount;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.MonthCount;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.WaiverCount;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' SQL on the eight cases of {@link DashboardScenario}, every expected figure worked out by hand from
 * its table. Each test cuts the dashboard to the scenario's own lead unit, so that other cases in a shared database
 * stay out. Run on PostgreSQL and on H2 by the two subclasses.
 */
abstract class DashboardQueriesContract {

    DashboardScenario scenario;
    DashboardQueries queries;

    /** Publishes the names, then returns the queries over a database the scenario is fed into by {@link #feed}. */
    abstract DashboardQueries prepare();

    abstract void feed(DashboardScenario scenario);

    @BeforeEach
    void eightCases() {
        queries = prepare();
        scenario = new DashboardScenario();
        feed(scenario);
    }

    DashboardFilter all() {
        return new DashboardFilter(null, scenario.leadUnit, null, null);
    }

    @Test
    void summary_countsCasesConcludedOverdueAtRiskAndMaterials() {
        DashboardQueries.Summary summary = queries.summary(all());

        assertThat(summary.cases()).isEqualTo(8);
        assertThat(summary.concluded()).as("A, B, C").isEqualTo(3);
        assertThat(summary.concludedOneVisit()).as("A once, B never; C came three times").isEqualTo(2);
        assertThat(summary.overdue()).as("E").isEqualTo(1);
        assertThat(summary.atRisk()).as("D, since 13 March").isEqualTo(1);
        assertThat(summary.materials()).as("A 3, B 3, D 3").isEqualTo(9);
        assertThat(summary.materialsWaived()).as("A 1, B 2").isEqualTo(3);
    }

    @Test
    void byStatus_countsEachStatusInTheOrderOfACasesLife() {
        assertThat(queries.byStatus(all())).extracting(Count::key, Count::cases).containsExactly(
                tuple("SUBMITTED", 1L), tuple("ACCEPTED", 2L), tuple("REFUSED", 1L), tuple("CONCLUDED", 3L),
                tuple("WITHDRAWN", 1L));
    }

    @Test
    void byDivision_countsTheDivisionNowHandlingTheCase_soATransferMovesIt() {
        assertThat(queries.byDivision(all())).containsExactly(
                new DivisionCount(LISHI, 6, 3, 0),
                new DivisionCount(WENSHUI, 2, 0, 1));
    }

    @Test
    void byBundle_mostUsedFirst_namedAsTheCatalogPrintsThem() {
        assertThat(queries.byBundle(all())).containsExactly(
                new Count(OPENING, "企业开办", 5),
                new Count(BIRTH, "新生儿出生", 3));
    }

    @Test
    void byLeadUnit_countsEveryCaseOfTheUnit() {
        // The test unit is not in the reference data, so its name is the catalog's printed lead unit of a bundle.
        assertThat(queries.byLeadUnit(all())).extracting(Count::key, Count::cases)
                .containsExactly(tuple(scenario.leadUnit, 8L));
        assertThat(queries.byLeadUnit(all()).get(0).name()).isIn("市行政审批局", "市卫健委");
    }

    @Test
    void byChannel_inTheOrderTheChannelsAreDeclared() {
        assertThat(queries.byChannel(all())).extracting(Count::key, Count::cases).containsExactly(
                tuple("WINDOW", 5L), tuple("ONLINE_PLATFORM", 1L), tuple("SELF_SERVICE_TERMINAL", 1L),
                tuple("HOTLINE_12345", 1L));
    }

    @Test
    void byMonth_takesTheMonthInBeijingTime() {
        // G was submitted on 31 December in UTC, but on 1 January in Lvliang.
        assertThat(queries.byMonth(all())).containsExactly(
                new MonthCount(YearMonth.of(2024, 12), 1),
                new MonthCount(YearMonth.of(2025, 1), 2),
                new MonthCount(YearMonth.of(2025, 2), 2),
                new MonthCount(YearMonth.of(2025, 3), 3));
    }

    @Test
    void period_isInclusive_inBeijingTime() {
        assertThat(queries.summary(period(LocalDate.of(2025, 1, 1), null)).cases()).as("all but H").isEqualTo(7);
        assertThat(queries.summary(period(null, LocalDate.of(2024, 12, 31))).cases()).as("H").isEqualTo(1);
        assertThat(queries.summary(period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))).cases())
                .as("B, C, D").isEqualTo(3);
        assertThat(queries.summary(period(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 5))).cases())
                .as("D").isEqualTo(1);
    }

    @Test
    void wholeMonthsFromTheTally_equalTheirDaysCountedFromTheCaseRows() {
        for (YearMonth month : List.of(YearMonth.of(2024, 12), YearMonth.of(2025, 1), YearMonth.of(2025, 2),
                YearMonth.of(2025, 3))) {
            // The whole month is answered from the tally; each half of it, holding no whole month, from the rows.
            DashboardFilter whole = period(month.atDay(1), month.atEndOfMonth());
            List<DashboardFilter> halves = List.of(period(month.atDay(1), month.atDay(15)),
                    period(month.atDay(16), month.atEndOfMonth()));
            String as = month.toString();

            assertThat(queries.summary(whole)).as(as)
                    .isEqualTo(queries.summary(halves.get(0)).plus(queries.summary(halves.get(1))));
            assertThat(counts(queries.byStatus(whole))).as(as).isEqualTo(counts(halves, queries::byStatus));
            assertThat(counts(queries.byChannel(whole))).as(as).isEqualTo(counts(halves, queries::byChannel));
            assertThat(counts(queries.byBundle(whole))).as(as).isEqualTo(counts(halves, queries::byBundle));
            assertThat(counts(queries.byLeadUnit(whole))).as(as).isEqualTo(counts(halves, queries::byLeadUnit));
            assertThat(queries.byDivision(whole)).as(as).containsExactlyInAnyOrderElementsOf(halves.stream()
                    .flatMap(half -> queries.byDivision(half).stream())
                    .collect(Collectors.toMap(DivisionCount::division, count -> count, DivisionCount::plus))
                    .values());
            long monthCases = halves.stream().flatMap(half -> queries.byMonth(half).stream())
                    .mapToLong(MonthCount::cases).sum();
            assertThat(queries.byMonth(whole)).as(as)
                    .isEqualTo(monthCases == 0 ? List.of() : List.of(new MonthCount(month, monthCases)));
            assertThat(queries.visitsOfConcludedCases(whole)).as(as).isEqualTo(queries.visitsOfConcludedCases(
                    halves.get(0)).plus(queries.visitsOfConcludedCases(halves.get(1))));
            assertThat(queries.waiversByBasis(whole)).as(as).isEqualTo(halves.stream()
                    .flatMap(half -> queries.waiversByBasis(half).stream())
                    .collect(Collectors.groupingBy(WaiverCount::basis, TreeMap::new,
                            Collectors.summingLong(WaiverCount::materials)))
                    .entrySet().stream().map(entry -> new WaiverCount(entry.getKey(), entry.getValue())).toList());
            DashboardQueries.Complaints complaints = queries.complaints(whole);
            assertThat(complaints.lodged()).as(as).isEqualTo(halves.stream()
                    .mapToLong(half -> queries.complaints(half).lodged()).sum());
            assertThat(complaints.resolved()).as(as).isEqualTo(halves.stream()
                    .mapToLong(half -> queries.complaints(half).resolved()).sum());
            assertThat(queries.ratings(whole).byScore()).as(as).isEqualTo(halves.stream()
                    .flatMap(half -> queries.ratings(half).byScore().entrySet().stream())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum)));
        }
        assertThat(queries.summary(all()).cases()).as("the months hold every case").isEqualTo(8);
    }

    @Test
    void division_cutsEveryFigure() {
        DashboardFilter wenshui = new DashboardFilter(WENSHUI, scenario.leadUnit, null, null);

        assertThat(queries.summary(wenshui)).isEqualTo(new DashboardQueries.Summary(2, 0, 0, 1, 1, 3, 0));
        assertThat(queries.byChannel(wenshui)).extracting(Count::key)
                .containsExactly("SELF_SERVICE_TERMINAL", "HOTLINE_12345");
        assertThat(queries.complaints(wenshui).lodged()).isZero();
    }

    @Test
    void visits_ofConcludedCases_byHowOftenTheApplicantCame() {
        assertThat(queries.visitsOfConcludedCases(all())).isEqualTo(new DashboardQueries.Visits(1, 1, 0, 1));
    }

    @Test
    void waivedMaterials_byBasis() {
        assertThat(queries.waiversByBasis(all())).containsExactly(
                new WaiverCount(WaiverBasis.E_LICENCE, 2),
                new WaiverCount(WaiverBasis.DATA_SHARING, 1));
    }

    @Test
    void complaints_lodgedResolvedAndTheAverageDaysToResolve() {
        DashboardQueries.Complaints complaints = queries.complaints(all());

        assertThat(complaints.lodged()).as("B-1, C-1, C-2").isEqualTo(3);
        assertThat(complaints.resolved()).as("B-1, C-1").isEqualTo(2);
        assertThat(complaints.averageDaysToResolve()).as("(2 + 1) / 2").isCloseTo(1.5, within(1e-9));
        assertThat(queries.complaints(period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28))))
                .isEqualTo(new DashboardQueries.Complaints(0, 0, null));
    }

    @Test
    void ratings_countSumAverageAndDistribution() {
        DashboardQueries.Ratings ratings = queries.ratings(all());

        assertThat(ratings.rated()).isEqualTo(3);
        assertThat(ratings.scoreSum()).isEqualTo(11);
        assertThat(ratings.average()).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(ratings.byScore()).isEqualTo(Map.of(5, 1L, 4, 1L, 2, 1L));
        assertThat(queries.ratings(new DashboardFilter(WENSHUI, scenario.leadUnit, null, null)).average()).isNull();
    }

    @Test
    void caseList_withTheDashboardsOwnFilters() {
        CaseFilter mine = CaseFilter.builder().leadUnit(scenario.leadUnit).build();

        assertThat(ids(mine.toBuilder().status(CaseStatus.CONCLUDED).maxVisits(1).build()))
                .containsExactly(scenario.b, scenario.a);
        assertThat(ids(mine.toBuilder().minVisits(3).build())).containsExactly(scenario.c);
        assertThat(ids(mine.toBuilder().waived(true).build())).containsExactly(scenario.b, scenario.a);
        assertThat(ids(mine.toBuilder().waiverBasis(WaiverBasis.DATA_SHARING).build())).containsExactly(scenario.b);
        assertThat(ids(mine.toBuilder().complaints(ComplaintFilter.ANY).build()))
                .containsExactly(scenario.c, scenario.b);
        assertThat(ids(mine.toBuilder().complaints(ComplaintFilter.RESOLVED).build()))
                .containsExactly(scenario.c, scenario.b);
        assertThat(ids(mine.toBuilder().complaints(ComplaintFilter.UNRESOLVED).build())).containsExactly(scenario.c);
        assertThat(ids(mine.toBuilder().rated(true).build())).containsExactly(scenario.c, scenario.b, scenario.a);
        assertThat(ids(mine.toBuilder().rating(5).build())).containsExactly(scenario.a);
        assertThat(ids(mine.toBuilder().transfer(TransferMode.CITY_WIDE).transferYear(2025).build()))
                .containsExactly(scenario.f);
        assertThat(ids(mine.toBuilder().transfer(TransferMode.CROSS_CITY).transferYear(2024).build()))
                .as("H moved on 1 January in Lvliang").isEmpty();
        assertThat(ids(mine.toBuilder().transfer(TransferMode.CROSS_CITY).transferYear(2025)
                .item("户口登记").build())).containsExactly(scenario.h);
        assertThat(ids(mine.toBuilder().item("户口登记").build())).containsExactly(scenario.d, scenario.c, scenario.h);
        assertThat(ids(mine.toBuilder().bundleYear(2024).build())).hasSize(8);
        assertThat(ids(mine.toBuilder().bundleYear(2025).build())).isEmpty();
    }

    @Test
    void caseList_linesCarryNamesAndTheAtRiskFlag_andPage() {
        CaseFilter mine = CaseFilter.builder().leadUnit(scenario.leadUnit).minVisits(0).build();

        BundleCasePage first = queries.listCases(mine, 0, 3);
        BundleCasePage last = queries.listCases(mine, 2, 3);

        assertThat(first.total()).isEqualTo(8);
        assertThat(first.items()).extracting(BundleCaseSummary::caseId)
                .containsExactly(scenario.d, scenario.c, scenario.b);
        assertThat(last.items()).extracting(BundleCaseSummary::caseId).containsExactly(scenario.g, scenario.h);
        BundleCaseSummary d = first.items().get(0);
        assertThat(d.atRisk()).isTrue();
        assertThat(d.divisionName()).isEqualTo("文水县");
        assertThat(d.bundleName()).isEqualTo("新生儿出生");
        assertThat(d.leadUnitName()).as("the catalog's printed lead unit of 新生儿出生").isEqualTo("市卫健委");
        assertThat(first.items().get(1).atRisk()).isFalse();
    }

    static Map<String, Long> counts(List<Count> counts) {
        Map<String, Long> byKey = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        counts.forEach(count -> byKey.merge(count.key(), count.cases(), Long::sum));
        return byKey;
    }

    static Map<String, Long> counts(List<DashboardFilter> filters, Function<DashboardFilter, List<Count>> figure) {
        return counts(filters.stream().flatMap(filter -> figure.apply(filter).stream()).toList());
    }

    DashboardFilter period(LocalDate from, LocalDate to) {
        return new DashboardFilter(null, scenario.leadUnit, from, to);
    }

    List<String> ids(CaseFilter filter) {
        return queries.listCases(filter, 0, 50).items().stream().map(BundleCaseSummary::caseId).toList();
    }

    static Tuple tuple(Object... values) {
        return Tuple.tuple(values);
    }
}
