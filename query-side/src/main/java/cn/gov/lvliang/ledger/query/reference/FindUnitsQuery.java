package cn.gov.lvliang.ledger.query.reference;

/** Asks for the government units of the latest reference data, in published order. */
record FindUnitsQuery() {
}
