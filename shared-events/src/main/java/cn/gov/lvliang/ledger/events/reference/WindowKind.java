package cn.gov.lvliang.ledger.events.reference;

/** The kinds of windows and service points of a government-service hall ("1+6+3" and the complaint window). */
public enum WindowKind {
    COMPREHENSIVE,
    SPECIALISED,
    CROSS_CITY,
    CITY_WIDE,
    ONE_THING,
    UNRESOLVED_MATTERS,
    ASSISTED_HANDLING
}
