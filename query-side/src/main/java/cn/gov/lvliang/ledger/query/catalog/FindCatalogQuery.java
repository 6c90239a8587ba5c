package cn.gov.lvliang.ledger.query.catalog;

/**
 * Asks for one version of the bundle catalog.
 *
 * @param version the catalog version, or {@code null} for the latest published one
 */
record FindCatalogQuery(Integer version) {
}
