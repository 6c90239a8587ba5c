package cn.gov.lvliang.ledger.query.scoring;

/** One version of the scoring rubric, or the latest one for {@code null}. */
record FindRubricQuery(Integer version) {
}
