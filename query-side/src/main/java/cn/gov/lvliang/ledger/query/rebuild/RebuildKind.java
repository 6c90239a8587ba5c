package cn.gov.lvliang.ledger.query.rebuild;

/** What a run does once the shadow model has caught up with the live one. */
public enum RebuildKind {
    /** Compare, then switch readers to the rebuilt model (if equal, or if differences were accepted). */
    REBUILD,
    /** Compare only; the shadow model is dropped. */
    VERIFY
}
