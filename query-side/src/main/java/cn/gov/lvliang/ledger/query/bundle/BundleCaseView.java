package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One bundle case in full, as the query side shows it. Unit, division, hall and window fields are codes; the
 * {@code ...Name} fields beside them are the Chinese names from the reference data and the catalog, absent while
 * those are not published. Personal identifiers are masked. Times are business times unless named
 * {@code ...RecordedAt}.
 *
 * @param caseId               the case
 * @param bundleCode           the catalog code of the bundle, e.g. {@code 2024-01}
 * @param bundleName           the bundle's name in the case's catalog version
 * @param catalogVersion       the catalog version the case was opened under
 * @param leadUnit             the code of the bundle's lead unit
 * @param leadUnitName         its name
 * @param applicantKind        person or enterprise
 * @param applicantName        the applicant's name
 * @param applicantIdMasked    the identity number or credit code, masked
 * @param applicantPhoneMasked the contact phone, masked
 * @param divisionCode         the division handling the case now (after any transfer)
 * @param divisionName         its name
 * @param hallCode             the hall handling the case now
 * @param hallName             its name
 * @param channel              how the application arrived
 * @param windowCode           the window the case was submitted at
 * @param windowName           its name
 * @param status               where the case stands
 * @param supplementPending    whether supplementary materials are outstanding, which pauses the clock
 * @param atRisk               accepted, running, not overdue, and today (Beijing time) is on or after
 *                             {@code atRiskFrom}
 * @param overdue              the case passed its due date unconcluded
 * @param submittedAt          when it was submitted
 * @param acceptedAt           when it was accepted
 * @param acceptedBy           the unit that accepted it
 * @param timeLimitWorkingDays the promised time limit
 * @param dueDate              the last working day on which the case is on time, moved by supplements
 * @param atRiskFrom           the first day it counts as at risk
 * @param pausedWorkingDays    working days the clock stood still for supplements, in total
 * @param overdueAt            when it became overdue
 * @param refusedAt            when acceptance was refused
 * @param refusedBy            the unit that refused it
 * @param refusalReason        why
 * @param concludedAt          when it was concluded
 * @param concludedBy          the unit that concluded it
 * @param outcome              what the applicant got
 * @param approvedItems        items approved, as the conclusion counted them
 * @param rejectedItems        items rejected, as the conclusion counted them
 * @param deliveredAt          when the results reached the applicant
 * @param deliveryMethod       how
 * @param withdrawnAt          when the applicant withdrew
 * @param withdrawalReason     the reason given
 * @param transferCount        transfers to other halls
 * @param transferredCityWide  whether it was ever transferred for city-wide handling (全市通办)
 * @param transferredCrossCity whether it was ever transferred for cross-city handling (跨市通办)
 * @param visitCount           the applicant's visits in person
 * @param materialsSubmitted   materials the applicant submitted
 * @param materialsWaived      materials the applicant did not have to submit
 * @param assistanceCount      times assisted or proxy handling was given
 * @param complaintsTotal      complaints lodged
 * @param complaintsResolved   complaints resolved
 * @param rating               the applicant's rating, absent until rated
 * @param firstRecordedAt      when the ledger recorded the case's first event
 * @param lastRecordedAt       when it recorded the latest event shown here
 * @param lastEventSequence    the sequence of that event
 * @param items                the bundle's items in order
 * @param materials            materials in the order recorded
 * @param visits               visits in order
 * @param complaints           complaints in the order lodged
 * @param transfers            transfers in order
 * @param assistance           assisted handling in order
 * @param supplements          requests for supplementary materials in order
 */
public record BundleCaseView(
        String caseId,
        String bundleCode,
        String bundleName,
        int catalogVersion,
        String leadUnit,
        String leadUnitName,
        ApplicantKind applicantKind,
        String applicantName,
        String applicantIdMasked,
        String applicantPhoneMasked,
        String divisionCode,
        String divisionName,
        String hallCode,
        String hallName,
        Channel channel,
        String windowCode,
        String windowName,
        CaseStatus status,
        boolean supplementPending,
        boolean atRisk,
        boolean overdue,
        Instant submittedAt,
        Instant acceptedAt,
        String acceptedBy,
        Integer timeLimitWorkingDays,
        LocalDate dueDate,
        LocalDate atRiskFrom,
        int pausedWorkingDays,
        Instant overdueAt,
        Instant refusedAt,
        String refusedBy,
        String refusalReason,
        Instant concludedAt,
        String concludedBy,
        CaseOutcome outcome,
        Integer approvedItems,
        Integer rejectedItems,
        Instant deliveredAt,
        DeliveryMethod deliveryMethod,
        Instant withdrawnAt,
        String withdrawalReason,
        int transferCount,
        boolean transferredCityWide,
        boolean transferredCrossCity,
        int visitCount,
        int materialsSubmitted,
        int materialsWaived,
        int assistanceCount,
        int complaintsTotal,
        int complaintsResolved,
        RatingView rating,
        Instant firstRecordedAt,
        Instant lastRecordedAt,
        long lastEventSequence,
        List<ItemView> items,
        List<MaterialView> materials,
        List<VisitView> visits,
        List<ComplaintView> complaints,
        List<TransferView> transfers,
        List<AssistanceView> assistance,
        List<SupplementView> supplements) {

    /** Where an item stands. */
    public enum ItemStatus {
        /** Not yet dispatched to its responsible unit. */
        PENDING,
        /** Dispatched; its own clock runs. */
        DISPATCHED,
        APPROVED,
        REJECTED
    }

    /** Whether the applicant submitted a material or the government obtained it itself. */
    public enum MaterialDisposition {
        SUBMITTED,
        WAIVED
    }

    /**
     * One item of the case.
     *
     * @param seq                  its number within the bundle
     * @param name                 its name as printed
     * @param responsibleUnit      the code of the unit that decides it
     * @param responsibleUnitName  that unit's name
     * @param status               where it stands
     * @param dispatchedAt         when it was dispatched
     * @param timeLimitWorkingDays its time limit
     * @param dueDate              its due date, moved by supplements
     * @param overdue              it passed its due date undecided
     * @param overdueAt            when
     * @param decidedAt            when it was approved or rejected
     * @param decidingUnit         the unit that decided it
     * @param result               the result of an approval, e.g. a licence number
     * @param rejectionReason      the reason for a rejection
     */
    public record ItemView(
            int seq,
            String name,
            String responsibleUnit,
            String responsibleUnitName,
            ItemStatus status,
            Instant dispatchedAt,
            Integer timeLimitWorkingDays,
            LocalDate dueDate,
            boolean overdue,
            Instant overdueAt,
            Instant decidedAt,
            String decidingUnit,
            String result,
            String rejectionReason) {
    }

    /**
     * One material.
     *
     * @param name        the material
     * @param disposition submitted or waived
     * @param waiverBasis how a waived material was obtained instead
     * @param recordedAt  when it was recorded
     */
    public record MaterialView(String name, MaterialDisposition disposition, WaiverBasis waiverBasis,
                               Instant recordedAt) {
    }

    /** One visit in person, numbered from 1. */
    public record VisitView(int number, String hallCode, String hallName, String windowCode, VisitPurpose purpose,
                            Instant visitedAt) {
    }

    /**
     * One complaint at the "could not get it done" window.
     *
     * @param complaintId      the complaint
     * @param content          what the applicant said
     * @param lodgedAt         when
     * @param followUps        follow-ups recorded
     * @param lastNote         the latest follow-up's note
     * @param lastFollowedUpAt when it was recorded
     * @param lastFollowUpUnit the unit that recorded it
     * @param resolvedAt       when it was resolved
     * @param resolution       how
     * @param resolvingUnit    the unit that resolved it
     */
    public record ComplaintView(
            String complaintId,
            String content,
            Instant lodgedAt,
            int followUps,
            String lastNote,
            Instant lastFollowedUpAt,
            String lastFollowUpUnit,
            Instant resolvedAt,
            String resolution,
            String resolvingUnit) {
    }

    /** One move to another hall. */
    public record TransferView(
            String fromDivisionCode,
            String fromDivisionName,
            String fromHallCode,
            String toDivisionCode,
            String toDivisionName,
            String toHallCode,
            String toHallName,
            TransferMode mode,
            String reason,
            Instant transferredAt) {
    }

    /** Assisted or proxy handling (帮办代办). */
    public record AssistanceView(String assistant, AssistanceKind kind, List<String> steps, Instant assistedAt) {
    }

    /**
     * One request for supplementary materials.
     *
     * @param requestedAt       when the clock stopped
     * @param requestedBy       the unit that asked
     * @param materials         what was asked for
     * @param reason            why
     * @param suppliedAt        when the materials came and the clock resumed; absent while outstanding
     * @param materialsSupplied what came
     * @param pausedWorkingDays working days the clock stood still
     */
    public record SupplementView(
            Instant requestedAt,
            String requestedBy,
            List<String> materials,
            String reason,
            Instant suppliedAt,
            List<String> materialsSupplied,
            Integer pausedWorkingDays) {
    }

    /** The applicant's rating (好差评), 1 (very poor) to 5 (very good). */
    public record RatingView(int score, List<String> reasons, String comment, Instant ratedAt) {
    }
}
