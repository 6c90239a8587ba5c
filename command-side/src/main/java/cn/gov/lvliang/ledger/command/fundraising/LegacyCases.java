package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The six legacy cases (陈案积案) of 吕政办发〔2024〕20号 §四(八), loaded from the versioned data file. The plan gives
 * each case's age only as a group ("filed 3 to 5 years ago", "under 3 years"); the file gives each an approximate
 * filing date inside its group, which an import may replace with the real date (see docs/fundraising.md).
 */
@Component
class LegacyCases {

    static final String RESOURCE = "fundraising/legacy-cases-v1.json";

    private final int version;
    private final LocalDate planDate;
    private final Map<String, LegacyCase> byCode = new LinkedHashMap<>();

    LegacyCases(ObjectMapper objectMapper, ReferenceData referenceData) {
        LegacyCaseFile file = VersionedDataFile.read(objectMapper, RESOURCE, LegacyCaseFile.class).content();
        this.version = file.version();
        this.planDate = file.planDate();
        for (LegacyCase legacyCase : file.cases()) {
            if (byCode.put(legacyCase.code(), legacyCase) != null) {
                throw new IllegalStateException("Legacy case " + legacyCase.code() + " appears twice in " + RESOURCE);
            }
            if (referenceData.division(legacyCase.divisionCode()).isEmpty()) {
                throw new IllegalStateException(RESOURCE + " names division " + legacyCase.divisionCode()
                        + ", which the reference data does not know");
            }
            if (!fitsAge(legacyCase.filingAge(), legacyCase.approximateFilingDate())) {
                throw new IllegalStateException(RESOURCE + ": the approximate filing date of " + legacyCase.code()
                        + " lies outside its group " + legacyCase.filingAge());
            }
        }
    }

    int version() {
        return version;
    }

    /** The day the plan was issued, from which the ages of the cases count. */
    LocalDate planDate() {
        return planDate;
    }

    Optional<LegacyCase> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    List<LegacyCase> all() {
        return List.copyOf(byCode.values());
    }

    /**
     * The filing date an import records: the given date when the county knows it, checked against the case's age
     * group, otherwise the file's approximation.
     *
     * @throws IllegalArgumentException naming {@code originalFilingDate} when the given date contradicts the plan
     */
    FilingDate filingDate(LegacyCase legacyCase, LocalDate given) {
        if (given == null) {
            return new FilingDate(legacyCase.approximateFilingDate(), true);
        }
        if (!fitsAge(legacyCase.filingAge(), given)) {
            throw new IllegalArgumentException("originalFilingDate: " + given + " does not fit the plan, which lists "
                    + legacyCase.name() + " as filed " + describe(legacyCase.filingAge()) + " before " + planDate);
        }
        return new FilingDate(given, false);
    }

    /**
     * 3年以上5年以下 includes both ends (以上 and 以下 include the figure); 3年以下 then means strictly less than three
     * years, so that the two groups do not overlap.
     */
    private boolean fitsAge(LegacyFilingAge age, LocalDate filed) {
        LocalDate threeYears = planDate.minusYears(3);
        return switch (age) {
            case THREE_TO_FIVE_YEARS -> !filed.isBefore(planDate.minusYears(5)) && !filed.isAfter(threeYears);
            case UNDER_THREE_YEARS -> filed.isAfter(threeYears) && filed.isBefore(planDate);
        };
    }

    private static String describe(LegacyFilingAge age) {
        return age == LegacyFilingAge.THREE_TO_FIVE_YEARS ? "three to five years" : "less than three years";
    }

    /**
     * One legacy case as the file lists it.
     *
     * @param code                  a stable code: the division code and a number, e.g. {@code 141125-1}
     * @param divisionCode          the county-level division that handles it
     * @param name                  the case's name
     * @param printedAs             the words the plan prints for it, whitespace removed
     * @param subject               whom it is about
     * @param filingAge             the plan's age group
     * @param approximateFilingDate the ledger's approximation of the filing date, inside the age group
     */
    record LegacyCase(String code, String divisionCode, String name, String printedAs, FundraisingSubject subject,
                      LegacyFilingAge filingAge, LocalDate approximateFilingDate) {

        /** The fixed id of the case in the ledger, which makes a second import find the first. */
        String caseId() {
            return "legacy-" + code;
        }
    }

    /**
     * @param date        the filing date to record
     * @param approximate whether it is the file's approximation
     */
    record FilingDate(LocalDate date, boolean approximate) {
    }

    /** The shape of the data file. */
    record LegacyCaseFile(int version, String source, LocalDate planDate, List<LegacyCase> cases) {
    }
}
