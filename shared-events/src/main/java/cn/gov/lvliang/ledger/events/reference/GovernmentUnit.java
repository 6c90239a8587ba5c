package cn.gov.lvliang.ledger.events.reference;

import java.util.List;

/**
 * A unit that leads bundles, decides items or handles fundraising cases.
 *
 * @param code            a stable code, e.g. {@code CITY_APPROVAL} or {@code 141102_APPROVAL}
 * @param name            the name as printed
 * @param level           city, county or external
 * @param division        the division code of a county unit, otherwise {@code null}
 * @param cityCounterpart the code of the city unit a county unit mirrors, otherwise {@code null}
 * @param aliases         other printed forms of the same name
 */
public record GovernmentUnit(
        String code, String name, UnitLevel level, String division, String cityCounterpart, List<String> aliases) {

    public GovernmentUnit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
