package cn.gov.lvliang.ledger.query.scoring;

/** One issued score card with its adjustments and appeals. */
record FindScoreCardQuery(String cardId) {
}
