package cn.gov.lvliang.ledger.events.bundle;

/** The forms of assisted handling (帮办代办). */
public enum AssistanceKind {
    /** Staff help the applicant through the steps (帮办). */
    ASSISTED,
    /** Staff take steps on the applicant's behalf (代办). */
    PROXY,
    /** The development zone's full proxy service (全代办). */
    FULL_PROXY
}
