package cn.gov.lvliang.ledger.events.catalog;

/**
 * Whom a bundle serves: the catalog's enterprise (企业事项) and personal (个人事项) sections.
 */
public enum BundleSubject {
    ENTERPRISE,
    PERSONAL
}
