package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.dashboard.DashboardFilter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The dashboard's filters as request parameters; an empty field of the filter form means "all".
 *
 * @param division the county (区县), a GB/T 2260 code
 * @param leadUnit a lead unit's code
 * @param from     submitted on or after (Beijing time)
 * @param to       submitted on or before (Beijing time)
 */
public record DashboardParams(
        String division,
        String leadUnit,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public DashboardFilter toFilter() {
        return new DashboardFilter(division, leadUnit, from, to);
    }
}
