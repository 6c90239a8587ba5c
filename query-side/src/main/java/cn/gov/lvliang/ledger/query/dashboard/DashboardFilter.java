package cn.gov.lvliang.ledger.query.dashboard;

import java.time.LocalDate;

/**
 * What a dashboard is cut to: cases handled in a division (区县), of a lead unit, submitted within a period. Every
 * part is optional ({@code null}); they combine with AND and mean exactly what the case list's filters of the same
 * names mean, so that each figure drills down to a list that adds up to it.
 *
 * @param division the division now handling the case (GB/T 2260 code)
 * @param leadUnit the code of the bundle's lead unit
 * @param from     submitted on or after this day (Beijing time)
 * @param to       submitted on or before this day (Beijing time)
 */
public record DashboardFilter(String division, String leadUnit, LocalDate from, LocalDate to) {

    public static final DashboardFilter NONE = new DashboardFilter(null, null, null, null);

    public DashboardFilter {
        division = blankToNull(division);
        leadUnit = blankToNull(leadUnit);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to (" + from + " > " + to + ")");
        }
    }

    /** The case-list filter that selects every case this dashboard counts. */
    public CaseFilter cases() {
        return CaseFilter.builder().division(division).leadUnit(leadUnit).from(from).to(to).build();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
