package cn.gov.lvliang.ledger.events.scoring;

/** Which way an indicator's value is better, for its curve and its rank. */
public enum ScoreDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
