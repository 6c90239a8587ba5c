package cn.gov.lvliang.ledger.query.reference;

import cn.gov.lvliang.ledger.events.reference.UnitLevel;
import java.util.List;

/**
 * A government unit.
 *
 * @param code            the code events carry, e.g. {@code CITY_APPROVAL} or {@code 141102_APPROVAL}
 * @param name            the name as printed
 * @param level           city, county or external
 * @param division        the division code of a county unit
 * @param cityCounterpart the city unit a county unit mirrors
 * @param aliases         other printed forms of the name
 * @param version         the reference data version it comes from
 */
public record UnitView(
        String code, String name, UnitLevel level, String division, String cityCounterpart, List<String> aliases,
        int version) {
}
