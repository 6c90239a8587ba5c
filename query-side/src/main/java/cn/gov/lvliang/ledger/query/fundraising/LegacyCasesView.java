package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The legacy cases (陈案积案) against the plan's 100% resolution target (存量案件化解率要达到100%). A case counts as
 * resolved (化解) once it is closed (结案). The denominator is the plan's six cases, together with any other legacy
 * case imported; a case the plan prints but the ledger has not imported is unresolved.
 *
 * @param target         the target as printed: 100%
 * @param targetRate     the same as a ratio: 1.0000
 * @param cases          every case, the plan's in the plan's order, then any other imported
 * @param total          how many cases are measured
 * @param imported       of those, imported into the ledger
 * @param resolved       of those, resolved
 * @param resolutionRate resolved ÷ total, scale 4, half up
 * @param gap            cases still to resolve to reach the target
 * @param byCounty       the same per county, in the order of the cases
 */
public record LegacyCasesView(
        String target,
        BigDecimal targetRate,
        List<LegacyCaseView> cases,
        int total,
        int imported,
        int resolved,
        BigDecimal resolutionRate,
        int gap,
        List<LegacyCountyView> byCounty) {

    /**
     * One legacy case.
     *
     * @param legacyCode            the case's code, e.g. 141125-1
     * @param caseId                the disposal case, once imported
     * @param divisionCode          the county that handles it
     * @param divisionName          that county's name
     * @param name                  the case's own name
     * @param printedAs             the words the plan prints for it (柳林李向阳、张龙照非法集资案2起 for both Liulin cases)
     * @param filingAge             the plan's age group
     * @param originalFilingDate    when it was filed (立案), once imported
     * @param filingDateApproximate whether that date is the documented approximation
     * @param imported              whether the ledger has imported it
     * @param importedAt            when
     * @param status                where it stands in the ledger, once imported
     * @param stage                 the last criminal milestone reached
     * @param planAdopted           whether its disposal plan (责任人、时间表、路线图) was adopted
     * @param planMilestones        the plan's milestones
     * @param planMilestonesCompleted of those, reached
     * @param resolved              whether it is resolved (closed)
     * @param resolvedAt            when it was closed
     * @param resolution            how
     */
    public record LegacyCaseView(
            String legacyCode,
            String caseId,
            String divisionCode,
            String divisionName,
            String name,
            String printedAs,
            LegacyFilingAge filingAge,
            LocalDate originalFilingDate,
            Boolean filingDateApproximate,
            boolean imported,
            Instant importedAt,
            DisposalCaseStatus status,
            CriminalMilestone stage,
            boolean planAdopted,
            int planMilestones,
            int planMilestonesCompleted,
            boolean resolved,
            Instant resolvedAt,
            CaseResolution resolution) {
    }

    /** A county's legacy cases. */
    public record LegacyCountyView(String divisionCode, String divisionName, int total, int resolved,
                                   BigDecimal resolutionRate) {
    }
}
