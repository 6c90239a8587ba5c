package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who does what in the campaign, after 吕政办发〔2024〕20号: the city government office (市政府办, where the leading group's
 * office sits) leads, and each county's government office acts as the county lead department (县级牵头部门) in its own
 * county; the political-legal commission (市委政法委) leads the legacy cases; police, procuratorate and court own their
 * milestones of the criminal path; the petitions bureau (市信访局) handles petitions. A county unit acts for its city
 * counterpart in its own county, as {@link UnitDirectory#mayActAs} decides.
 */
@Component
class FundraisingRoles {

    static final String LEAD = "CITY_GOV_OFFICE";
    static final String LEGACY_LEAD = "CITY_POLITICAL_LEGAL";
    static final String POLICE = "CITY_POLICE";
    static final String PROCURATORATE = "CITY_PROCURATORATE";
    static final String COURT = "CITY_COURT";
    static final String PETITIONS = "CITY_PETITIONS";

    private final ReferenceData referenceData;
    private final UnitDirectory units;

    FundraisingRoles(ReferenceData referenceData, UnitDirectory units) {
        this.referenceData = referenceData;
        this.units = units;
    }

    /** Refuses an unknown unit; the message names the field, so it becomes a 400. */
    void requireKnownUnit(String unit, String field) {
        if (unit == null || !units.exists(unit)) {
            throw new IllegalArgumentException(field + ": no unit " + unit);
        }
    }

    /** Refuses an unknown county-level division. */
    void requireDivision(String divisionCode, String field) {
        if (referenceData.division(divisionCode).isEmpty()) {
            throw new IllegalArgumentException(field + ": no division " + divisionCode);
        }
    }

    /** Whether {@code actingUnit} is {@code cityUnit} or its counterpart in {@code divisionCode}. */
    boolean actsAs(String actingUnit, String cityUnit, String divisionCode) {
        return units.mayActAs(actingUnit, cityUnit, divisionCode);
    }

    /**
     * The level at which {@code actingUnit} leads the campaign in {@code divisionCode}: {@code CITY} for the city
     * government office, {@code COUNTY} for that division's government office, empty for any other unit.
     */
    Optional<DeterminationLevel> leadLevel(String actingUnit, String divisionCode) {
        if (LEAD.equals(actingUnit)) {
            return Optional.of(DeterminationLevel.CITY);
        }
        return actsAs(actingUnit, LEAD, divisionCode) ? Optional.of(DeterminationLevel.COUNTY) : Optional.empty();
    }

    /** Whether the unit is a police unit: the city police or a county police bureau. */
    boolean isPolice(String unit) {
        return referenceData.unit(unit)
                .filter(u -> POLICE.equals(u.code()) || POLICE.equals(u.cityCounterpart()))
                .isPresent();
    }
}
