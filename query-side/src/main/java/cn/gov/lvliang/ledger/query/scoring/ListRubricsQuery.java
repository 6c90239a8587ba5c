package cn.gov.lvliang.ledger.query.scoring;

/** Every published version of the scoring rubric, oldest first. */
record ListRubricsQuery() {
}
