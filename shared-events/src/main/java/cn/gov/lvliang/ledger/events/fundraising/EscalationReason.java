package cn.gov.lvliang.ledger.events.fundraising;

/**
 * Why a disposal case went up to the city lead department (逐级上报至市级牵头部门).
 */
public enum EscalationReason {
    /** The estimated amount reaches the configured threshold: the case is major (重大). */
    AMOUNT_OVER_THRESHOLD,
    /** The estimated participants reach the configured threshold: the case is major (重大). */
    PARTICIPANTS_OVER_THRESHOLD,
    /** The case is complex (复杂), as the county lead department judges. */
    COMPLEX,
    /** The determination is disputed (性质认定存在争议): the county could not settle it. */
    DISPUTED
}
