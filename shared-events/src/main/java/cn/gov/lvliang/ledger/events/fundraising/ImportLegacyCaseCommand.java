package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Brings one of the plan's legacy cases (陈案积案) into the ledger. The case was filed long before the ledger began: its
 * original filing date is data, while the business time is the moment of the import.
 *
 * @param caseId the disposal case
 * @param legacyCode the case's code in the legacy-case data file, e.g. {@code 141125-1}
 * @param legacyFileVersion the version of that data file
 * @param actingUnit the code of the unit that acted
 * @param divisionCode the county-level division that handles it
 * @param name the case's name
 * @param printedAs the words 吕政办发〔2024〕20号 prints for it, whitespace removed
 * @param subject whom it is about
 * @param filingAge the plan's age group of the case
 * @param originalFilingDate the date the case was originally filed (立案)
 * @param filingDateApproximate {@code true} when that date is the ledger's documented approximation, not a date from
 *                              the file
 * @param stageAtImport the criminal milestone the case had reached when imported, at least {@link
 *                      CriminalMilestone#POLICE_FILED}
 * @param businessTime when it happened in business terms
 */
public record ImportLegacyCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String legacyCode,
        int legacyFileVersion,
        String actingUnit,
        String divisionCode,
        String name,
        String printedAs,
        FundraisingSubject subject,
        LegacyFilingAge filingAge,
        LocalDate originalFilingDate,
        boolean filingDateApproximate,
        CriminalMilestone stageAtImport,
        Instant businessTime) {
}
