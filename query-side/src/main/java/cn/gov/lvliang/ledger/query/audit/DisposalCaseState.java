package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.fundraising.AssetRecoveredEvent;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestoneRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseClosedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseDeterminedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEscalatedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseMarkedCrossProvinceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseScaleRevisedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseTransferredToPoliceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalPlanAdoptedEvent;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureFollowedUpEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.MeasureOrderedEvent;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantsRegisteredEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionHandledEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionReceivedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestone;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestoneCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundRoundPaidEvent;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.query.fundraising.CaseMoney;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseStatus;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.AssetRecoveryView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.ClosureView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.CriminalMilestoneView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.EscalationView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.LegacyImportView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.PetitionView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.RefundRoundView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.ScaleView;
import cn.gov.lvliang.ledger.query.fundraising.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An illegal-fundraising disposal case as its own events make it, folded in memory: the auditors' as-of view of a
 * case (案件处置), which never reads a read model or a snapshot. It follows the rules of the case read model
 * ({@code DisposalCaseProjection}): an opening or a legacy import makes the case, once, and nothing else applies to a
 * case not yet made; a legacy case counts as with the police from its import; a determination moves only an open case
 * on; a transfer leaves a closed case closed; a revision states the whole scale; a follow-up, completion or handling
 * of a measure, milestone or petition the case does not know is left alone, though it is counted as the read model
 * counts it. Lists are in the read model's order. So the state folded from all of a case's events agrees with
 * {@code /api/fundraising/cases/{id}} on every field both have; the names of divisions, units and provinces the read
 * model looks up are not part of it.
 *
 * <p>Two things differ from the read model. The money is summed from the recoveries, registrations and refund rounds
 * the state is made of, where the read model takes the running totals the events carry: in sequence order the two are
 * the same (the aggregate keeps the totals exactly), but on the business axis a back-dated recovery counts only from
 * when it happened, and a closure back-dated before a recovery does not count that recovery early. And whether a plan
 * milestone is late (the read model's {@code late}) is not part of the state: for an open milestone that depends on
 * the day one asks, not on the events.
 *
 * @param caseId                the case
 * @param legacy                whether it is one of the plan's legacy cases (陈案积案)
 * @param legacyCase            what the import of a legacy case recorded; {@code null} otherwise
 * @param name                  the case's name
 * @param subjectKind           an enterprise, an organisation or a person
 * @param subjectName           whom it is about
 * @param subjectCreditCode     an enterprise's or organisation's unified social credit code, or {@code null}
 * @param keyArea               the key area; {@code null} for a legacy case
 * @param divisionCode          the county-level division that handles it
 * @param openedBy              the unit that opened (or imported) it
 * @param openedAt              when it was opened, or imported
 * @param clueIds               the clues it was opened from
 * @param status                where it stands; absent before its opening
 * @param estimatedParticipants the estimated participants, or {@code null}
 * @param scale                 the estimated scale as opened and as each revision left it
 * @param escalated             whether it went up to the city
 * @param escalatedAt           when it first did
 * @param escalations           each escalation with its reasons and the thresholds in force
 * @param determination         the determination (研判定性), or {@code null}
 * @param crossProvince         whether it reaches into other provinces
 * @param crossProvinceAt       since when
 * @param provinces             the other provinces, each with when it was recorded
 * @param measures              the administrative measures, in the order they were ordered
 * @param measuresOrdered       how many
 * @param measuresOpen          of those, not yet completed
 * @param withPolice            transferred to the police, or a legacy case
 * @param transfer              the police transfer (移送公安), or {@code null}
 * @param criminalStage         the last criminal milestone reached (a legacy case's stage at import counts)
 * @param criminalMilestones    the milestones recorded, in the order of the criminal path
 * @param plan                  the disposal plan, or {@code null}
 * @param money                 the estimated amount, recovered, claims and refunded, in fen and yuan, with the ratios
 * @param recoveries            each recovery (追赃挽损)
 * @param participantBatches    registration batches (集资参与人登记)
 * @param refundRounds          each refund round (清退)
 * @param petitions             each petition (信访)
 * @param petitionsOpen         petitions not yet handled
 * @param petitioners           people who petitioned, over all petitions
 * @param closure               the closure (结案), or {@code null}
 */
public record DisposalCaseState(
        String caseId,
        boolean legacy,
        LegacyImportView legacyCase,
        String name,
        SubjectKind subjectKind,
        String subjectName,
        String subjectCreditCode,
        KeyArea keyArea,
        String divisionCode,
        String openedBy,
        Instant openedAt,
        List<String> clueIds,
        DisposalCaseStatus status,
        Integer estimatedParticipants,
        List<ScaleView> scale,
        boolean escalated,
        Instant escalatedAt,
        List<EscalationView> escalations,
        Determination determination,
        boolean crossProvince,
        Instant crossProvinceAt,
        List<Province> provinces,
        List<Measure> measures,
        int measuresOrdered,
        int measuresOpen,
        boolean withPolice,
        PoliceTransfer transfer,
        CriminalMilestone criminalStage,
        List<CriminalMilestoneView> criminalMilestones,
        Plan plan,
        CaseMoney money,
        List<AssetRecoveryView> recoveries,
        int participantBatches,
        List<RefundRoundView> refundRounds,
        List<PetitionView> petitions,
        int petitionsOpen,
        int petitioners,
        ClosureView closure) implements CaseState {

    /** The state the given events make, applied in the order given. A pure function of the list. */
    public static DisposalCaseState fold(List<? extends DisposalCaseEvent> events) {
        Fold fold = new Fold();
        for (DisposalCaseEvent event : events) {
            fold.apply(event);
        }
        return fold.state();
    }

    /** The determination (研判定性). */
    public record Determination(Instant determinedAt, String actingUnit, DeterminationLevel level,
                                DeterminationOutcome outcome, String basis) {
    }

    /** Another province the case reaches into, by its GB/T 2260 code. */
    public record Province(String code, String addedBy, Instant addedAt) {
    }

    /** An administrative measure; open until completed. */
    public record Measure(String measureId, MeasureKind kind, String orderingUnit, LocalDate dueDate, Long amountFen,
                          BigDecimal amountYuan, String description, Instant orderedAt, int followUps,
                          String lastFollowUp, Instant lastFollowedUpAt, boolean completed, Instant completedAt,
                          String completedBy, String result) {
    }

    /** The transfer to the police (移送公安). */
    public record PoliceTransfer(Instant transferredAt, String actingUnit, String policeUnit, String note) {
    }

    /** The disposal plan, with its milestones by number and how many of them were reached. */
    public record Plan(Instant adoptedAt, String adoptedBy, String responsibleName, String responsibleRole,
                       String summary, List<Milestone> milestones, int milestonesCompleted) {
    }

    /** A milestone of the plan (路线图节点); reached once {@code completedAt} is set. */
    public record Milestone(int seq, String name, LocalDate dueDate, Instant completedAt, String completedBy,
                            String note) {
    }

    /** The fold's working state; only {@link #fold} sees it. */
    private static final class Fold {

        private String caseId;
        private boolean legacy;
        private LegacyImportView legacyCase;
        private String name;
        private SubjectKind subjectKind;
        private String subjectName;
        private String subjectCreditCode;
        private KeyArea keyArea;
        private String divisionCode;
        private String openedBy;
        private Instant openedAt;
        private List<String> clueIds = List.of();
        private DisposalCaseStatus status;
        private Long estimatedAmountFen;
        private Integer estimatedParticipants;
        private final List<ScaleView> scale = new ArrayList<>();
        private boolean escalated;
        private Instant escalatedAt;
        private final List<EscalationView> escalations = new ArrayList<>();
        private Determination determination;
        private boolean crossProvince;
        private Instant crossProvinceAt;
        private final Map<String, Province> provinces = new LinkedHashMap<>();
        private final Map<String, Measure> measures = new LinkedHashMap<>();
        private int measuresOrdered;
        private int measuresCompleted;
        private PoliceTransfer transfer;
        private CriminalMilestone criminalStage;
        private final List<CriminalMilestoneView> criminalMilestones = new ArrayList<>();
        private Plan plan;
        private final Map<Integer, Milestone> planMilestones = new TreeMap<>();
        private int planMilestonesCompleted;
        private final Map<Integer, AssetRecoveryView> recoveries = new TreeMap<>();
        private long recoveredFen;
        private int participants;
        private long claimsFen;
        private int participantBatches;
        private final Map<Integer, RefundRoundView> refundRounds = new TreeMap<>();
        private long refundedFen;
        private final Map<String, PetitionView> petitions = new LinkedHashMap<>();
        private int petitionsReceived;
        private int petitionsHandled;
        private int petitioners;
        private ClosureView closure;

        void apply(DisposalCaseEvent event) {
            DisposalEventKind kind = DisposalEventKind.of(event);
            // As in the read model: an opening or import makes the case, once; nothing applies to a case not yet made.
            boolean making = kind == DisposalEventKind.OPENED || kind == DisposalEventKind.LEGACY_IMPORTED;
            if (making && caseId != null || !making && caseId == null) {
                return;
            }
            // A switch expression over the enum, without a default: the compiler wants a branch for every kind.
            Runnable step = switch (kind) {
                case OPENED -> () -> opened((DisposalCaseOpenedEvent) event);
                case LEGACY_IMPORTED -> () -> imported((LegacyCaseImportedEvent) event);
                case SCALE_REVISED -> () -> revised((DisposalCaseScaleRevisedEvent) event);
                case ESCALATED -> () -> escalated((DisposalCaseEscalatedEvent) event);
                case DETERMINED -> () -> determined((DisposalCaseDeterminedEvent) event);
                case MARKED_CROSS_PROVINCE -> () -> crossProvince((DisposalCaseMarkedCrossProvinceEvent) event);
                case MEASURE_ORDERED -> () -> measureOrdered((MeasureOrderedEvent) event);
                case MEASURE_FOLLOWED_UP -> () -> measureFollowedUp((MeasureFollowedUpEvent) event);
                case MEASURE_COMPLETED -> () -> measureCompleted((MeasureCompletedEvent) event);
                case TRANSFERRED_TO_POLICE -> () -> transferred((DisposalCaseTransferredToPoliceEvent) event);
                case CRIMINAL_MILESTONE_RECORDED -> () -> criminalMilestone((CriminalMilestoneRecordedEvent) event);
                case PLAN_ADOPTED -> () -> planAdopted((DisposalPlanAdoptedEvent) event);
                case PLAN_MILESTONE_COMPLETED -> () -> planMilestoneCompleted((PlanMilestoneCompletedEvent) event);
                case ASSET_RECOVERED -> () -> recovered((AssetRecoveredEvent) event);
                case PARTICIPANTS_REGISTERED -> () -> registered((ParticipantsRegisteredEvent) event);
                case REFUND_ROUND_PAID -> () -> refunded((RefundRoundPaidEvent) event);
                case PETITION_RECEIVED -> () -> petitionReceived((PetitionReceivedEvent) event);
                case PETITION_HANDLED -> () -> petitionHandled((PetitionHandledEvent) event);
                case CLOSED -> () -> closed((DisposalCaseClosedEvent) event);
            };
            step.run();
        }

        private void opened(DisposalCaseOpenedEvent event) {
            caseId = event.caseId();
            openedBy = event.actingUnit();
            divisionCode = event.divisionCode();
            name = event.name();
            subjectKind = event.subject().kind();
            subjectName = event.subject().name();
            subjectCreditCode = event.subject().creditCode();
            keyArea = event.keyArea();
            clueIds = event.clueIds();
            openedAt = event.businessTime();
            status = DisposalCaseStatus.OPEN;
            estimatedAmountFen = event.estimatedAmountFen();
            estimatedParticipants = event.estimatedParticipants();
            crossProvince = event.crossProvince() || !event.provinces().isEmpty();
            crossProvinceAt = crossProvince ? event.businessTime() : null;
            scale.add(new ScaleView(estimatedAmountFen, Money.yuan(estimatedAmountFen), estimatedParticipants,
                    event.actingUnit(), null, event.businessTime()));
            event.provinces().forEach(code -> addProvince(code, event.actingUnit(), event.businessTime()));
        }

        private void imported(LegacyCaseImportedEvent event) {
            // Filed as a crime before the ledger: with the police, but without a determination or transfer here.
            caseId = event.caseId();
            legacy = true;
            legacyCase = new LegacyImportView(event.legacyCode(), event.legacyFileVersion(), event.printedAs(),
                    event.filingAge(), event.originalFilingDate(), event.filingDateApproximate(),
                    event.stageAtImport());
            openedBy = event.actingUnit();
            divisionCode = event.divisionCode();
            name = event.name();
            subjectKind = event.subject().kind();
            subjectName = event.subject().name();
            subjectCreditCode = event.subject().creditCode();
            openedAt = event.businessTime();
            status = DisposalCaseStatus.WITH_POLICE;
            criminalStage = event.stageAtImport();
        }

        private void revised(DisposalCaseScaleRevisedEvent event) {
            // A revision states the whole scale: a figure it leaves out is unknown from now on.
            estimatedAmountFen = event.estimatedAmountFen();
            estimatedParticipants = event.estimatedParticipants();
            scale.add(new ScaleView(estimatedAmountFen, Money.yuan(estimatedAmountFen), estimatedParticipants,
                    event.actingUnit(), event.note(), event.businessTime()));
        }

        private void escalated(DisposalCaseEscalatedEvent event) {
            if (escalatedAt == null) {
                escalatedAt = event.businessTime();
            }
            escalated = true;
            escalations.add(new EscalationView(event.actingUnit(), event.reasons(), event.estimatedAmountFen(),
                    event.estimatedParticipants(), event.amountThresholdFen(), event.participantThreshold(),
                    event.note(), event.businessTime()));
        }

        private void determined(DisposalCaseDeterminedEvent event) {
            determination = new Determination(event.businessTime(), event.actingUnit(), event.level(),
                    event.outcome(), event.basis());
            if (status == DisposalCaseStatus.OPEN) {
                status = DisposalCaseStatus.DETERMINED;
            }
        }

        private void crossProvince(DisposalCaseMarkedCrossProvinceEvent event) {
            if (crossProvinceAt == null) {
                crossProvinceAt = event.businessTime();
            }
            crossProvince = true;
            event.addedProvinces().forEach(code -> addProvince(code, event.actingUnit(), event.businessTime()));
        }

        /** Records a province once: an opening's list may repeat a code. */
        private void addProvince(String code, String unit, Instant at) {
            provinces.putIfAbsent(code, new Province(code, unit, at));
        }

        private void measureOrdered(MeasureOrderedEvent event) {
            measures.putIfAbsent(event.measureId(), new Measure(event.measureId(), event.kind(),
                    event.orderingUnit(), event.dueDate(), event.amountFen(), Money.yuan(event.amountFen()),
                    event.description(), event.businessTime(), 0, null, null, false, null, null, null));
            measuresOrdered++;
        }

        private void measureFollowedUp(MeasureFollowedUpEvent event) {
            measures.computeIfPresent(event.measureId(), (id, measure) -> new Measure(id, measure.kind(),
                    measure.orderingUnit(), measure.dueDate(), measure.amountFen(), measure.amountYuan(),
                    measure.description(), measure.orderedAt(), measure.followUps() + 1, event.note(),
                    event.businessTime(), measure.completed(), measure.completedAt(), measure.completedBy(),
                    measure.result()));
        }

        private void measureCompleted(MeasureCompletedEvent event) {
            measures.computeIfPresent(event.measureId(), (id, measure) -> new Measure(id, measure.kind(),
                    measure.orderingUnit(), measure.dueDate(), measure.amountFen(), measure.amountYuan(),
                    measure.description(), measure.orderedAt(), measure.followUps(), measure.lastFollowUp(),
                    measure.lastFollowedUpAt(), true, event.businessTime(), event.actingUnit(), event.result()));
            measuresCompleted++;
        }

        private void transferred(DisposalCaseTransferredToPoliceEvent event) {
            transfer = new PoliceTransfer(event.businessTime(), event.actingUnit(), event.policeUnit(),
                    event.note());
            if (status != DisposalCaseStatus.CLOSED) {
                status = DisposalCaseStatus.WITH_POLICE;
            }
        }

        private void criminalMilestone(CriminalMilestoneRecordedEvent event) {
            criminalMilestones.add(new CriminalMilestoneView(event.milestone(), event.actingUnit(),
                    event.documentNumber(), event.note(), event.businessTime()));
            criminalStage = event.milestone();
        }

        private void planAdopted(DisposalPlanAdoptedEvent event) {
            plan = new Plan(event.businessTime(), event.actingUnit(),
                    event.responsiblePerson() == null ? null : event.responsiblePerson().name(),
                    event.responsiblePerson() == null ? null : event.responsiblePerson().role(),
                    event.summary(), List.of(), 0);
            for (PlanMilestone milestone : event.milestones()) {
                planMilestones.putIfAbsent(milestone.seq(), new Milestone(milestone.seq(), milestone.name(),
                        milestone.dueDate(), null, null, null));
            }
        }

        private void planMilestoneCompleted(PlanMilestoneCompletedEvent event) {
            planMilestones.computeIfPresent(event.milestoneSeq(), (seq, milestone) -> new Milestone(seq,
                    milestone.name(), milestone.dueDate(), event.businessTime(), event.actingUnit(), event.note()));
            planMilestonesCompleted++;
        }

        private void recovered(AssetRecoveredEvent event) {
            recoveries.put(event.recoveryNumber(), new AssetRecoveryView(event.recoveryNumber(), event.actingUnit(),
                    event.kind(), event.amountFen(), Money.yuan(event.amountFen()), event.description(),
                    event.businessTime()));
            recoveredFen += event.amountFen();
        }

        private void registered(ParticipantsRegisteredEvent event) {
            participants += event.participants().size();
            claimsFen += event.participants().stream().mapToLong(ParticipantClaim::claimFen).sum();
            participantBatches++;
        }

        private void refunded(RefundRoundPaidEvent event) {
            int paid = (int) event.shares().stream().filter(share -> share.shareFen() > 0).count();
            refundRounds.put(event.roundNumber(), new RefundRoundView(event.roundNumber(), event.actingUnit(),
                    event.roundTotalFen(), Money.yuan(event.roundTotalFen()), event.totalRecoveredFen(),
                    event.refundedBeforeFen(), event.shares().size(), paid, event.note(), event.businessTime()));
            refundedFen += event.roundTotalFen();
        }

        private void petitionReceived(PetitionReceivedEvent event) {
            petitions.putIfAbsent(event.petitionId(), new PetitionView(event.petitionId(), event.actingUnit(),
                    event.petitionReference(), event.petitioners(), event.summary(), event.businessTime(), false,
                    null, null, null, null));
            petitionsReceived++;
            petitioners += event.petitioners();
        }

        private void petitionHandled(PetitionHandledEvent event) {
            petitions.computeIfPresent(event.petitionId(), (id, petition) -> new PetitionView(id,
                    petition.receivedBy(), petition.petitionReference(), petition.petitioners(), petition.summary(),
                    petition.receivedAt(), true, event.businessTime(), event.actingUnit(), event.outcome(),
                    event.note()));
            petitionsHandled++;
        }

        private void closed(DisposalCaseClosedEvent event) {
            status = DisposalCaseStatus.CLOSED;
            closure = new ClosureView(event.businessTime(), event.actingUnit(), event.resolution(),
                    event.mergedIntoCaseId(), event.note());
        }

        DisposalCaseState state() {
            return new DisposalCaseState(caseId, legacy, legacyCase, name, subjectKind, subjectName,
                    subjectCreditCode, keyArea, divisionCode, openedBy, openedAt, clueIds, status,
                    estimatedParticipants, List.copyOf(scale), escalated, escalatedAt, List.copyOf(escalations),
                    determination, crossProvince, crossProvinceAt,
                    provinces.values().stream()
                            .sorted(Comparator.comparing(Province::addedAt).thenComparing(Province::code))
                            .toList(),
                    measures.values().stream()
                            .sorted(Comparator.comparing(Measure::orderedAt).thenComparing(Measure::measureId))
                            .toList(),
                    measuresOrdered, measuresOrdered - measuresCompleted, legacy || transfer != null, transfer,
                    criminalStage,
                    // In the order of the criminal path, which is also the order they were reached.
                    criminalMilestones.stream().sorted(Comparator.comparing(CriminalMilestoneView::milestone))
                            .toList(),
                    plan == null ? null : new Plan(plan.adoptedAt(), plan.adoptedBy(), plan.responsibleName(),
                            plan.responsibleRole(), plan.summary(), List.copyOf(planMilestones.values()),
                            planMilestonesCompleted),
                    CaseMoney.of(estimatedAmountFen, recoveredFen, claimsFen, refundedFen, participants),
                    List.copyOf(recoveries.values()), participantBatches, List.copyOf(refundRounds.values()),
                    petitions.values().stream()
                            .sorted(Comparator.comparing(PetitionView::receivedAt)
                                    .thenComparing(PetitionView::petitionId))
                            .toList(),
                    petitionsReceived - petitionsHandled, petitioners, closure);
        }
    }
}
