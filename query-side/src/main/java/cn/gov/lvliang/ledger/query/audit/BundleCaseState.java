package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.AssistanceRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ComplaintFollowedUpEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDeadline;
import cn.gov.lvliang.ledger.events.bundle.ItemDispatchedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.ResultDeliveredEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementRequestedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemStatus;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialDisposition;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.infra.PersonalDataMask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bundle case as its own events make it, folded in memory: the auditors' as-of view, which never reads a read model
 * or a snapshot. It follows the read model's rules (an item or complaint the case does not know is left alone, an
 * ended case waits for no supplement), so that the state folded from all of a case's events agrees with the read model
 * on every field both have. Personal identifiers are masked as in the read model.
 *
 * @param caseId               the case
 * @param bundleCode           the bundle
 * @param catalogVersion       the catalog version it was opened under
 * @param leadUnit             the bundle's lead unit
 * @param applicantKind        person or enterprise
 * @param applicantName        the applicant
 * @param applicantIdMasked    the identity number or credit code, masked
 * @param applicantPhoneMasked the contact phone, masked
 * @param divisionCode         the division handling the case (after any transfer)
 * @param hallCode             the hall handling it
 * @param windowCode           the window it was submitted at
 * @param channel              how the application arrived
 * @param status               where the case stands; absent before its submission
 * @param submittedAt          when it was submitted
 * @param acceptedAt           when it was accepted
 * @param acceptedBy           the unit that accepted it
 * @param timeLimitWorkingDays the promised time limit
 * @param dueDate              the case's due date, moved by supplements
 * @param atRiskFrom           the first day it counts as at risk
 * @param overdue              whether it passed its due date unconcluded
 * @param overdueAt            when
 * @param paused               whether supplementary materials are outstanding, which stops the clock
 * @param pausedWorkingDays    working days the clock stood still, in total
 * @param refusedAt            when acceptance was refused
 * @param refusedBy            by which unit
 * @param refusalReason        why
 * @param concludedAt          when it was concluded
 * @param concludedBy          by which unit
 * @param outcome              what the applicant got
 * @param approvedItems        items approved, as the conclusion counted them
 * @param rejectedItems        items rejected, as the conclusion counted them
 * @param deliveredAt          when the results were delivered
 * @param deliveryMethod       how
 * @param withdrawnAt          when the applicant withdrew
 * @param withdrawalReason     the reason given
 * @param items                the bundle's items by number, with their states and due dates
 * @param materials            materials submitted or waived, in the order recorded
 * @param visits               visits in person, in order
 * @param complaints           complaints in the order lodged
 * @param transfers            transfers in order
 * @param assistance           assisted or proxy handling in order
 * @param supplements          requests for supplementary materials in order
 * @param rating               the applicant's rating
 */
public record BundleCaseState(
        String caseId,
        String bundleCode,
        Integer catalogVersion,
        String leadUnit,
        ApplicantKind applicantKind,
        String applicantName,
        String applicantIdMasked,
        String applicantPhoneMasked,
        String divisionCode,
        String hallCode,
        String windowCode,
        Channel channel,
        CaseStatus status,
        Instant submittedAt,
        Instant acceptedAt,
        String acceptedBy,
        Integer timeLimitWorkingDays,
        LocalDate dueDate,
        LocalDate atRiskFrom,
        boolean overdue,
        Instant overdueAt,
        boolean paused,
        int pausedWorkingDays,
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
        List<Item> items,
        List<Material> materials,
        List<Visit> visits,
        List<Complaint> complaints,
        List<Transfer> transfers,
        List<Assistance> assistance,
        List<Supplement> supplements,
        Rating rating) implements CaseState {

    /** The state the given events make, applied in the order given. A pure function of the list. */
    public static BundleCaseState fold(List<? extends BundleCaseEvent> events) {
        Fold fold = new Fold();
        for (BundleCaseEvent event : events) {
            fold.apply(event);
        }
        return fold.state();
    }

    /** One item of the bundle. */
    public record Item(int seq, String name, String responsibleUnit, ItemStatus status, Instant dispatchedAt,
                       String dispatchedBy, Integer timeLimitWorkingDays, LocalDate dueDate, boolean overdue,
                       Instant overdueAt, Instant decidedAt, String decidingUnit, String result,
                       String rejectionReason) {
    }

    /** A material submitted or waived (and on what basis). */
    public record Material(String name, MaterialDisposition disposition, WaiverBasis waiverBasis,
                           Instant recordedAt) {
    }

    /** A visit in person, numbered from 1. */
    public record Visit(int number, String hallCode, String windowCode, VisitPurpose purpose, Instant visitedAt) {
    }

    /** A complaint at the "could not get it done" window. */
    public record Complaint(String complaintId, String content, Instant lodgedAt, int followUps, String lastNote,
                            Instant lastFollowedUpAt, String lastFollowUpUnit, Instant resolvedAt,
                            String resolution, String resolvingUnit) {
    }

    /** A move to another hall. */
    public record Transfer(String fromDivisionCode, String fromHallCode, String toDivisionCode, String toHallCode,
                           TransferMode mode, String reason, Instant transferredAt) {
    }

    /** Assisted or proxy handling (帮办代办). */
    public record Assistance(String assistant, AssistanceKind kind, List<String> steps, Instant assistedAt) {
    }

    /** A request for supplementary materials; supplied once the clock resumed. */
    public record Supplement(Instant requestedAt, String requestedBy, List<String> materials, String reason,
                             Instant suppliedAt, List<String> materialsSupplied, Integer pausedWorkingDays) {
    }

    /** The applicant's rating (好差评), 1 to 5. */
    public record Rating(int score, List<String> reasons, String comment, Instant ratedAt) {
    }

    /** The fold's working state; only {@link #fold} sees it. */
    private static final class Fold {

        private String caseId;
        private String bundleCode;
        private Integer catalogVersion;
        private String leadUnit;
        private ApplicantKind applicantKind;
        private String applicantName;
        private String applicantIdMasked;
        private String applicantPhoneMasked;
        private String divisionCode;
        private String hallCode;
        private String windowCode;
        private Channel channel;
        private CaseStatus status;
        private Instant submittedAt;
        private Instant acceptedAt;
        private String acceptedBy;
        private Integer timeLimitWorkingDays;
        private LocalDate dueDate;
        private LocalDate atRiskFrom;
        private boolean overdue;
        private Instant overdueAt;
        private boolean paused;
        private int pausedWorkingDays;
        private Instant refusedAt;
        private String refusedBy;
        private String refusalReason;
        private Instant concludedAt;
        private String concludedBy;
        private CaseOutcome outcome;
        private Integer approvedItems;
        private Integer rejectedItems;
        private Instant deliveredAt;
        private DeliveryMethod deliveryMethod;
        private Instant withdrawnAt;
        private String withdrawalReason;
        private final Map<Integer, Item> items = new TreeMap<>();
        private final List<Material> materials = new ArrayList<>();
        private final List<Visit> visits = new ArrayList<>();
        private final Map<String, Complaint> complaints = new LinkedHashMap<>();
        private final List<Transfer> transfers = new ArrayList<>();
        private final List<Assistance> assistance = new ArrayList<>();
        private final List<Supplement> supplements = new ArrayList<>();
        private Rating rating;

        void apply(BundleCaseEvent event) {
            // A switch expression over the enum, without a default: the compiler wants a branch for every kind.
            Runnable step = switch (BundleEventKind.of(event)) {
                case SUBMITTED -> () -> submitted((BundleCaseSubmittedEvent) event);
                case MATERIALS_RECORDED -> () -> materials((MaterialsRecordedEvent) event);
                case ACCEPTED -> () -> accepted((BundleCaseAcceptedEvent) event);
                case ACCEPTANCE_REFUSED -> () -> refused((BundleCaseAcceptanceRefusedEvent) event);
                case SUPPLEMENT_REQUESTED -> () -> supplementRequested((SupplementRequestedEvent) event);
                case SUPPLEMENT_SUPPLIED -> () -> supplementSupplied((SupplementSuppliedEvent) event);
                case ITEM_DISPATCHED -> () -> dispatched((ItemDispatchedEvent) event);
                case ITEM_APPROVED -> () -> approved((ItemApprovedEvent) event);
                case ITEM_REJECTED -> () -> rejected((ItemRejectedEvent) event);
                case ASSISTANCE_RECORDED -> () -> assisted((AssistanceRecordedEvent) event);
                case VISIT_RECORDED -> () -> visited((VisitRecordedEvent) event);
                case CONCLUDED -> () -> concluded((BundleCaseConcludedEvent) event);
                case RESULT_DELIVERED -> () -> delivered((ResultDeliveredEvent) event);
                case WITHDRAWN -> () -> withdrawn((BundleCaseWithdrawnEvent) event);
                case TRANSFERRED -> () -> transferred((BundleCaseTransferredEvent) event);
                case COMPLAINT_LODGED -> () -> complaintLodged((ComplaintLodgedEvent) event);
                case COMPLAINT_FOLLOWED_UP -> () -> complaintFollowedUp((ComplaintFollowedUpEvent) event);
                case COMPLAINT_RESOLVED -> () -> complaintResolved((ComplaintResolvedEvent) event);
                case SERVICE_RATED -> () -> rated((ServiceRatedEvent) event);
                case BECAME_OVERDUE -> () -> becameOverdue((BundleCaseBecameOverdueEvent) event);
                case ITEM_BECAME_OVERDUE -> () -> itemBecameOverdue((ItemBecameOverdueEvent) event);
            };
            step.run();
        }

        private void submitted(BundleCaseSubmittedEvent event) {
            caseId = event.caseId();
            bundleCode = event.bundleCode();
            catalogVersion = event.catalogVersion();
            leadUnit = event.leadUnit();
            applicantKind = event.applicant().kind();
            applicantName = event.applicant().name();
            applicantIdMasked = PersonalDataMask.identifier(event.applicant().identifier());
            applicantPhoneMasked = PersonalDataMask.phone(event.applicant().phone());
            divisionCode = event.divisionCode();
            hallCode = event.hallCode();
            windowCode = event.windowCode();
            channel = event.channel();
            status = CaseStatus.SUBMITTED;
            submittedAt = event.businessTime();
            for (CaseItem item : event.items()) {
                items.put(item.seq(), new Item(item.seq(), item.name(), item.responsibleUnit(), ItemStatus.PENDING,
                        null, null, null, null, false, null, null, null, null, null));
            }
        }

        private void materials(MaterialsRecordedEvent event) {
            event.submitted().forEach(name -> materials.add(new Material(name, MaterialDisposition.SUBMITTED, null,
                    event.businessTime())));
            for (WaivedMaterial waived : event.waived()) {
                materials.add(new Material(waived.name(), MaterialDisposition.WAIVED, waived.basis(),
                        event.businessTime()));
            }
        }

        private void accepted(BundleCaseAcceptedEvent event) {
            status = CaseStatus.ACCEPTED;
            acceptedAt = event.businessTime();
            acceptedBy = event.actingUnit();
            timeLimitWorkingDays = event.timeLimitWorkingDays();
            dueDate = event.dueDate();
            atRiskFrom = event.atRiskFrom();
        }

        private void refused(BundleCaseAcceptanceRefusedEvent event) {
            status = CaseStatus.REFUSED;
            refusedAt = event.businessTime();
            refusedBy = event.actingUnit();
            refusalReason = event.reason();
            // An ended case waits for nothing, so an outstanding supplement no longer pauses anything.
            paused = false;
        }

        private void supplementRequested(SupplementRequestedEvent event) {
            paused = true;
            supplements.add(new Supplement(event.businessTime(), event.actingUnit(), event.materials(),
                    event.reason(), null, null, null));
        }

        private void supplementSupplied(SupplementSuppliedEvent event) {
            paused = false;
            pausedWorkingDays += event.pausedWorkingDays();
            if (event.dueDate() != null) {
                dueDate = event.dueDate();
            }
            if (event.atRiskFrom() != null) {
                atRiskFrom = event.atRiskFrom();
            }
            for (ItemDeadline deadline : event.itemDeadlines()) {
                Item item = items.get(deadline.itemSeq());
                if (item != null) {
                    items.put(item.seq(), new Item(item.seq(), item.name(), item.responsibleUnit(), item.status(),
                            item.dispatchedAt(), item.dispatchedBy(), item.timeLimitWorkingDays(),
                            deadline.dueDate(), item.overdue(), item.overdueAt(), item.decidedAt(),
                            item.decidingUnit(), item.result(), item.rejectionReason()));
                }
            }
            supplements.replaceAll(supplement -> supplement.suppliedAt() != null ? supplement
                    : new Supplement(supplement.requestedAt(), supplement.requestedBy(), supplement.materials(),
                    supplement.reason(), event.businessTime(), event.materials(), event.pausedWorkingDays()));
        }

        private void dispatched(ItemDispatchedEvent event) {
            Item item = items.get(event.itemSeq());
            if (item != null) {
                items.put(item.seq(), new Item(item.seq(), item.name(), event.responsibleUnit(),
                        ItemStatus.DISPATCHED, event.businessTime(), event.actingUnit(),
                        event.timeLimitWorkingDays(), event.dueDate(), item.overdue(), item.overdueAt(),
                        item.decidedAt(), item.decidingUnit(), item.result(), item.rejectionReason()));
            }
        }

        private void approved(ItemApprovedEvent event) {
            Item item = items.get(event.itemSeq());
            if (item != null) {
                items.put(item.seq(), decided(item, ItemStatus.APPROVED, event.businessTime(), event.actingUnit(),
                        event.result(), item.rejectionReason()));
            }
        }

        private void rejected(ItemRejectedEvent event) {
            Item item = items.get(event.itemSeq());
            if (item != null) {
                items.put(item.seq(), decided(item, ItemStatus.REJECTED, event.businessTime(), event.actingUnit(),
                        item.result(), event.reason()));
            }
        }

        private static Item decided(Item item, ItemStatus decision, Instant at, String unit, String result,
                                    String reason) {
            return new Item(item.seq(), item.name(), item.responsibleUnit(), decision, item.dispatchedAt(),
                    item.dispatchedBy(), item.timeLimitWorkingDays(), item.dueDate(), item.overdue(),
                    item.overdueAt(), at, unit, result, reason);
        }

        private void assisted(AssistanceRecordedEvent event) {
            assistance.add(new Assistance(event.assistant(), event.kind(), event.steps(), event.businessTime()));
        }

        private void visited(VisitRecordedEvent event) {
            visits.add(new Visit(event.visitNumber(), event.hallCode(), event.windowCode(), event.purpose(),
                    event.businessTime()));
        }

        private void concluded(BundleCaseConcludedEvent event) {
            status = CaseStatus.CONCLUDED;
            concludedAt = event.businessTime();
            concludedBy = event.actingUnit();
            outcome = event.outcome();
            approvedItems = event.approvedItems();
            rejectedItems = event.rejectedItems();
            paused = false;
        }

        private void delivered(ResultDeliveredEvent event) {
            deliveredAt = event.businessTime();
            deliveryMethod = event.method();
        }

        private void withdrawn(BundleCaseWithdrawnEvent event) {
            status = CaseStatus.WITHDRAWN;
            withdrawnAt = event.businessTime();
            withdrawalReason = event.reason();
            paused = false;
        }

        private void transferred(BundleCaseTransferredEvent event) {
            transfers.add(new Transfer(event.fromDivisionCode(), event.fromHallCode(), event.toDivisionCode(),
                    event.toHallCode(), event.mode(), event.reason(), event.businessTime()));
            divisionCode = event.toDivisionCode();
            hallCode = event.toHallCode();
        }

        private void complaintLodged(ComplaintLodgedEvent event) {
            complaints.putIfAbsent(event.complaintId(), new Complaint(event.complaintId(), event.content(),
                    event.businessTime(), 0, null, null, null, null, null, null));
        }

        private void complaintFollowedUp(ComplaintFollowedUpEvent event) {
            complaints.computeIfPresent(event.complaintId(), (id, complaint) -> new Complaint(id,
                    complaint.content(), complaint.lodgedAt(), complaint.followUps() + 1, event.note(),
                    event.businessTime(), event.actingUnit(), complaint.resolvedAt(), complaint.resolution(),
                    complaint.resolvingUnit()));
        }

        private void complaintResolved(ComplaintResolvedEvent event) {
            complaints.computeIfPresent(event.complaintId(), (id, complaint) -> new Complaint(id,
                    complaint.content(), complaint.lodgedAt(), complaint.followUps(), complaint.lastNote(),
                    complaint.lastFollowedUpAt(), complaint.lastFollowUpUnit(), event.businessTime(),
                    event.resolution(), event.actingUnit()));
        }

        private void rated(ServiceRatedEvent event) {
            rating = new Rating(event.score(), event.reasons(), event.comment(), event.businessTime());
        }

        private void becameOverdue(BundleCaseBecameOverdueEvent event) {
            overdue = true;
            overdueAt = event.businessTime();
        }

        private void itemBecameOverdue(ItemBecameOverdueEvent event) {
            Item item = items.get(event.itemSeq());
            if (item != null) {
                items.put(item.seq(), new Item(item.seq(), item.name(), item.responsibleUnit(), item.status(),
                        item.dispatchedAt(), item.dispatchedBy(), item.timeLimitWorkingDays(), item.dueDate(), true,
                        event.businessTime(), item.decidedAt(), item.decidingUnit(), item.result(),
                        item.rejectionReason()));
            }
        }

        BundleCaseState state() {
            return new BundleCaseState(caseId, bundleCode, catalogVersion, leadUnit, applicantKind, applicantName,
                    applicantIdMasked, applicantPhoneMasked, divisionCode, hallCode, windowCode, channel, status,
                    submittedAt, acceptedAt, acceptedBy, timeLimitWorkingDays, dueDate, atRiskFrom, overdue,
                    overdueAt, paused, pausedWorkingDays, refusedAt, refusedBy, refusalReason, concludedAt,
                    concludedBy, outcome, approvedItems, rejectedItems, deliveredAt, deliveryMethod, withdrawnAt,
                    withdrawalReason, List.copyOf(items.values()), List.copyOf(materials), List.copyOf(visits),
                    List.copyOf(complaints.values()), List.copyOf(transfers), List.copyOf(assistance),
                    List.copyOf(supplements), rating);
        }
    }
}
