package cn.gov.lvliang.ledger.events.catalog;

/**
 * Who put a bundle on the list, as the catalog marks it.
 */
public enum BundleMark {
    /** ● named by the State Council for 2024. */
    STATE_COUNCIL,
    /** ▲ on the provincial government's list. */
    PROVINCIAL,
    /** Unmarked: added by the city. */
    CITY
}
