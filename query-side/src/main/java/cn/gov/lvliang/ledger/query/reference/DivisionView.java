package cn.gov.lvliang.ledger.query.reference;

import cn.gov.lvliang.ledger.events.reference.DivisionKind;

/**
 * A county-level division of Lvliang, or the development zone.
 *
 * @param code      the GB/T 2260 code, e.g. {@code 141102}
 * @param name      the full name, e.g. 离石区
 * @param shortName the short name the gazette uses
 * @param kind      district, county, county-level city or development zone
 * @param version   the reference data version it comes from
 */
public record DivisionView(String code, String name, String shortName, DivisionKind kind, int version) {
}
