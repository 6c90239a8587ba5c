package cn.gov.lvliang.ledger.events.bundle;

/** Why an applicant came to a hall in person. */
public enum VisitPurpose {
    SUBMISSION,
    SUPPLEMENT,
    CONSULTATION,
    COLLECTION,
    COMPLAINT,
    OTHER
}
