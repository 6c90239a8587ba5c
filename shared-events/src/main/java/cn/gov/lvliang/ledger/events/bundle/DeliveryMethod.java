package cn.gov.lvliang.ledger.events.bundle;

/** How the results of a case reached the applicant. */
public enum DeliveryMethod {
    AT_WINDOW,
    POSTAL,
    ELECTRONIC
}
