package cn.gov.lvliang.ledger.query.fundraising;

import java.time.LocalDate;

/**
 * Asks how the clues recorded in a period fall under each county, source, key area, status and whether a
 * verification of theirs ever passed its due date: every clue count of the fundraising board in one reading, where
 * the list query would count each figure on its own. Every filter is optional ({@code null}) and they combine with
 * AND, as in {@link ListRiskCluesQuery}.
 *
 * @param divisionCode the county-level division the clues concern
 * @param from         recorded on or after this day (Beijing time)
 * @param to           recorded on or before this day (Beijing time)
 */
public record CountRiskCluesQuery(String divisionCode, LocalDate from, LocalDate to) {
}
