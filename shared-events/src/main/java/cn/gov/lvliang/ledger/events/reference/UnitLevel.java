package cn.gov.lvliang.ledger.events.reference;

/** Where a government unit sits. */
public enum UnitLevel {
    CITY,
    COUNTY,
    /** A body outside the city government that the catalog names, such as customs or a utility. */
    EXTERNAL
}
