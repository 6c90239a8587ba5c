package cn.gov.lvliang.ledger.query.fundraising;

import java.time.LocalDate;

/** Asks for the case progress funnel of the clues recorded in a period, for one county or the whole city. */
public record FindFunnelQuery(String divisionCode, LocalDate from, LocalDate to) {
}
