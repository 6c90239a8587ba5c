package cn.gov.lvliang.ledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthSplitTest {

    static final String LISHI = "141102";
    static final String UNIT = "unit";

    @Test
    void noPeriod_isEveryMonth_withNoDaysApart() {
        assertThat(MonthSplit.of(new DashboardFilter(LISHI, UNIT, null, null)))
                .isEqualTo(new MonthSplit(true, null, null, List.of()));
    }

    @Test
    void aPeriodOfWholeMonths_isThoseMonths() {
        assertThat(MonthSplit.of(period(date(2025, 1, 1), date(2025, 3, 31))))
                .isEqualTo(new MonthSplit(true, date(2025, 1, 1), date(2025, 3, 1), List.of()));
        assertThat(MonthSplit.of(period(date(2024, 2, 1), date(2024, 2, 29))))
                .as("a leap February ends on the 29th")
                .isEqualTo(new MonthSplit(true, date(2024, 2, 1), date(2024, 2, 1), List.of()));
    }

    @Test
    void daysBeforeAndAfterTheWholeMonths_areCutApart_withTheFilterKept() {
        assertThat(MonthSplit.of(period(date(2025, 1, 15), date(2025, 4, 10)))).isEqualTo(new MonthSplit(true,
                date(2025, 2, 1), date(2025, 3, 1),
                List.of(period(date(2025, 1, 15), date(2025, 1, 31)), period(date(2025, 4, 1), date(2025, 4, 10)))));
    }

    @Test
    void anOpenEnd_leavesOnlyTheOtherEndsDaysApart() {
        assertThat(MonthSplit.of(period(date(2025, 1, 15), null))).isEqualTo(new MonthSplit(true,
                date(2025, 2, 1), null, List.of(period(date(2025, 1, 15), date(2025, 1, 31)))));
        assertThat(MonthSplit.of(period(null, date(2025, 1, 15)))).isEqualTo(new MonthSplit(true,
                null, date(2024, 12, 1), List.of(period(date(2025, 1, 1), date(2025, 1, 15)))));
    }

    @Test
    void aPeriodHoldingNoWholeMonth_isAllDays() {
        DashboardFilter withinAMonth = period(date(2025, 3, 5), date(2025, 3, 30));
        DashboardFilter acrossTwo = period(date(2025, 3, 5), date(2025, 4, 29));

        assertThat(MonthSplit.of(withinAMonth)).isEqualTo(new MonthSplit(false, null, null, List.of(withinAMonth)));
        assertThat(MonthSplit.of(acrossTwo)).isEqualTo(new MonthSplit(false, null, null, List.of(acrossTwo)));
    }

    static DashboardFilter period(LocalDate from, LocalDate to) {
        return new DashboardFilter(LISHI, UNIT, from, to);
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
