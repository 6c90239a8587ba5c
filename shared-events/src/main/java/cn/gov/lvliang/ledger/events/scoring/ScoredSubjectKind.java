package cn.gov.lvliang.ledger.events.scoring;

/** What a score is about. */
public enum ScoredSubjectKind {
    /** A county-level division (县（市、区）, and the development zone), by its GB/T 2260 code. */
    COUNTY,
    /** A lead unit (牵头单位, ★ in the bundle list), by its unit code. */
    LEAD_UNIT
}
