package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.MonthCount;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Cases by month as a series without holes: every month of the period shown, a month without cases as 0, so that
 * the table reads month by month and its line chart does not join months a year apart as neighbours.
 *
 * <p>The period is the dashboard's own where it names its ends, and otherwise runs from the first to the last month
 * that has cases. A period far wider than the cases (a filter from 1900, say) would be years of empty rows; beyond
 * {@link #MOST_MONTHS} months the series keeps to the months between the first and last cases instead.
 */
final class MonthSeries {

    /** Ten years of months; a dashboard period wider than this shows the span of its cases only. */
    static final int MOST_MONTHS = 120;

    private MonthSeries() {
    }

    /**
     * @param counts the months that have cases, as the dashboard queries give them
     * @param from   the first day of the dashboard's period, or null for "since the first case"
     * @param to     the last day of the dashboard's period, or null for "until the last case"
     * @return every month from the period's first to its last, oldest first; empty when no month has cases and the
     *         period leaves an end open or spans more than {@link #MOST_MONTHS} months
     */
    static List<MonthCount> of(List<MonthCount> counts, LocalDate from, LocalDate to) {
        TreeMap<YearMonth, Long> cases = new TreeMap<>();
        counts.forEach(count -> cases.merge(count.month(), count.cases(), Long::sum));
        if (cases.isEmpty() && (from == null || to == null)) {
            return List.of();
        }
        YearMonth first = from != null ? YearMonth.from(from) : cases.firstKey();
        YearMonth last = to != null ? YearMonth.from(to) : cases.lastKey();
        if (first.until(last, ChronoUnit.MONTHS) >= MOST_MONTHS) {
            if (cases.isEmpty()) {
                return List.of();
            }
            first = later(first, cases.firstKey());
            last = earlier(last, cases.lastKey());
        }
        List<MonthCount> series = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            series.add(new MonthCount(month, cases.getOrDefault(month, 0L)));
        }
        return series;
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth earlier(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
