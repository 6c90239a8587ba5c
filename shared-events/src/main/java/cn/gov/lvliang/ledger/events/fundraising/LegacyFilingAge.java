package cn.gov.lvliang.ledger.events.fundraising;

/**
 * How long before 吕政办发〔2024〕20号 (2024-07-01) a legacy case (陈案积案) was filed, as the plan groups them.
 */
public enum LegacyFilingAge {
    /** 立案3年以上5年以下: filed three to five years before. */
    THREE_TO_FIVE_YEARS,
    /** 立案3年以下: filed less than three years before. */
    UNDER_THREE_YEARS
}
