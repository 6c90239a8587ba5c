package cn.gov.lvliang.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.MonthCount;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's cases by month: every month of the period, a month without cases as 0. */
class MonthSeriesTest {

    private static final List<MonthCount> CASES = List.of(month("2025-11", 36), month("2025-12", 39),
            month("2026-12", 12));

    @Test
    void monthsWithoutCases_betweenTheFirstAndTheLast_countZero() {
        List<MonthCount> series = MonthSeries.of(CASES, null, null);

        assertThat(series).hasSize(14).startsWith(month("2025-11", 36), month("2025-12", 39), month("2026-01", 0))
                .endsWith(month("2026-11", 0), month("2026-12", 12));
        assertThat(series).extracting(MonthCount::month).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aPeriodWithEnds_runsFromItsFirstMonthToItsLast() {
        assertThat(MonthSeries.of(List.of(month("2025-03", 2)), day("2025-01-15"), day("2025-04-30")))
                .containsExactly(month("2025-01", 0), month("2025-02", 0), month("2025-03", 2), month("2025-04", 0));
        assertThat(MonthSeries.of(List.of(month("2025-03", 2)), day("2025-02-01"), null))
                .as("open at its end: until the last month with cases")
                .containsExactly(month("2025-02", 0), month("2025-03", 2));
        assertThat(MonthSeries.of(List.of(), day("2025-01-01"), day("2025-02-28")))
                .as("a period without cases").containsExactly(month("2025-01", 0), month("2025-02", 0));
    }

    @Test
    void noCases_andAnEndLeftOpen_isNoMonthAtAll() {
        assertThat(MonthSeries.of(List.of(), null, null)).isEmpty();
        assertThat(MonthSeries.of(List.of(), day("2025-01-01"), null)).isEmpty();
        assertThat(MonthSeries.of(List.of(), null, day("2025-01-01"))).isEmpty();
    }

    @Test
    void aPeriodOfDecades_showsTheSpanOfItsCases() {
        assertThat(MonthSeries.of(CASES, day("1900-01-01"), day("2099-12-31"))).hasSize(14)
                .startsWith(month("2025-11", 36)).endsWith(month("2026-12", 12));
        assertThat(MonthSeries.of(List.of(), day("1900-01-01"), day("2099-12-31"))).isEmpty();
        assertThat(MonthSeries.of(List.of(), day("2016-01-01"), day("2025-12-31")))
                .as("ten years less a month are still shown whole").hasSize(MonthSeries.MOST_MONTHS);
    }

    private static MonthCount month(String month, long cases) {
        return new MonthCount(YearMonth.parse(month), cases);
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
