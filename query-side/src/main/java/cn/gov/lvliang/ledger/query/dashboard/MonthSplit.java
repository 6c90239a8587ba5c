package cn.gov.lvliang.ledger.query.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard's period cut where the tally's months fall: the whole months in it, which {@code bundle_case_tally}
 * answers, and the days before and after them that fill only part of a month, which the case rows answer. The two
 * parts never overlap and together are exactly the period.
 *
 * @param wholeMonths whether the period holds any whole month
 * @param firstMonth  the first day of the first whole month, or null if the period has no start
 * @param lastMonth   the first day of the last whole month, or null if the period has no end
 * @param partMonths  the dashboard cut to each run of days outside the whole months, at most two
 */
record MonthSplit(boolean wholeMonths, LocalDate firstMonth, LocalDate lastMonth, List<DashboardFilter> partMonths) {

    MonthSplit {
        partMonths = List.copyOf(partMonths);
    }

    static MonthSplit of(DashboardFilter filter) {
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        LocalDate first = from == null || from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate last = to == null ? null
                : to.getDayOfMonth() == to.lengthOfMonth() ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
        if (first != null && last != null && first.isAfter(last)) {
            return new MonthSplit(false, null, null, List.of(filter));
        }
        List<DashboardFilter> parts = new ArrayList<>();
        if (from != null && from.isBefore(first)) {
            parts.add(new DashboardFilter(filter.division(), filter.leadUnit(), from, first.minusDays(1)));
        }
        if (to != null && to.isAfter(last.plusMonths(1).minusDays(1))) {
            parts.add(new DashboardFilter(filter.division(), filter.leadUnit(), last.plusMonths(1), to));
        }
        return new MonthSplit(true, first, last, parts);
    }
}
