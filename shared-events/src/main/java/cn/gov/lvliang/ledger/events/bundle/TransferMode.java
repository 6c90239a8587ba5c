package cn.gov.lvliang.ledger.events.bundle;

/** Why a case moved between halls. */
public enum TransferMode {
    /** Handled in any hall of the city (全市通办). */
    CITY_WIDE,
    /** Handled across city borders (跨市通办). */
    CROSS_CITY
}
