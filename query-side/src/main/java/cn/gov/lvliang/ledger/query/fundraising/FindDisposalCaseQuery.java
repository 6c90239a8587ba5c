package cn.gov.lvliang.ledger.query.fundraising;

/** Asks for one disposal case in full. */
record FindDisposalCaseQuery(String caseId) {
}
