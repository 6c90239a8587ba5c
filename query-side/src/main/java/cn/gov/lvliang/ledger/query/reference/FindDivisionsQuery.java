package cn.gov.lvliang.ledger.query.reference;

/** Asks for the county-level divisions of the latest reference data, in published order. */
record FindDivisionsQuery() {
}
