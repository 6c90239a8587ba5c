package cn.gov.lvliang.ledger.query.fundraising;

/** Asks for one clue of the risk-clue ledger. */
public record FindRiskClueQuery(String clueId) {
}
