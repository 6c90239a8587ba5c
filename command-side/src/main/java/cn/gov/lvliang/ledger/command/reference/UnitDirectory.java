package cn.gov.lvliang.ledger.command.reference;

import cn.gov.lvliang.ledger.events.reference.GovernmentUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds units by the names the catalog prints, and decides who may act for whom: a unit acts for itself, and a
 * county unit acts for its city counterpart on cases handled in its own county.
 */
@Component
public class UnitDirectory {

    private final ReferenceData referenceData;
    private final Map<String, String> codesByPrintedName = new HashMap<>();

    public UnitDirectory(ReferenceData referenceData) {
        this.referenceData = referenceData;
        for (GovernmentUnit unit : referenceData.units()) {
            codesByPrintedName.put(unit.name(), unit.code());
            unit.aliases().forEach(alias -> codesByPrintedName.put(alias, unit.code()));
        }
    }

    /** The code of the unit the catalog prints under this name or one of its aliases. */
    public Optional<String> codeOfPrintedName(String name) {
        return Optional.ofNullable(codesByPrintedName.get(name));
    }

    public boolean exists(String unitCode) {
        return referenceData.unit(unitCode).isPresent();
    }

    /** The unit that acts for {@code cityUnit} in a division: its county counterpart there, else the city unit. */
    public String actingUnitIn(String cityUnit, String divisionCode) {
        return referenceData.units().stream()
                .filter(unit -> Objects.equals(unit.cityCounterpart(), cityUnit))
                .filter(unit -> Objects.equals(unit.division(), divisionCode))
                .map(GovernmentUnit::code)
                .findFirst()
                .orElse(cityUnit);
    }

    /**
     * Whether {@code actingUnit} may act as {@code requiredUnit} on a case handled in {@code divisionCode}: it is that
     * unit, or the county counterpart of that city unit in the case's own division.
     */
    public boolean mayActAs(String actingUnit, String requiredUnit, String divisionCode) {
        if (Objects.equals(actingUnit, requiredUnit)) {
            return true;
        }
        return referenceData.unit(actingUnit)
                .filter(unit -> Objects.equals(unit.cityCounterpart(), requiredUnit))
                .filter(unit -> Objects.equals(unit.division(), divisionCode))
                .isPresent();
    }
}
