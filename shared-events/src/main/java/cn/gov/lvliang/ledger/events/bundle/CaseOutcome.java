package cn.gov.lvliang.ledger.events.bundle;

/** What the applicant got when a case was concluded. */
public enum CaseOutcome {
    /** Every item approved. */
    APPROVED,
    /** Some items approved, some rejected. */
    PARTIALLY_APPROVED,
    /** No item approved. */
    NOT_APPROVED
}
