package cn.gov.lvliang.ledger.events.reference;

/**
 * A county-level division of Lvliang, or the development zone.
 *
 * @param code      the GB/T 2260 code (the development zone has a stable constructed code)
 * @param name      the full name as printed, e.g. 汾阳市
 * @param shortName the short name as the gazette uses it, e.g. 汾阳
 * @param kind      district, county, county-level city or development zone
 */
public record Division(String code, String name, String shortName, DivisionKind kind) {
}
