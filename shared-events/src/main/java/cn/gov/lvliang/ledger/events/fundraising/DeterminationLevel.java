package cn.gov.lvliang.ledger.events.fundraising;

/**
 * The level of the lead department that determined a case.
 */
public enum DeterminationLevel {
    /** The county-level lead department (县级防范和处置非法集资牵头部门), the default. */
    COUNTY,
    /** The city lead department (市级牵头部门), for escalated cases. */
    CITY
}
