package cn.gov.lvliang.ledger.events.scoring;

/** What the ledger counts for a penalty (扣分项). */
public enum PenaltyRule {
    /**
     * A major case (重大案件: escalated because its amount or participants reached the threshold) opened after the
     * campaign and handled poorly (处置不力) by the period's end: not determined within the rubric's days of opening,
     * or with a petition left unhandled longer than the rubric's days. 吕政办发〔2024〕20号 §五(四).
     */
    MAJOR_CASE_AFTER_CAMPAIGN_HANDLED_POORLY
}
