package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One disposal case in full: how it was opened (or imported), its scale, escalation, determination, provinces,
 * measures, police transfer and criminal milestones, plan, money, petitions and closure. Times are business times
 * except {@code firstRecordedAt}/{@code lastRecordedAt}, when the events were stored. Names of codes come from the
 * reference data, where it knows them.
 *
 * @param caseId              the case
 * @param legacy              whether it is one of the plan's legacy cases (陈案积案)
 * @param legacyCase          what the import recorded, for a legacy case; {@code null} otherwise
 * @param name                the case's name
 * @param subjectKind         an enterprise, an organisation or a person
 * @param subjectName         whom it is about
 * @param subjectCreditCode   an enterprise's or organisation's unified social credit code, or {@code null}
 * @param keyArea             the key area; {@code null} for a legacy case
 * @param divisionCode        the county-level division that handles it
 * @param divisionName        that division's name
 * @param openedBy            the unit that opened (or imported) it
 * @param openedByName        that unit's name
 * @param openedAt            when it was opened, or imported
 * @param clueIds             the clues it was opened from
 * @param status              where it stands
 * @param estimatedParticipants the estimated participants now, or {@code null}
 * @param scale               the estimated scale as opened and as each revision left it
 * @param escalated           whether it went up to the city
 * @param escalatedAt         when
 * @param escalations         each escalation with its reasons and the thresholds in force
 * @param determination       the determination (研判定性), or {@code null}; a legacy case was determined before the
 *                            ledger and has none here
 * @param crossProvince       whether it reaches into other provinces
 * @param crossProvinceAt     since when the ledger knows it
 * @param provinces           the other provinces, each with when it was recorded
 * @param measures            the administrative measures, in the order they were ordered
 * @param measuresOrdered     how many
 * @param measuresOpen        of those, not yet completed
 * @param withPolice          transferred to the police, or a legacy case
 * @param transfer            the police transfer, or {@code null}
 * @param criminalStage       the last criminal milestone reached (a legacy case's stage at import counts)
 * @param criminalMilestones  the milestones the ledger recorded, in order
 * @param plan                the disposal plan, or {@code null}
 * @param money               amounts and ratios
 * @param recoveries          each recovery
 * @param participantBatches  registration batches
 * @param refundRounds        each refund round
 * @param petitions           each petition
 * @param petitionsOpen       petitions not yet handled
 * @param petitioners         people who petitioned, over all petitions
 * @param closure             the closure, or {@code null}
 * @param firstRecordedAt     when its first event was stored
 * @param lastRecordedAt      when its last event was stored
 * @param lastEventSequence   the case's sequence number of the last event applied
 */
public record DisposalCaseView(
        String caseId,
        boolean legacy,
        LegacyImportView legacyCase,
        String name,
        SubjectKind subjectKind,
        String subjectName,
        String subjectCreditCode,
        KeyArea keyArea,
        String divisionCode,
        String divisionName,
        String openedBy,
        String openedByName,
        Instant openedAt,
        List<String> clueIds,
        DisposalCaseStatus status,
        Integer estimatedParticipants,
        List<ScaleView> scale,
        boolean escalated,
        Instant escalatedAt,
        List<EscalationView> escalations,
        DeterminationView determination,
        boolean crossProvince,
        Instant crossProvinceAt,
        List<ProvinceView> provinces,
        List<MeasureView> measures,
        int measuresOrdered,
        int measuresOpen,
        boolean withPolice,
        PoliceTransferView transfer,
        CriminalMilestone criminalStage,
        List<CriminalMilestoneView> criminalMilestones,
        DisposalPlanView plan,
        CaseMoney money,
        List<AssetRecoveryView> recoveries,
        int participantBatches,
        List<RefundRoundView> refundRounds,
        List<PetitionView> petitions,
        int petitionsOpen,
        int petitioners,
        ClosureView closure,
        Instant firstRecordedAt,
        Instant lastRecordedAt,
        long lastEventSequence) {

    /**
     * What the import of a legacy case recorded.
     *
     * @param legacyCode            its code in the legacy-case data file
     * @param legacyFileVersion     the version of that file
     * @param printedAs             the words the plan prints for it
     * @param filingAge             the plan's age group
     * @param originalFilingDate    when it was filed (立案)
     * @param filingDateApproximate whether that date is the ledger's documented approximation
     * @param stageAtImport         the criminal milestone it had reached when imported
     */
    public record LegacyImportView(
            String legacyCode,
            int legacyFileVersion,
            String printedAs,
            LegacyFilingAge filingAge,
            LocalDate originalFilingDate,
            boolean filingDateApproximate,
            CriminalMilestone stageAtImport) {
    }

    /** The estimated scale from a moment on: as opened, or as a revision left it. */
    public record ScaleView(
            Long estimatedAmountFen,
            BigDecimal estimatedAmountYuan,
            Integer estimatedParticipants,
            String actingUnit,
            String note,
            Instant effectiveAt) {
    }

    /** One escalation to the city, with the thresholds in force. */
    public record EscalationView(
            String actingUnit,
            List<EscalationReason> reasons,
            Long estimatedAmountFen,
            Integer estimatedParticipants,
            long amountThresholdFen,
            int participantThreshold,
            String note,
            Instant escalatedAt) {
    }

    /** The determination (研判定性). */
    public record DeterminationView(
            Instant determinedAt,
            String actingUnit,
            String actingUnitName,
            DeterminationLevel level,
            DeterminationOutcome outcome,
            String basis) {
    }

    /** Another province the case reaches into. */
    public record ProvinceView(String code, String name, String addedBy, Instant addedAt) {
    }

    /** An administrative measure; open until completed. */
    public record MeasureView(
            String measureId,
            MeasureKind kind,
            String orderingUnit,
            String orderingUnitName,
            LocalDate dueDate,
            Long amountFen,
            BigDecimal amountYuan,
            String description,
            Instant orderedAt,
            int followUps,
            String lastFollowUp,
            Instant lastFollowedUpAt,
            boolean completed,
            Instant completedAt,
            String completedBy,
            String result) {
    }

    /** The transfer to the police (移送公安). */
    public record PoliceTransferView(
            Instant transferredAt,
            String actingUnit,
            String policeUnit,
            String policeUnitName,
            String note) {
    }

    /** A criminal milestone the ledger recorded. */
    public record CriminalMilestoneView(
            CriminalMilestone milestone,
            String actingUnit,
            String documentNumber,
            String note,
            Instant reachedAt) {
    }

    /**
     * The disposal plan with its milestones.
     *
     * @param adoptedAt           when it was adopted
     * @param adoptedBy           the unit that adopted it
     * @param responsibleName     the official answerable for it
     * @param responsibleRole     that official's post
     * @param summary             the plan in brief
     * @param milestones          its milestones by number
     * @param milestonesCompleted how many are reached
     */
    public record DisposalPlanView(
            Instant adoptedAt,
            String adoptedBy,
            String responsibleName,
            String responsibleRole,
            String summary,
            List<PlanMilestoneView> milestones,
            int milestonesCompleted) {
    }

    /**
     * A milestone of the plan.
     *
     * @param seq         its number
     * @param name        what is to be achieved
     * @param dueDate     by when
     * @param completedAt when it was reached, or {@code null}
     * @param completedBy the unit that recorded it
     * @param note        what was achieved
     * @param late        reached after its due date, or (not yet reached) its due date is past today in Beijing
     */
    public record PlanMilestoneView(
            int seq,
            String name,
            LocalDate dueDate,
            Instant completedAt,
            String completedBy,
            String note,
            boolean late) {
    }

    /** A recovery (追赃挽损). */
    public record AssetRecoveryView(
            int recoveryNumber,
            String actingUnit,
            AssetKind kind,
            long amountFen,
            BigDecimal amountYuan,
            String description,
            Instant recoveredAt) {
    }

    /**
     * A refund round (清退).
     *
     * @param roundNumber            its number
     * @param actingUnit             the unit that paid it
     * @param roundTotalFen          the round's total, in fen
     * @param roundTotalYuan         the same in yuan
     * @param totalRecoveredFen      everything recovered when it was paid, in fen
     * @param refundedBeforeFen      everything refunded in earlier rounds, in fen
     * @param participantsTakingPart participants still owed something before the round
     * @param participantsPaid       of those, the ones whose share was more than 0
     * @param note                   the round's basis
     * @param paidAt                 when it was paid
     */
    public record RefundRoundView(
            int roundNumber,
            String actingUnit,
            long roundTotalFen,
            BigDecimal roundTotalYuan,
            long totalRecoveredFen,
            long refundedBeforeFen,
            int participantsTakingPart,
            int participantsPaid,
            String note,
            Instant paidAt) {
    }

    /** A petition (信访) linked to the case. */
    public record PetitionView(
            String petitionId,
            String receivedBy,
            String petitionReference,
            int petitioners,
            String summary,
            Instant receivedAt,
            boolean handled,
            Instant handledAt,
            String handledBy,
            PetitionOutcome outcome,
            String handlingNote) {
    }

    /** The closure (结案). */
    public record ClosureView(
            Instant closedAt,
            String actingUnit,
            CaseResolution resolution,
            String mergedIntoCaseId,
            String note) {
    }
}
