package cn.gov.lvliang.ledger.events.personaldata;

/**
 * The kinds of identifier that name a data subject (个人信息主体) in the ledger. The same identifier of the same kind is
 * the same subject across cases, so one person's data shares one key wherever it appears.
 */
public enum DataSubjectKind {
    /** A bundle-case applicant, by resident identity number or unified social credit code. */
    APPLICANT,
    /** A reporter of a risk clue, by the reporting channel's handle. */
    REPORTER
}
