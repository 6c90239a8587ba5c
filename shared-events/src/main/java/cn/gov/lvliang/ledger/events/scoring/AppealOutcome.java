package cn.gov.lvliang.ledger.events.scoring;

/** How the inspection team decided an appeal against a score card. */
public enum AppealOutcome {
    /** The appeal stands (申诉成立): the score is corrected by the decision's points. */
    GRANTED,
    /** The appeal does not stand (申诉不成立): the score is unchanged. */
    DISMISSED
}
