package cn.gov.lvliang.ledger.query.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The fundraising board's filters as request parameters, named as the fundraising query API names them; an empty
 * field means the whole city, or the default period.
 *
 * @param division the county (区县), a GB/T 2260 code
 * @param from     the first day of the period (Beijing time)
 * @param to       the last day of the period, included
 */
public record FundraisingParams(
        String division,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
}
