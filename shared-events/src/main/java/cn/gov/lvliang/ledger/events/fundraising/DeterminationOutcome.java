package cn.gov.lvliang.ledger.events.fundraising;

/**
 * What the determination (研判定性, 认定) of a disposal case concluded.
 */
public enum DeterminationOutcome {
    /** Illegal fundraising, disposed of administratively. */
    ILLEGAL_FUNDRAISING,
    /** Suspected crime (涉嫌犯罪): to be transferred to the police (依法移送公安机关). */
    SUSPECTED_CRIME,
    /** Not illegal fundraising; guards against over-broad determination (避免非法集资泛化). */
    NOT_ILLEGAL_FUNDRAISING
}
