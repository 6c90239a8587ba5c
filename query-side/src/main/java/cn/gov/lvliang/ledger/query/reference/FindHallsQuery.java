package cn.gov.lvliang.ledger.query.reference;

/** Asks for the service halls of the latest reference data, each with its windows. */
record FindHallsQuery() {
}
