package cn.gov.lvliang.ledger.events.scoring;

/** How an indicator's value turns into a share of its points. */
public enum CurveKind {
    /**
     * No points at {@code zeroAt} or worse, all points at {@code fullAt} or better, in proportion between them. A
     * lower-is-better indicator has {@code fullAt} below {@code zeroAt}.
     */
    LINEAR,
    /** The share of the first step whose threshold the value reaches (in the indicator's direction); none below all. */
    STEPS
}
