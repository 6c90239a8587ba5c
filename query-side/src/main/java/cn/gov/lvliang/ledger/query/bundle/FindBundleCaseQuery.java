package cn.gov.lvliang.ledger.query.bundle;

/** Asks for one bundle case's current view. */
record FindBundleCaseQuery(String caseId) {
}
