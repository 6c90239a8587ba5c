package cn.gov.lvliang.ledger.query.fundraising;

import java.time.LocalDate;

/** Asks for one of the plan's statistics tables for a period, for one county or the whole city. */
public record FindStatisticsTableQuery(StatisticsTableKind table, String divisionCode, LocalDate from, LocalDate to) {
}
