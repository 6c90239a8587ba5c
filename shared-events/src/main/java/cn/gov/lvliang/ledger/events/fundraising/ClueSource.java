package cn.gov.lvliang.ledger.events.fundraising;

/**
 * Where a risk clue (风险线索) came from: the channels 吕政办发〔2024〕20号 names for finding illegal fundraising.
 */
public enum ClueSource {
    /** Online monitoring (线上监测), e.g. of advertising and apps. */
    ONLINE_MONITORING,
    /** Offline screening (线下排查) by a sector regulator or the county: visits, talks, records, questioning. */
    OFFLINE_SCREENING,
    /** A public report (群众举报), chiefly through the provincial 山西省非法集资线索举报小程序; rewardable. */
    PUBLIC_REPORT,
    /** A report of abnormal fund flows (资金异动) from a bank or a non-bank payment institution. */
    ABNORMAL_FUND_FLOW,
    /** A grid worker's (网格员) find while sweeping buildings and streets (清楼扫街). */
    GRID_WORKER,
    /** A petition (信访) that reveals a fundraising risk. */
    PETITION
}
