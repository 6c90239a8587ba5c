package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A legacy case (陈案积案) of the plan was brought into the ledger. Its original filing date may lie years before the
 * ledger's earliest business time: it is data, not the time of this fact, which is the moment of the import. The case
 * counts as determined before the ledger (it was filed as a crime) and as already transferred to the police.
 *
 * @param caseId the disposal case
 * @param legacyCode the case's code in the legacy-case data file
 * @param legacyFileVersion the version of that data file
 * @param actingUnit the code of the unit that acted
 * @param divisionCode the county-level division that handles it
 * @param name the case's name
 * @param printedAs the words the plan prints for it, whitespace removed
 * @param subject whom it is about
 * @param filingAge the plan's age group of the case
 * @param originalFilingDate the date the case was originally filed (立案)
 * @param filingDateApproximate {@code true} when that date is the ledger's documented approximation
 * @param stageAtImport the criminal milestone the case had reached when imported
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record LegacyCaseImportedEvent(
        String caseId,
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
        Instant businessTime) implements DisposalCaseEvent {
}
