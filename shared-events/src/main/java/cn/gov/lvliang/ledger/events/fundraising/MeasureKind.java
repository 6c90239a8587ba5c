package cn.gov.lvliang.ledger.events.fundraising;

/**
 * The administrative measures (行政处置手段) of 吕政办发〔2024〕20号 §四(六).
 */
public enum MeasureKind {
    /** 警示约谈: a warning talk. */
    WARNING_TALK,
    /** 责令整改: an order to rectify. */
    RECTIFICATION_ORDER,
    /** 查封扣押: sealing up and seizure of property. */
    SEIZURE,
    /** 责令监督清退: an order to refund the participants, under supervision. */
    ORDERED_REFUND,
    /** 罚款警告: a fine or a warning. */
    FINE_OR_WARNING
}
