package cn.gov.lvliang.ledger.query.fundraising;

/** Where a disposal case stands, in the order of its life. */
public enum DisposalCaseStatus {
    /** Opened; not yet determined (待认定), possibly escalated to the city. */
    OPEN,
    /** Determined (已认定); disposed of administratively, or waiting for the police transfer. */
    DETERMINED,
    /** With the police (已移送公安): transferred by the ledger, or a legacy case filed before it. */
    WITH_POLICE,
    /** Closed (结案). */
    CLOSED
}
