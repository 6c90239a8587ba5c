package cn.gov.lvliang.ledger.query.fundraising;

/** Asks for one page of a case's registered participants, in reference order; empty if the case is unknown. */
record ListParticipantsQuery(String caseId, int page, int size) {
}
