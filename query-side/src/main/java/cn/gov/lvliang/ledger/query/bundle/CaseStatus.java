package cn.gov.lvliang.ledger.query.bundle;

/** Where a bundle case stands, in the order of its life. */
public enum CaseStatus {
    /** Submitted, not yet accepted or refused. */
    SUBMITTED,
    /** Accepted by the lead unit; its statutory clock runs. */
    ACCEPTED,
    /** The lead unit refused to accept it. Ended. */
    REFUSED,
    /** Concluded after every item was decided. Ended. */
    CONCLUDED,
    /** Withdrawn by the applicant. Ended. */
    WITHDRAWN
}
