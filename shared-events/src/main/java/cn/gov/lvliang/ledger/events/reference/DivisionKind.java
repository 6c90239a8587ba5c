package cn.gov.lvliang.ledger.events.reference;

/** The kind of a county-level division of Lvliang. */
public enum DivisionKind {
    DISTRICT,
    COUNTY,
    COUNTY_CITY,
    /** 吕梁经济技术开发区, which is not a county but handles cases like one. */
    DEV_ZONE
}
