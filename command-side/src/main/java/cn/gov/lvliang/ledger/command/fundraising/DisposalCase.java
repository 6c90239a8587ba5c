package cn.gov.lvliang.ledger.command.fundraising;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.infra.AggregateCacheConfiguration;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.IdentityNumbers;
import cn.gov.lvliang.ledger.command.infra.OutOfScopeException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.fundraising.AdoptDisposalPlanCommand;
import cn.gov.lvliang.ledger.events.fundraising.AssetRecoveredEvent;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CloseDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.CompleteMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.CompletePlanMilestoneCommand;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestoneRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DetermineDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseClosedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseDeterminedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEscalatedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseMarkedCrossProvinceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseScaleRevisedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseTransferredToPoliceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalPlanAdoptedEvent;
import cn.gov.lvliang.ledger.events.fundraising.EscalateDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.FollowUpMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.HandlePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.ImportLegacyCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MarkCaseCrossProvinceCommand;
import cn.gov.lvliang.ledger.events.fundraising.MeasureCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureFollowedUpEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.MeasureOrderedEvent;
import cn.gov.lvliang.ledger.events.fundraising.OpenDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.OrderMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantsRegisteredEvent;
import cn.gov.lvliang.ledger.events.fundraising.PayRefundRoundCommand;
import cn.gov.lvliang.ledger.events.fundraising.PetitionHandledEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionReceivedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestone;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestoneCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PlannedMilestone;
import cn.gov.lvliang.ledger.events.fundraising.ReceivePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordAssetRecoveryCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordCriminalMilestoneCommand;
import cn.gov.lvliang.ledger.events.fundraising.RefundRoundPaidEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundShare;
import cn.gov.lvliang.ledger.events.fundraising.RegisterParticipantsCommand;
import cn.gov.lvliang.ledger.events.fundraising.ReviseCaseScaleCommand;
import cn.gov.lvliang.ledger.events.fundraising.TransferCaseToPoliceCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One illegal-fundraising disposal case (案件处置), opened from verified risk clues or imported as one of the plan's
 * legacy cases, to its closure: determination at county or city level, administrative measures, the criminal path,
 * the disposal plan, asset recovery, participant registration and pro-rata refunds, and the petitions about it.
 */
@Aggregate(cache = AggregateCacheConfiguration.CACHE)
class DisposalCase {

    private static final int MAX_PLAN_MILESTONES = 50;
    private static final int MAX_BATCH = 5000;
    private static final Set<EscalationReason> UNIT_REASONS = EnumSet.of(EscalationReason.COMPLEX,
            EscalationReason.DISPUTED);

    @AggregateIdentifier
    private String caseId;
    private String divisionCode;
    private Instant openedAt;
    private boolean legacy;
    private boolean closed;
    private Long estimatedAmountFen;
    private Integer estimatedParticipants;
    private boolean escalated;
    private DeterminationOutcome determination;
    private final Set<String> provinces = new TreeSet<>();
    private final Map<String, Measure> measures = new LinkedHashMap<>();
    private String policeUnit;
    private CriminalMilestone lastMilestone;
    private final Map<Integer, PlanMilestone> planMilestones = new TreeMap<>();
    private final Set<Integer> completedMilestones = new TreeSet<>();
    private boolean planAdopted;
    private int recoveries;
    private long totalRecoveredFen;
    private int batches;
    private long totalClaimsFen;
    private final Map<String, Participant> participants = new TreeMap<>();
    private int rounds;
    private long totalRefundedFen;
    private final Map<String, Boolean> petitionsHandled = new LinkedHashMap<>();

    @CommandHandler
    DisposalCase(OpenDisposalCaseCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                 FundraisingSettings settings, ClueLinks clues) {
        businessTime.check(command.businessTime());
        roles.requireDivision(command.divisionCode(), "divisionCode");
        roles.requireKnownUnit(command.actingUnit(), "actingUnit");
        if (roles.leadLevel(command.actingUnit(), command.divisionCode()).isEmpty()) {
            throw new UnitNotAllowedException(command.actingUnit(), "open a disposal case", "only the lead "
                    + "department " + FundraisingRoles.LEAD + " (or its counterpart in division "
                    + command.divisionCode() + ") opens cases there");
        }
        requireText(command.name(), "name");
        Subjects.check(command.subject(), "subject");
        require(command.keyArea() != null, "keyArea: must not be null");
        require(!command.clueIds().isEmpty(), "clueIds: a case is opened from at least one risk clue; the plan's "
                + "legacy cases are imported instead");
        require(new HashSet<>(command.clueIds()).size() == command.clueIds().size(), "clueIds: a clue is named once");
        requireScale(command.estimatedAmountFen(), command.estimatedParticipants());
        List<String> otherProvinces = Provinces.normalise(command.provinces(), "provinces");
        require(command.crossProvince() == !otherProvinces.isEmpty(), command.crossProvince()
                ? "provinces: a cross-province case names at least one other province"
                : "provinces: only a cross-province case names other provinces");
        apply(new DisposalCaseOpenedEvent(command.caseId(), command.actingUnit(), command.divisionCode(),
                command.name(), command.subject(), command.keyArea(), command.clueIds(),
                command.estimatedAmountFen(), command.estimatedParticipants(), command.crossProvince(),
                otherProvinces, command.businessTime()));
        clues.takeIntoCase(command.caseId(), command.clueIds(), command.actingUnit(), command.businessTime());
        // In a constructor Axon applies the events to the state only once it returns: use the command's figures.
        escalateIfMajor(settings, command.caseId(), command.estimatedAmountFen(), command.estimatedParticipants(),
                command.actingUnit(), command.businessTime());
    }

    /**
     * Creates the case unless it exists: a legacy case has the fixed id {@code legacy-<code>}, so that importing it a
     * second time finds the first import and is refused, also when two imports race.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportLegacyCaseCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        if (caseId != null) {
            throw new CaseStateException("IMPORTED", "legacy-case-imported-once", "Legacy case "
                    + command.legacyCode() + " was already imported on " + openedAt + " as case " + caseId);
        }
        businessTime.check(command.businessTime());
        roles.requireDivision(command.divisionCode(), "divisionCode");
        roles.requireKnownUnit(command.actingUnit(), "actingUnit");
        if (!FundraisingRoles.LEGACY_LEAD.equals(command.actingUnit())
                && roles.leadLevel(command.actingUnit(), command.divisionCode()).isEmpty()) {
            throw new UnitNotAllowedException(command.actingUnit(), "import a legacy case", "legacy cases are led by "
                    + FundraisingRoles.LEGACY_LEAD + " and disposed of by the lead department of their county");
        }
        requireText(command.name(), "name");
        Subjects.check(command.subject(), "subject");
        require(command.filingAge() != null, "filingAge: must not be null");
        require(command.originalFilingDate() != null, "originalFilingDate: must not be null");
        LocalDate importedOn = command.businessTime().atZone(WorkingCalendar.ZONE).toLocalDate();
        require(command.originalFilingDate().isBefore(importedOn), "originalFilingDate: "
                + command.originalFilingDate() + " must lie before the import on " + importedOn);
        require(command.stageAtImport() != null, "stageAtImport: must not be null");
        apply(new LegacyCaseImportedEvent(command.caseId(), command.legacyCode(), command.legacyFileVersion(),
                command.actingUnit(), command.divisionCode(), command.name(), command.printedAs(), command.subject(),
                command.filingAge(), command.originalFilingDate(), command.filingDateApproximate(),
                command.stageAtImport(), command.businessTime()));
    }

    @CommandHandler
    void handle(ReviseCaseScaleCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                FundraisingSettings settings) {
        requireOpen("revise the scale");
        requireLead(roles, command.actingUnit(), "revise the scale");
        businessTime.check(command.businessTime(), openedAt);
        require(command.estimatedAmountFen() != null || command.estimatedParticipants() != null,
                "estimatedAmountFen: give the amount, the participants or both");
        requireScale(command.estimatedAmountFen(), command.estimatedParticipants());
        apply(new DisposalCaseScaleRevisedEvent(caseId, command.actingUnit(), command.estimatedAmountFen(),
                command.estimatedParticipants(), command.note(), command.businessTime()));
        escalateIfMajor(settings, caseId, command.estimatedAmountFen(), command.estimatedParticipants(),
                command.actingUnit(), command.businessTime());
    }

    @CommandHandler
    void handle(EscalateDisposalCaseCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                FundraisingSettings settings) {
        requireOpen("escalate the case");
        requireLead(roles, command.actingUnit(), "escalate the case");
        requireNotLegacy("escalate the case");
        requireUndetermined("escalate the case");
        if (escalated) {
            throw new CaseStateException("ESCALATED", "escalate-once", "Case " + caseId + " is already with the city");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(!command.reasons().isEmpty(), "reasons: name at least one reason");
        require(UNIT_REASONS.containsAll(command.reasons()), "reasons: a unit escalates for COMPLEX or DISPUTED; "
                + "the thresholds are applied by the ledger from the case's estimates");
        requireText(command.note(), "note");
        var thresholds = settings.escalation();
        List<EscalationReason> reasons = List.copyOf(new TreeSet<>(command.reasons()));
        apply(new DisposalCaseEscalatedEvent(caseId, command.actingUnit(), reasons, estimatedAmountFen,
                estimatedParticipants, thresholds.amountFen(), thresholds.participants(), command.note(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(DetermineDisposalCaseCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                FundraisingSettings settings) {
        requireOpen("determine the case");
        requireNotLegacy("determine the case");
        roles.requireKnownUnit(command.actingUnit(), "actingUnit");
        DeterminationLevel level = roles.leadLevel(command.actingUnit(), divisionCode).orElseThrow(
                () -> new UnitNotAllowedException(command.actingUnit(), "determine the case", "the lead department of "
                        + "division " + divisionCode + " determines it, or " + FundraisingRoles.LEAD
                        + " once it is escalated"));
        requireUndetermined("determine the case");
        if (escalated && level == DeterminationLevel.COUNTY) {
            throw new UnitNotAllowedException(command.actingUnit(), "determine the case", "case " + caseId
                    + " was escalated to the city; only " + FundraisingRoles.LEAD + " determines it");
        }
        if (!escalated && level == DeterminationLevel.CITY) {
            throw new CaseStateException("NOT_ESCALATED", "city-determines-escalated-cases", "The county lead "
                    + "department determines case " + caseId + "; the city determines a case once it is escalated");
        }
        List<EscalationReason> over = settings.escalation().reasonsFor(estimatedAmountFen, estimatedParticipants);
        if (!escalated && !over.isEmpty()) {
            throw new CaseStateException("NOT_ESCALATED", "major-case-escalated-before-determination", "Case " + caseId
                    + " reaches the escalation thresholds " + over + " and must be escalated to the city before it "
                    + "is determined");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(command.outcome() != null, "outcome: must not be null");
        requireText(command.basis(), "basis");
        apply(new DisposalCaseDeterminedEvent(caseId, command.actingUnit(), level, command.outcome(), command.basis(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(MarkCaseCrossProvinceCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("mark the case cross-province");
        requireLead(roles, command.actingUnit(), "mark the case cross-province");
        businessTime.check(command.businessTime(), openedAt);
        require(!command.provinces().isEmpty(), "provinces: name at least one other province");
        List<String> named = Provinces.normalise(command.provinces(), "provinces");
        List<String> added = named.stream().filter(code -> !provinces.contains(code)).toList();
        if (added.isEmpty()) {
            throw new CaseStateException(provinces.isEmpty() ? "NOT_CROSS_PROVINCE" : "CROSS_PROVINCE",
                    "cross-province-adds-a-province", "Provinces " + named + " are already recorded on case " + caseId);
        }
        TreeSet<String> all = new TreeSet<>(provinces);
        all.addAll(added);
        apply(new DisposalCaseMarkedCrossProvinceEvent(caseId, command.actingUnit(), added, List.copyOf(all),
                command.note(), command.businessTime()));
    }

    /** Answers with the new measure's id, which the client needs to follow it up. */
    @CommandHandler
    String handle(OrderMeasureCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("order a measure");
        roles.requireKnownUnit(command.orderingUnit(), "orderingUnit");
        if (determination == DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING) {
            throw new CaseStateException(determination.name(), "no-measures-after-clearance", "Case " + caseId
                    + " was determined not to be illegal fundraising; it takes no administrative measures");
        }
        if (measures.containsKey(command.measureId())) {
            throw new CaseStateException(stateName(), "measure-id-unique", "Measure " + command.measureId()
                    + " already exists");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(command.kind() != null, "kind: must not be null");
        requireText(command.description(), "description");
        LocalDate orderedOn = command.businessTime().atZone(WorkingCalendar.ZONE).toLocalDate();
        require(command.dueDate() == null || !command.dueDate().isBefore(orderedOn), "dueDate: "
                + command.dueDate() + " lies before the order on " + orderedOn);
        require(command.amountFen() == null || command.amountFen() > 0, "amountFen: must be positive when given");
        apply(new MeasureOrderedEvent(caseId, command.measureId(), command.kind(), command.orderingUnit(),
                command.dueDate(), command.amountFen(), command.description(), command.businessTime()));
        return command.measureId();
    }

    @CommandHandler
    void handle(FollowUpMeasureCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("follow up a measure");
        Measure measure = openMeasure(command.measureId(), roles, command.actingUnit(), "follow up");
        businessTime.check(command.businessTime(), openedAt);
        requireText(command.note(), "note");
        apply(new MeasureFollowedUpEvent(caseId, measure.id(), command.actingUnit(), command.note(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(CompleteMeasureCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("complete a measure");
        Measure measure = openMeasure(command.measureId(), roles, command.actingUnit(), "complete");
        businessTime.check(command.businessTime(), openedAt);
        requireText(command.result(), "result");
        apply(new MeasureCompletedEvent(caseId, measure.id(), command.actingUnit(), command.result(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(TransferCaseToPoliceCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("transfer the case to the police");
        requireLead(roles, command.actingUnit(), "transfer the case to the police");
        if (legacy) {
            throw new CaseStateException("LEGACY", "legacy-case-with-police-before-ledger", "Legacy case " + caseId
                    + " was with the police before the ledger began");
        }
        if (policeUnit != null) {
            throw new CaseStateException("TRANSFERRED_TO_POLICE", "transfer-to-police-once", "Case " + caseId
                    + " was already transferred to " + policeUnit);
        }
        if (determination != DeterminationOutcome.SUSPECTED_CRIME) {
            throw new CaseStateException(determination == null ? "UNDETERMINED" : determination.name(),
                    "transfer-after-determined-as-crime", "Case " + caseId + " goes to the police once it is "
                    + "determined as SUSPECTED_CRIME");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(roles.isPolice(command.policeUnit()), "policeUnit: " + command.policeUnit() + " is not a police unit");
        apply(new DisposalCaseTransferredToPoliceEvent(caseId, command.actingUnit(), command.policeUnit(),
                command.note(), command.businessTime()));
    }

    @CommandHandler
    void handle(RecordCriminalMilestoneCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("record a criminal milestone");
        require(command.milestone() != null, "milestone: must not be null");
        roles.requireKnownUnit(command.actingUnit(), "actingUnit");
        if (!authorityFor(command.milestone(), command.actingUnit(), roles)) {
            throw new UnitNotAllowedException(command.actingUnit(), "record " + command.milestone(),
                    switch (command.milestone()) {
                        case POLICE_FILED -> "the police record the filing";
                        case PROSECUTION_REVIEW -> "the police or the procuratorate record the review";
                        case INDICTED -> "the procuratorate records the prosecution";
                        default -> "the court records judgments and enforcement";
                    });
        }
        if (policeUnit == null && !legacy) {
            throw new CaseStateException(stateName(), "criminal-path-after-police-transfer", "Case " + caseId
                    + " has not been transferred to the police");
        }
        Set<CriminalMilestone> next = nextMilestones();
        if (!next.contains(command.milestone())) {
            throw new CaseStateException(lastMilestone == null ? "TRANSFERRED_TO_POLICE" : lastMilestone.name(),
                    "criminal-milestones-in-order", "After " + (lastMilestone == null ? "the transfer" : lastMilestone)
                    + " the next milestone is " + (next.isEmpty() ? "none" : next) + ", not " + command.milestone());
        }
        businessTime.check(command.businessTime(), openedAt);
        apply(new CriminalMilestoneRecordedEvent(caseId, command.milestone(), command.actingUnit(),
                command.documentNumber(), command.note(), command.businessTime()));
    }

    @CommandHandler
    void handle(AdoptDisposalPlanCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("adopt a disposal plan");
        requireLead(roles, command.actingUnit(), "adopt a disposal plan");
        if (planAdopted) {
            throw new CaseStateException("PLAN_ADOPTED", "plan-adopted-once", "Case " + caseId
                    + " already has a disposal plan");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(command.responsiblePerson() != null, "responsiblePerson: must not be null");
        requireText(command.responsiblePerson().name(), "responsiblePerson.name");
        requireText(command.responsiblePerson().role(), "responsiblePerson.role");
        requireText(command.summary(), "summary");
        List<PlannedMilestone> planned = command.milestones();
        require(!planned.isEmpty() && planned.size() <= MAX_PLAN_MILESTONES, "milestones: between 1 and "
                + MAX_PLAN_MILESTONES + " milestones");
        LocalDate adoptedOn = command.businessTime().atZone(WorkingCalendar.ZONE).toLocalDate();
        List<PlanMilestone> numbered = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedMilestone milestone = planned.get(i);
            require(milestone != null, "milestones[" + i + "]: must not be null");
            requireText(milestone.name(), "milestones[" + i + "].name");
            require(milestone.dueDate() != null && !milestone.dueDate().isBefore(adoptedOn), "milestones[" + i
                    + "].dueDate: must not lie before the plan's adoption on " + adoptedOn);
            numbered.add(new PlanMilestone(i + 1, milestone.name(), milestone.dueDate()));
        }
        apply(new DisposalPlanAdoptedEvent(caseId, command.actingUnit(), command.responsiblePerson(),
                command.summary(), numbered, command.businessTime()));
    }

    @CommandHandler
    void handle(CompletePlanMilestoneCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("complete a plan milestone");
        requireLead(roles, command.actingUnit(), "complete a plan milestone");
        if (!planAdopted) {
            throw new CaseStateException("NO_PLAN", "plan-adopted-first", "Case " + caseId + " has no disposal plan");
        }
        PlanMilestone milestone = planMilestones.get(command.milestoneSeq());
        require(milestone != null, "milestoneSeq: the plan has no milestone " + command.milestoneSeq() + " (1.."
                + planMilestones.size() + ")");
        if (completedMilestones.contains(milestone.seq())) {
            throw new CaseStateException("MILESTONE_COMPLETED", "plan-milestone-completed-once", "Milestone "
                    + milestone.seq() + " (" + milestone.name() + ") is already completed");
        }
        businessTime.check(command.businessTime(), openedAt);
        requireText(command.note(), "note");
        apply(new PlanMilestoneCompletedEvent(caseId, milestone.seq(), milestone.name(), milestone.dueDate(),
                command.actingUnit(), command.note(), command.businessTime()));
    }

    @CommandHandler
    void handle(RecordAssetRecoveryCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("record a recovery");
        roles.requireKnownUnit(command.actingUnit(), "actingUnit");
        if (!isLead(roles, command.actingUnit()) && !roles.isPolice(command.actingUnit())
                && !roles.actsAs(command.actingUnit(), FundraisingRoles.PROCURATORATE, divisionCode)
                && !roles.actsAs(command.actingUnit(), FundraisingRoles.COURT, divisionCode)) {
            throw new UnitNotAllowedException(command.actingUnit(), "record a recovery", "assets are recovered by the "
                    + "police, the procuratorate, the court or the lead department");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(command.kind() != null, "kind: must not be null");
        require(command.amountFen() > 0, "amountFen: a recovery must be positive");
        requireText(command.description(), "description");
        apply(new AssetRecoveredEvent(caseId, recoveries + 1, command.actingUnit(), command.kind(),
                command.amountFen(), command.description(), Math.addExact(totalRecoveredFen, command.amountFen()),
                command.businessTime()));
    }

    @CommandHandler
    void handle(RegisterParticipantsCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("register participants");
        requireRefundAuthority(roles, command.actingUnit(), "register participants");
        businessTime.check(command.businessTime(), openedAt);
        List<ParticipantClaim> batch = command.participants();
        require(!batch.isEmpty() && batch.size() <= MAX_BATCH, "participants: between 1 and " + MAX_BATCH
                + " per batch");
        Set<String> seen = new HashSet<>();
        long batchClaims = 0;
        for (int i = 0; i < batch.size(); i++) {
            ParticipantClaim claim = batch.get(i);
            String field = "participants[" + i + "]";
            require(claim != null, field + ": must not be null");
            requireText(claim.participantReference(), field + ".participantReference");
            require(claim.participantReference().length() <= 64, field + ".participantReference: at most 64 "
                    + "characters");
            IdentityNumbers.requireNone(claim.participantReference(), field + ".participantReference");
            require(claim.claimFen() > 0, field + ".claimFen: a claim must be positive");
            require(seen.add(claim.participantReference()), field + ".participantReference: "
                    + claim.participantReference() + " appears twice in the batch");
            batchClaims = Math.addExact(batchClaims, claim.claimFen());
        }
        List<String> known = batch.stream().map(ParticipantClaim::participantReference)
                .filter(participants::containsKey).toList();
        if (!known.isEmpty()) {
            throw new CaseStateException(stateName(), "participant-registered-once", "Participants " + known
                    + " are already registered on case " + caseId);
        }
        apply(new ParticipantsRegisteredEvent(caseId, batches + 1, command.actingUnit(), batch, batchClaims,
                Math.addExact(totalClaimsFen, batchClaims), command.businessTime()));
    }

    /** Answers with the round's number. */
    @CommandHandler
    String handle(PayRefundRoundCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireOpen("pay a refund round");
        requireRefundAuthority(roles, command.actingUnit(), "pay a refund round");
        businessTime.check(command.businessTime(), openedAt);
        require(command.roundTotalFen() > 0, "roundTotalFen: a refund round must be positive");
        if (participants.isEmpty()) {
            throw new CaseStateException(stateName(), "refund-after-registration", "Case " + caseId
                    + " has no registered participants to refund");
        }
        long available = totalRecoveredFen - totalRefundedFen;
        if (command.roundTotalFen() > available) {
            throw new CaseStateException(stateName(), "refund-within-recovered", "A round of "
                    + Yuan.format(command.roundTotalFen()) + " yuan exceeds what is recovered and not yet refunded: "
                    + Yuan.format(totalRecoveredFen) + " recovered, " + Yuan.format(totalRefundedFen)
                    + " refunded, " + Yuan.format(available) + " available");
        }
        long owed = totalClaimsFen - totalRefundedFen;
        if (command.roundTotalFen() > owed) {
            throw new CaseStateException(stateName(), "refund-within-claims", "A round of "
                    + Yuan.format(command.roundTotalFen()) + " yuan exceeds the " + Yuan.format(owed)
                    + " yuan still owed to the participants");
        }
        List<ProRataAllocation.Claim> claims = participants.entrySet().stream()
                .filter(entry -> entry.getValue().outstandingFen() > 0)
                .map(entry -> new ProRataAllocation.Claim(entry.getKey(), entry.getValue().claimFen(),
                        entry.getValue().outstandingFen()))
                .toList();
        long[] amounts = ProRataAllocation.allocate(command.roundTotalFen(), claims);
        List<RefundShare> shares = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            ProRataAllocation.Claim claim = claims.get(i);
            shares.add(new RefundShare(claim.participantReference(), claim.claimFen(),
                    claim.claimFen() - claim.outstandingFen(), amounts[i]));
        }
        int roundNumber = rounds + 1;
        apply(new RefundRoundPaidEvent(caseId, roundNumber, command.actingUnit(), command.roundTotalFen(),
                totalRecoveredFen, totalRefundedFen, shares, command.note(), command.businessTime()));
        return String.valueOf(roundNumber);
    }

    /** Accepted also on a closed case: petitions come when they come. Answers with the new petition's id. */
    @CommandHandler
    String handle(ReceivePetitionCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requirePetitionAuthority(roles, command.actingUnit(), "receive a petition");
        if (petitionsHandled.containsKey(command.petitionId())) {
            throw new CaseStateException(stateName(), "petition-id-unique", "Petition " + command.petitionId()
                    + " already exists");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(command.petitioners() >= 1, "petitioners: at least one");
        requireText(command.summary(), "summary");
        IdentityNumbers.requireNone(command.summary(), "summary");
        IdentityNumbers.requireNone(command.petitionReference(), "petitionReference");
        apply(new PetitionReceivedEvent(caseId, command.petitionId(), command.actingUnit(),
                command.petitionReference(), command.petitioners(), command.summary(), command.businessTime()));
        return command.petitionId();
    }

    @CommandHandler
    void handle(HandlePetitionCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        Boolean handled = petitionsHandled.get(command.petitionId());
        require(handled != null, "petitionId: no petition " + command.petitionId() + " on case " + caseId);
        requirePetitionAuthority(roles, command.actingUnit(), "handle a petition");
        if (handled) {
            throw new CaseStateException("PETITION_HANDLED", "petition-handled-once", "Petition "
                    + command.petitionId() + " is already handled");
        }
        businessTime.check(command.businessTime(), openedAt);
        require(command.outcome() != null, "outcome: must not be null");
        requireText(command.note(), "note");
        apply(new PetitionHandledEvent(caseId, command.petitionId(), command.actingUnit(), command.outcome(),
                command.note(), command.businessTime()));
    }

    @CommandHandler
    void handle(CloseDisposalCaseCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                LedgerLookup ledger) {
        requireOpen("close the case");
        requireLead(roles, command.actingUnit(), "close the case");
        businessTime.check(command.businessTime(), openedAt);
        CaseResolution resolution = command.resolution();
        require(resolution != null, "resolution: must not be null");
        if (resolution == CaseResolution.MERGED) {
            require(command.mergedIntoCaseId() != null && !command.mergedIntoCaseId().equals(caseId),
                    "mergedIntoCaseId: name the other case this one is merged into");
            require(ledger.isDisposalCase(command.mergedIntoCaseId()), "mergedIntoCaseId: no disposal case "
                    + command.mergedIntoCaseId());
        } else {
            require(command.mergedIntoCaseId() == null, "mergedIntoCaseId: only a MERGED case names another case");
        }
        if (resolution == CaseResolution.OTHER) {
            requireText(command.note(), "note");
        }
        List<String> open = openWork();
        if (!open.isEmpty()) {
            throw new CaseStateException(stateName(), "close-with-nothing-open", "Case " + caseId
                    + " cannot be closed while open: " + String.join("; ", open));
        }
        if ((legacy || escalated) && !planAdopted) {
            throw new CaseStateException("NO_PLAN", "plan-required-for-legacy-and-major-cases", (legacy ? "Legacy"
                    : "Escalated") + " case " + caseId + " is closed only after its disposal plan is carried out");
        }
        requireResolutionFits(resolution);
        apply(new DisposalCaseClosedEvent(caseId, command.actingUnit(), resolution, command.mergedIntoCaseId(),
                command.note(), totalRecoveredFen, totalRefundedFen, command.businessTime()));
    }

    /** A county-scoped user acts only on the case of their own county; city-wide users and the ledger itself anywhere. */
    @CommandHandlerInterceptor
    Object withinTheActorsCounty(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object actorDivision = command.getMetaData().get(ActorMetadata.DIVISION);
        if (actorDivision != null && !actorDivision.equals(divisionCode)) {
            throw new OutOfScopeException(command.getMetaData().get(ActorMetadata.USER) + " works for county "
                    + actorDivision + "; this case belongs to " + divisionCode);
        }
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(DisposalCaseOpenedEvent event) {
        caseId = event.caseId();
        divisionCode = event.divisionCode();
        openedAt = event.businessTime();
        estimatedAmountFen = event.estimatedAmountFen();
        estimatedParticipants = event.estimatedParticipants();
        provinces.addAll(event.provinces());
    }

    @EventSourcingHandler
    void on(LegacyCaseImportedEvent event) {
        caseId = event.caseId();
        divisionCode = event.divisionCode();
        openedAt = event.businessTime();
        legacy = true;
        determination = DeterminationOutcome.SUSPECTED_CRIME;
        lastMilestone = event.stageAtImport();
    }

    @EventSourcingHandler
    void on(DisposalCaseScaleRevisedEvent event) {
        estimatedAmountFen = event.estimatedAmountFen();
        estimatedParticipants = event.estimatedParticipants();
    }

    @EventSourcingHandler
    void on(DisposalCaseEscalatedEvent event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(DisposalCaseDeterminedEvent event) {
        determination = event.outcome();
    }

    @EventSourcingHandler
    void on(DisposalCaseMarkedCrossProvinceEvent event) {
        provinces.addAll(event.provinces());
    }

    @EventSourcingHandler
    void on(MeasureOrderedEvent event) {
        measures.put(event.measureId(), new Measure(event.measureId(), event.kind(), event.orderingUnit(), false));
    }

    @EventSourcingHandler
    void on(MeasureCompletedEvent event) {
        measures.computeIfPresent(event.measureId(), (id, measure) -> measure.completed());
    }

    @EventSourcingHandler
    void on(DisposalCaseTransferredToPoliceEvent event) {
        policeUnit = event.policeUnit();
    }

    @EventSourcingHandler
    void on(CriminalMilestoneRecordedEvent event) {
        lastMilestone = event.milestone();
    }

    @EventSourcingHandler
    void on(DisposalPlanAdoptedEvent event) {
        planAdopted = true;
        event.milestones().forEach(milestone -> planMilestones.put(milestone.seq(), milestone));
    }

    @EventSourcingHandler
    void on(PlanMilestoneCompletedEvent event) {
        completedMilestones.add(event.milestoneSeq());
    }

    @EventSourcingHandler
    void on(AssetRecoveredEvent event) {
        recoveries = event.recoveryNumber();
        totalRecoveredFen = event.totalRecoveredFen();
    }

    @EventSourcingHandler
    void on(ParticipantsRegisteredEvent event) {
        batches = event.batchNumber();
        totalClaimsFen = event.totalClaimsFen();
        event.participants().forEach(claim -> participants.put(claim.participantReference(),
                new Participant(claim.claimFen(), 0)));
    }

    @EventSourcingHandler
    void on(RefundRoundPaidEvent event) {
        rounds = event.roundNumber();
        totalRefundedFen = event.refundedBeforeFen() + event.roundTotalFen();
        event.shares().forEach(share -> participants.computeIfPresent(share.participantReference(),
                (reference, participant) -> participant.refunded(share.shareFen())));
    }

    @EventSourcingHandler
    void on(PetitionReceivedEvent event) {
        petitionsHandled.put(event.petitionId(), false);
    }

    @EventSourcingHandler
    void on(PetitionHandledEvent event) {
        petitionsHandled.put(event.petitionId(), true);
    }

    @EventSourcingHandler
    void on(DisposalCaseClosedEvent event) {
        closed = true;
    }

    /** The ledger escalates a case on its own once its estimates reach a threshold, before it is determined. */
    private void escalateIfMajor(FundraisingSettings settings, String id, Long amountFen, Integer participantCount,
                                 String actingUnit, Instant at) {
        if (escalated || determination != null || legacy) {
            return;
        }
        var thresholds = settings.escalation();
        List<EscalationReason> reasons = thresholds.reasonsFor(amountFen, participantCount);
        if (!reasons.isEmpty()) {
            apply(new DisposalCaseEscalatedEvent(id, actingUnit, reasons, amountFen, participantCount,
                    thresholds.amountFen(), thresholds.participants(), null, at));
        }
    }

    /** What keeps the case from being closed, each named. */
    private List<String> openWork() {
        List<String> open = new ArrayList<>();
        String openMeasures = measures.values().stream().filter(measure -> !measure.done())
                .map(measure -> measure.id() + " (" + measure.kind() + ", " + measure.orderingUnit() + ")")
                .collect(Collectors.joining(", "));
        if (!openMeasures.isEmpty()) {
            open.add("measures " + openMeasures);
        }
        String unfinished = planMilestones.values().stream()
                .filter(milestone -> !completedMilestones.contains(milestone.seq()))
                .map(milestone -> milestone.seq() + " " + milestone.name() + " (due " + milestone.dueDate() + ")")
                .collect(Collectors.joining(", "));
        if (!unfinished.isEmpty()) {
            open.add("plan milestones " + unfinished);
        }
        String petitions = petitionsHandled.entrySet().stream().filter(entry -> !entry.getValue())
                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        if (!petitions.isEmpty()) {
            open.add("petitions " + petitions);
        }
        return open;
    }

    private void requireResolutionFits(CaseResolution resolution) {
        String wrong = switch (resolution) {
            case NO_ILLEGAL_FUNDRAISING -> determination == DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING ? null
                    : "it was not determined NOT_ILLEGAL_FUNDRAISING";
            case CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL -> determination != DeterminationOutcome.ILLEGAL_FUNDRAISING
                    ? "it was not determined ILLEGAL_FUNDRAISING"
                    : measures.values().stream().noneMatch(Measure::done) ? "no administrative measure was completed"
                    : null;
            case CLOSED_AFTER_JUDGMENT -> lastMilestone != null
                    && lastMilestone.compareTo(CriminalMilestone.FIRST_INSTANCE_JUDGMENT) >= 0 ? null
                    : "no judgment is recorded";
            case MERGED, OTHER -> null;
        };
        if (wrong != null) {
            throw new CaseStateException(stateName(), "resolution-fits-the-case", "Case " + caseId
                    + " cannot be closed " + resolution + ": " + wrong);
        }
    }

    private Set<CriminalMilestone> nextMilestones() {
        if (lastMilestone == null) {
            return EnumSet.of(CriminalMilestone.POLICE_FILED);
        }
        return switch (lastMilestone) {
            case POLICE_FILED -> EnumSet.of(CriminalMilestone.PROSECUTION_REVIEW);
            case PROSECUTION_REVIEW -> EnumSet.of(CriminalMilestone.INDICTED);
            case INDICTED -> EnumSet.of(CriminalMilestone.FIRST_INSTANCE_JUDGMENT);
            case FIRST_INSTANCE_JUDGMENT -> EnumSet.of(CriminalMilestone.SECOND_INSTANCE_JUDGMENT,
                    CriminalMilestone.ENFORCEMENT);
            case SECOND_INSTANCE_JUDGMENT -> EnumSet.of(CriminalMilestone.ENFORCEMENT);
            case ENFORCEMENT -> EnumSet.noneOf(CriminalMilestone.class);
        };
    }

    private boolean authorityFor(CriminalMilestone milestone, String actingUnit, FundraisingRoles roles) {
        boolean police = actingUnit.equals(policeUnit) || roles.actsAs(actingUnit, FundraisingRoles.POLICE,
                divisionCode);
        boolean procuratorate = roles.actsAs(actingUnit, FundraisingRoles.PROCURATORATE, divisionCode);
        return switch (milestone) {
            case POLICE_FILED -> police;
            case PROSECUTION_REVIEW -> police || procuratorate;
            case INDICTED -> procuratorate;
            case FIRST_INSTANCE_JUDGMENT, SECOND_INSTANCE_JUDGMENT, ENFORCEMENT ->
                    roles.actsAs(actingUnit, FundraisingRoles.COURT, divisionCode);
        };
    }

    private Measure openMeasure(String measureId, FundraisingRoles roles, String actingUnit, String verb) {
        Measure measure = measures.get(measureId);
        require(measure != null, "measureId: no measure " + measureId + " on case " + caseId);
        if (!roles.actsAs(actingUnit, measure.orderingUnit(), divisionCode)) {
            throw new UnitNotAllowedException(actingUnit, verb + " measure " + measureId, "only the ordering unit "
                    + measure.orderingUnit() + " (or its counterpart in division " + divisionCode + ") answers for it");
        }
        if (measure.done()) {
            throw new CaseStateException("MEASURE_COMPLETED", "measure-completed-once", "Measure " + measureId
                    + " is already completed");
        }
        return measure;
    }

    /** Refunds are paid and participants registered by the court or the lead department only (else 擅自清退). */
    private void requireRefundAuthority(FundraisingRoles roles, String actingUnit, String action) {
        roles.requireKnownUnit(actingUnit, "actingUnit");
        if (!isLead(roles, actingUnit) && !roles.actsAs(actingUnit, FundraisingRoles.COURT, divisionCode)) {
            throw new UnitNotAllowedException(actingUnit, action, "only the court or the lead department may "
                    + action + "; any other refund is unauthorised (擅自清退)");
        }
    }

    private void requirePetitionAuthority(FundraisingRoles roles, String actingUnit, String action) {
        roles.requireKnownUnit(actingUnit, "actingUnit");
        if (!isLead(roles, actingUnit) && !roles.actsAs(actingUnit, FundraisingRoles.PETITIONS, divisionCode)) {
            throw new UnitNotAllowedException(actingUnit, action, "petitions are handled by the petitions bureau "
                    + FundraisingRoles.PETITIONS + " (or its counterpart in division " + divisionCode
                    + ") or the lead department");
        }
    }

    private boolean isLead(FundraisingRoles roles, String actingUnit) {
        return roles.leadLevel(actingUnit, divisionCode).isPresent()
                || (legacy && FundraisingRoles.LEGACY_LEAD.equals(actingUnit));
    }

    private void requireLead(FundraisingRoles roles, String actingUnit, String action) {
        roles.requireKnownUnit(actingUnit, "actingUnit");
        if (!isLead(roles, actingUnit)) {
            throw new UnitNotAllowedException(actingUnit, action, "only the lead department " + FundraisingRoles.LEAD
                    + " (or its counterpart in division " + divisionCode + ")"
                    + (legacy ? " or " + FundraisingRoles.LEGACY_LEAD : "") + " may " + action);
        }
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new CaseStateException("CLOSED", "closed-case-takes-only-petitions", "Cannot " + action
                    + ": case " + caseId + " is closed; it takes only petitions");
        }
    }

    private void requireNotLegacy(String action) {
        if (legacy) {
            throw new CaseStateException("LEGACY", "legacy-case-determined-before-ledger", "Cannot " + action
                    + ": legacy case " + caseId + " was filed as a crime before the ledger began");
        }
    }

    private void requireUndetermined(String action) {
        if (determination != null) {
            throw new CaseStateException("DETERMINED_" + determination, "determine-once", "Cannot " + action
                    + ": case " + caseId + " is already determined " + determination);
        }
    }

    private String stateName() {
        if (closed) {
            return "CLOSED";
        }
        if (determination != null) {
            return "DETERMINED_" + determination;
        }
        return escalated ? "ESCALATED" : "OPEN";
    }

    private static void requireScale(Long amountFen, Integer participantCount) {
        require(amountFen == null || amountFen >= 0, "estimatedAmountFen: must not be negative");
        require(participantCount == null || participantCount >= 0, "estimatedParticipants: must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + ": must not be blank");
    }

    // Axon rebuilds the aggregate from its events through this constructor, and creates a legacy case with it.
    DisposalCase() {
    }

    /** One administrative measure's state; replaced, never mutated. */
    private record Measure(String id, MeasureKind kind, String orderingUnit, boolean done) {

        private Measure completed() {
            return new Measure(id, kind, orderingUnit, true);
        }
    }

    /** One participant's claim and what was refunded on it; replaced, never mutated. */
    private record Participant(long claimFen, long refundedFen) {

        private long outstandingFen() {
            return claimFen - refundedFen;
        }

        private Participant refunded(long shareFen) {
            return new Participant(claimFen, refundedFen + shareFen);
        }
    }
}
