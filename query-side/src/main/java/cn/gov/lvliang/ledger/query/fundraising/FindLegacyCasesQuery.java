package cn.gov.lvliang.ledger.query.fundraising;

/** Asks for the legacy cases against the plan's 100% resolution target. */
public record FindLegacyCasesQuery() {
}
