package cn.gov.lvliang.ledger.query.bundle;

/** Asks for one bundle case in full. */
record FindBundleCaseQuery(String caseId) {
}
