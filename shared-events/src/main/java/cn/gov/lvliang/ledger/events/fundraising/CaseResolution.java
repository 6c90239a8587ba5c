package cn.gov.lvliang.ledger.events.fundraising;

/**
 * How a disposal case was closed (结案).
 */
public enum CaseResolution {
    /** After a court judgment on the criminal path. */
    CLOSED_AFTER_JUDGMENT,
    /** After administrative measures on a case determined as illegal fundraising. */
    CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL,
    /** The case was determined not to be illegal fundraising. */
    NO_ILLEGAL_FUNDRAISING,
    /** Merged into another disposal case. */
    MERGED,
    /** Any other way, explained in the closure's note. */
    OTHER
}
