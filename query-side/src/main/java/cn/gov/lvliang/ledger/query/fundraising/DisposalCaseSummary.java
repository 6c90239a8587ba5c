package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import java.time.Instant;
import java.util.List;

/**
 * A disposal case as the case list shows it.
 *
 * @param caseId               the case
 * @param legacy               whether it is one of the plan's legacy cases (陈案积案)
 * @param legacyCode           its code in the legacy-case data file, or {@code null}
 * @param name                 the case's name
 * @param subjectName          whom it is about
 * @param keyArea              the key area; {@code null} for a legacy case
 * @param divisionCode         the county-level division that handles it
 * @param divisionName         that division's name
 * @param openedAt             when it was opened, or imported
 * @param status               where it stands
 * @param escalated            whether it went up to the city
 * @param determinationLevel   who determined it; {@code null} until determined (and for a legacy case)
 * @param determinationOutcome what the determination concluded (a legacy case counts as {@code SUSPECTED_CRIME})
 * @param crossProvince        whether it reaches into other provinces
 * @param provinces            the other provinces' GB/T 2260 codes
 * @param measuresOrdered      administrative measures ordered
 * @param measuresOpen         of those, not yet completed
 * @param withPolice           transferred to the police, or a legacy case
 * @param criminalStage        the last criminal milestone reached, or {@code null}
 * @param money                amounts and ratios
 * @param petitionsOpen        petitions received and not yet handled
 * @param closedAt             when it was closed, or {@code null}
 * @param resolution           how it was closed
 * @param lastEventSequence    the case's sequence number of the last event applied
 */
public record DisposalCaseSummary(
        String caseId,
        boolean legacy,
        String legacyCode,
        String name,
        String subjectName,
        KeyArea keyArea,
        String divisionCode,
        String divisionName,
        Instant openedAt,
        DisposalCaseStatus status,
        boolean escalated,
        DeterminationLevel determinationLevel,
        DeterminationOutcome determinationOutcome,
        boolean crossProvince,
        List<String> provinces,
        int measuresOrdered,
        int measuresOpen,
        boolean withPolice,
        CriminalMilestone criminalStage,
        CaseMoney money,
        int petitionsOpen,
        Instant closedAt,
        CaseResolution resolution,
        long lastEventSequence) {
}
