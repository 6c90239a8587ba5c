package cn.gov.lvliang.ledger.command.bundle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.infra.AggregateCacheConfiguration;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.infra.OutOfScopeException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.bundle.AcceptBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.ApproveItemCommand;
import cn.gov.lvliang.ledger.events.bundle.AssistanceRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ComplaintFollowedUpEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.ConcludeBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliverResultCommand;
import cn.gov.lvliang.ledger.events.bundle.DispatchItemCommand;
import cn.gov.lvliang.ledger.events.bundle.FollowUpComplaintCommand;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDeadline;
import cn.gov.lvliang.ledger.events.bundle.ItemDispatchedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.LodgeComplaintCommand;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.RateServiceCommand;
import cn.gov.lvliang.ledger.events.bundle.RecordAssistanceCommand;
import cn.gov.lvliang.ledger.events.bundle.RecordMaterialsCommand;
import cn.gov.lvliang.ledger.events.bundle.RecordVisitCommand;
import cn.gov.lvliang.ledger.events.bundle.RefuseBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.RejectItemCommand;
import cn.gov.lvliang.ledger.events.bundle.RequestSupplementCommand;
import cn.gov.lvliang.ledger.events.bundle.ResolveComplaintCommand;
import cn.gov.lvliang.ledger.events.bundle.ResultDeliveredEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.SupplementRequestedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplySupplementCommand;
import cn.gov.lvliang.ledger.events.bundle.TransferBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WithdrawBundleCaseCommand;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import cn.gov.lvliang.ledger.events.reference.ServiceHall;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One bundle case, from submission to its end. Decides every command about the case, records the outcome as
 * events, and keeps the case's statutory clocks as persistent deadlines. Its state is only ever rebuilt from its
 * events.
 */
@Aggregate(cache = AggregateCacheConfiguration.CACHE)
class BundleCase {

    static final String CASE_DUE = "bundle-case-due";
    static final String ITEM_DUE = "bundle-item-due";

    /** Visits that may still be recorded once a case has ended. */
    private static final Set<VisitPurpose> VISITS_AFTER_END = EnumSet.of(VisitPurpose.COLLECTION, VisitPurpose.COMPLAINT);

    @AggregateIdentifier
    private String caseId;
    private String bundleCode;
    private String leadUnit;
    private String divisionCode;
    private String hallCode;
    private Instant submittedAt;
    private Status status;
    private LocalDate dueDate;
    private boolean overdue;
    private LocalDate pausedSince;
    private final Map<Integer, Item> items = new LinkedHashMap<>();
    private int visits;
    private boolean resultDelivered;
    private boolean rated;
    private final Map<String, Boolean> complaintsResolved = new LinkedHashMap<>();

    @CommandHandler
    BundleCase(SubmitBundleCaseCommand command, BundleCatalog catalog, UnitDirectory units,
               BusinessTimePolicy businessTime) {
        businessTime.check(command.businessTime());
        if (command.catalogVersion() != catalog.version()) {
            throw new IllegalArgumentException("catalogVersion: the ledger decides against catalog version "
                    + catalog.version() + ", not " + command.catalogVersion());
        }
        CatalogBundle bundle = catalog.bundle(command.bundleCode()).orElseThrow(() -> new IllegalArgumentException(
                "bundleCode: no bundle " + command.bundleCode() + " in catalog version " + catalog.version()));
        List<CaseItem> caseItems = bundle.items().stream()
                .map(item -> new CaseItem(item.seq(), item.name(), unitCode(units, item.unit())))
                .toList();
        apply(new BundleCaseSubmittedEvent(
                command.caseId(),
                bundle.code(),
                catalog.version(),
                unitCode(units, bundle.leadUnit()),
                caseItems,
                command.applicant(),
                command.divisionCode(),
                command.hallCode(),
                command.channel(),
                command.windowCode(),
                command.businessTime()));
        if (command.channel() == Channel.WINDOW) {
            apply(new VisitRecordedEvent(command.caseId(), 1, command.hallCode(), command.windowCode(),
                    VisitPurpose.SUBMISSION, command.businessTime()));
        }
    }

    @CommandHandler
    void handle(RecordMaterialsCommand command, BusinessTimePolicy businessTime) {
        requireNotEnded("record materials");
        businessTime.check(command.businessTime(), submittedAt);
        if (command.submitted().isEmpty() && command.waived().isEmpty()) {
            throw new IllegalArgumentException("submitted: name at least one material submitted or waived");
        }
        apply(new MaterialsRecordedEvent(caseId, command.submitted(), command.waived(), command.businessTime()));
    }

    @CommandHandler
    void handle(AcceptBundleCaseCommand command, UnitDirectory units, BusinessTimePolicy businessTime,
                WorkingCalendar calendar, TimeLimits limits, DeadlineManager deadlines,
                DeadlinePolicy deadlinePolicy) {
        requireLeadUnit(units, command.actingUnit(), "accept the case");
        requireStatus("accept the case", Status.SUBMITTED);
        requireNotPaused("accept the case");
        businessTime.check(command.businessTime(), submittedAt);
        int limit = limits.caseLimit(bundleCode);
        LocalDate acceptedOn = calendar.dateOf(command.businessTime());
        LocalDate due = calendar.addWorkingDays(acceptedOn, limit);
        LocalDate atRiskFrom = calendar.addWorkingDays(acceptedOn, Math.max(0, limit - limits.atRiskWorkingDays()));
        apply(new BundleCaseAcceptedEvent(caseId, command.actingUnit(), limit, due, atRiskFrom,
                command.businessTime()));
        deadlines.schedule(deadlinePolicy.fireAt(calendar.endOf(due)), CASE_DUE, new CaseDue(due));
    }

    @CommandHandler
    void handle(RefuseBundleCaseCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        requireLeadUnit(units, command.actingUnit(), "refuse the case");
        requireStatus("refuse the case", Status.SUBMITTED);
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.reason(), "reason");
        apply(new BundleCaseAcceptanceRefusedEvent(caseId, command.actingUnit(), command.reason(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(RequestSupplementCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        requireLeadUnit(units, command.actingUnit(), "request supplementary materials");
        requireStatus("request supplementary materials", Status.SUBMITTED, Status.ACCEPTED);
        requireNotPaused("request supplementary materials");
        businessTime.check(command.businessTime(), submittedAt);
        if (command.materials().isEmpty()) {
            throw new IllegalArgumentException("materials: name at least one material");
        }
        // The clock stands still: running deadlines find the case paused when they fire, and new ones are set,
        // moved, when the materials come.
        apply(new SupplementRequestedEvent(caseId, command.actingUnit(), command.materials(), command.reason(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(SupplySupplementCommand command, BusinessTimePolicy businessTime, WorkingCalendar calendar,
                TimeLimits limits, DeadlineManager deadlines, DeadlinePolicy deadlinePolicy) {
        requireNotEnded("supply materials");
        if (pausedSince == null) {
            throw new CaseStateException(status.name(), "supplement-not-requested",
                    "No supplementary materials were requested");
        }
        businessTime.check(command.businessTime(), submittedAt);
        LocalDate suppliedOn = calendar.dateOf(command.businessTime());
        if (suppliedOn.isBefore(pausedSince)) {
            throw new IllegalArgumentException("businessTime: the materials cannot arrive before they were asked "
                    + "for on " + pausedSince);
        }
        int paused = calendar.workingDaysBetween(pausedSince, suppliedOn);
        LocalDate newDue = dueDate == null ? null : calendar.addWorkingDays(dueDate, paused);
        LocalDate newAtRisk = newDue == null ? null
                : calendar.addWorkingDays(dueDate, Math.max(0, paused - limits.atRiskWorkingDays()));
        List<ItemDeadline> itemDeadlines = items.values().stream()
                .filter(Item::running)
                .map(item -> new ItemDeadline(item.seq(), calendar.addWorkingDays(item.dueDate(), paused)))
                .toList();
        apply(new SupplementSuppliedEvent(caseId, command.materials(), paused, newDue, newAtRisk, itemDeadlines,
                command.businessTime()));
        if (newDue != null && !overdue) {
            deadlines.schedule(deadlinePolicy.fireAt(calendar.endOf(newDue)), CASE_DUE, new CaseDue(newDue));
        }
        itemDeadlines.forEach(item -> deadlines.schedule(deadlinePolicy.fireAt(calendar.endOf(item.dueDate())),
                ITEM_DUE, new ItemDue(item.itemSeq(), item.dueDate())));
    }

    @CommandHandler
    void handle(DispatchItemCommand command, UnitDirectory units, BusinessTimePolicy businessTime,
                WorkingCalendar calendar, TimeLimits limits, DeadlineManager deadlines,
                DeadlinePolicy deadlinePolicy) {
        requireLeadUnit(units, command.actingUnit(), "dispatch an item");
        requireStatus("dispatch an item", Status.ACCEPTED);
        requireNotPaused("dispatch an item");
        businessTime.check(command.businessTime(), submittedAt);
        Item item = item(command.itemSeq());
        if (item.dispatched()) {
            throw new CaseStateException("ITEM_DISPATCHED", "item-dispatched-once",
                    "Item " + item.seq() + " was already dispatched to " + item.responsibleUnit());
        }
        int limit = limits.itemLimit(bundleCode);
        LocalDate due = calendar.addWorkingDays(calendar.dateOf(command.businessTime()), limit);
        apply(new ItemDispatchedEvent(caseId, command.actingUnit(), item.seq(), item.responsibleUnit(), limit, due,
                command.businessTime()));
        deadlines.schedule(deadlinePolicy.fireAt(calendar.endOf(due)), ITEM_DUE, new ItemDue(item.seq(), due));
    }

    @CommandHandler
    void handle(ApproveItemCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        Item item = decidableItem(command.itemSeq(), command.actingUnit(), units, "approve");
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.result(), "result");
        apply(new ItemApprovedEvent(caseId, command.actingUnit(), item.seq(), command.result(), command.businessTime()));
    }

    @CommandHandler
    void handle(RejectItemCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        Item item = decidableItem(command.itemSeq(), command.actingUnit(), units, "reject");
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.reason(), "reason");
        apply(new ItemRejectedEvent(caseId, command.actingUnit(), item.seq(), command.reason(), command.businessTime()));
    }

    @CommandHandler
    void handle(RecordAssistanceCommand command, BusinessTimePolicy businessTime) {
        requireNotEnded("record assisted handling");
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.assistant(), "assistant");
        if (command.steps().isEmpty()) {
            throw new IllegalArgumentException("steps: name at least one step the assistant took on");
        }
        apply(new AssistanceRecordedEvent(caseId, command.assistant(), command.kind(), command.steps(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(RecordVisitCommand command, BusinessTimePolicy businessTime) {
        if (status.ended() && !VISITS_AFTER_END.contains(command.purpose())) {
            throw ended("record a " + command.purpose() + " visit");
        }
        businessTime.check(command.businessTime(), submittedAt);
        apply(new VisitRecordedEvent(caseId, visits + 1, command.hallCode(), command.windowCode(), command.purpose(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(ConcludeBundleCaseCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        requireLeadUnit(units, command.actingUnit(), "conclude the case");
        requireStatus("conclude the case", Status.ACCEPTED);
        requireNotPaused("conclude the case");
        businessTime.check(command.businessTime(), submittedAt);
        List<Integer> undecided = items.values().stream().filter(item -> item.decision() == null)
                .map(item -> item.seq()).toList();
        if (!undecided.isEmpty()) {
            throw new CaseStateException(status.name(), "conclude-after-every-item-decided",
                    "Items " + undecided + " are not decided yet");
        }
        int approved = (int) items.values().stream().filter(item -> item.decision() == Decision.APPROVED).count();
        int rejected = items.size() - approved;
        CaseOutcome outcome = rejected == 0 ? CaseOutcome.APPROVED
                : approved == 0 ? CaseOutcome.NOT_APPROVED : CaseOutcome.PARTIALLY_APPROVED;
        apply(new BundleCaseConcludedEvent(caseId, command.actingUnit(), outcome, approved, rejected,
                command.businessTime()));
    }

    @CommandHandler
    void handle(DeliverResultCommand command, BusinessTimePolicy businessTime) {
        if (status != Status.CONCLUDED) {
            throw new CaseStateException(status.name(), "deliver-after-conclusion",
                    "Cannot deliver the result while the case is " + status);
        }
        if (resultDelivered) {
            throw new CaseStateException(status.name(), "deliver-once", "The result was already delivered");
        }
        businessTime.check(command.businessTime(), submittedAt);
        apply(new ResultDeliveredEvent(caseId, command.method(), command.businessTime()));
    }

    @CommandHandler
    void handle(WithdrawBundleCaseCommand command, BusinessTimePolicy businessTime) {
        requireNotEnded("withdraw the case");
        businessTime.check(command.businessTime(), submittedAt);
        apply(new BundleCaseWithdrawnEvent(caseId, command.reason(), command.businessTime()));
    }

    @CommandHandler
    void handle(TransferBundleCaseCommand command, ReferenceData referenceData, BusinessTimePolicy businessTime) {
        requireNotEnded("transfer the case");
        businessTime.check(command.businessTime(), submittedAt);
        ServiceHall toHall = referenceData.hall(command.toHallCode()).orElseThrow(
                () -> new IllegalArgumentException("toHallCode: no hall " + command.toHallCode()));
        if (toHall.division() != null && !toHall.division().equals(command.toDivisionCode())) {
            throw new IllegalArgumentException("toHallCode: hall " + toHall.code() + " belongs to division "
                    + toHall.division());
        }
        if (toHall.code().equals(hallCode)) {
            throw new CaseStateException(status.name(), "transfer-to-another-hall",
                    "The case is already handled in hall " + hallCode);
        }
        apply(new BundleCaseTransferredEvent(caseId, divisionCode, hallCode, command.toDivisionCode(),
                toHall.code(), command.mode(), command.reason(), command.businessTime()));
    }

    /** Answers with the new complaint's id, which the client needs to follow it up. */
    @CommandHandler
    String handle(LodgeComplaintCommand command, BusinessTimePolicy businessTime) {
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.content(), "content");
        if (complaintsResolved.containsKey(command.complaintId())) {
            throw new CaseStateException(status.name(), "complaint-id-unique",
                    "Complaint " + command.complaintId() + " already exists");
        }
        apply(new ComplaintLodgedEvent(caseId, command.complaintId(), command.content(), command.businessTime()));
        return command.complaintId();
    }

    @CommandHandler
    void handle(FollowUpComplaintCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        requireOpenComplaint(command.complaintId());
        requireKnownUnit(units, command.actingUnit());
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.note(), "note");
        apply(new ComplaintFollowedUpEvent(caseId, command.complaintId(), command.actingUnit(), command.note(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(ResolveComplaintCommand command, UnitDirectory units, BusinessTimePolicy businessTime) {
        requireOpenComplaint(command.complaintId());
        requireKnownUnit(units, command.actingUnit());
        businessTime.check(command.businessTime(), submittedAt);
        requireText(command.resolution(), "resolution");
        apply(new ComplaintResolvedEvent(caseId, command.complaintId(), command.actingUnit(), command.resolution(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(RateServiceCommand command, BusinessTimePolicy businessTime) {
        if (command.score() < 1 || command.score() > 5) {
            throw new IllegalArgumentException("score: must be between 1 and 5, was " + command.score());
        }
        if (rated) {
            throw new CaseStateException(status.name(), "rate-once", "The service of this case was already rated");
        }
        businessTime.check(command.businessTime(), submittedAt);
        apply(new ServiceRatedEvent(caseId, command.score(), command.reasons(), command.comment(),
                command.businessTime()));
    }

    /*
     * Deadlines are never cancelled: cancelling races with a deadline that is firing at that moment (common when
     * back-dated history is imported), and would fail the command. Instead each deadline carries the due date it
     * was set for, and does nothing unless the case (or item) is still running against that very due date.
     */

    @DeadlineHandler(deadlineName = CASE_DUE)
    void caseDue(CaseDue due, WorkingCalendar calendar) {
        if (status == Status.ACCEPTED && pausedSince == null && !overdue && due.dueDate().equals(dueDate)) {
            apply(new BundleCaseBecameOverdueEvent(caseId, dueDate, calendar.endOf(dueDate)));
        }
    }

    @DeadlineHandler(deadlineName = ITEM_DUE)
    void itemDue(ItemDue due, WorkingCalendar calendar) {
        Item item = items.get(due.itemSeq());
        if (status == Status.ACCEPTED && pausedSince == null && item != null && item.running() && !item.overdue()
                && due.dueDate().equals(item.dueDate())) {
            apply(new ItemBecameOverdueEvent(caseId, item.seq(), item.responsibleUnit(), item.dueDate(),
                    calendar.endOf(item.dueDate())));
        }
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
    void on(BundleCaseSubmittedEvent event) {
        caseId = event.caseId();
        bundleCode = event.bundleCode();
        leadUnit = event.leadUnit();
        divisionCode = event.divisionCode();
        hallCode = event.hallCode();
        submittedAt = event.businessTime();
        status = Status.SUBMITTED;
        event.items().forEach(item -> items.put(item.seq(), new Item(item.seq(), item.responsibleUnit())));
    }

    @EventSourcingHandler
    void on(BundleCaseAcceptedEvent event) {
        status = Status.ACCEPTED;
        dueDate = event.dueDate();
    }

    @EventSourcingHandler
    void on(BundleCaseAcceptanceRefusedEvent event) {
        status = Status.REFUSED;
    }

    @EventSourcingHandler
    void on(SupplementRequestedEvent event) {
        pausedSince = event.businessTime().atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    @EventSourcingHandler
    void on(SupplementSuppliedEvent event) {
        pausedSince = null;
        if (event.dueDate() != null) {
            dueDate = event.dueDate();
        }
        event.itemDeadlines().forEach(deadline -> items.computeIfPresent(deadline.itemSeq(),
                (seq, item) -> item.dispatchedUntil(deadline.dueDate())));
    }

    @EventSourcingHandler
    void on(ItemDispatchedEvent event) {
        items.computeIfPresent(event.itemSeq(), (seq, item) -> item.dispatchedUntil(event.dueDate()));
    }

    @EventSourcingHandler
    void on(ItemApprovedEvent event) {
        items.computeIfPresent(event.itemSeq(), (seq, item) -> item.decided(Decision.APPROVED));
    }

    @EventSourcingHandler
    void on(ItemRejectedEvent event) {
        items.computeIfPresent(event.itemSeq(), (seq, item) -> item.decided(Decision.REJECTED));
    }

    @EventSourcingHandler
    void on(ItemBecameOverdueEvent event) {
        items.computeIfPresent(event.itemSeq(), (seq, item) -> item.becameOverdue());
    }

    @EventSourcingHandler
    void on(BundleCaseBecameOverdueEvent event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(VisitRecordedEvent event) {
        visits = event.visitNumber();
    }

    @EventSourcingHandler
    void on(BundleCaseConcludedEvent event) {
        status = Status.CONCLUDED;
    }

    @EventSourcingHandler
    void on(ResultDeliveredEvent event) {
        resultDelivered = true;
    }

    @EventSourcingHandler
    void on(BundleCaseWithdrawnEvent event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(BundleCaseTransferredEvent event) {
        divisionCode = event.toDivisionCode();
        hallCode = event.toHallCode();
    }

    @EventSourcingHandler
    void on(ComplaintLodgedEvent event) {
        complaintsResolved.put(event.complaintId(), false);
    }

    @EventSourcingHandler
    void on(ComplaintResolvedEvent event) {
        complaintsResolved.put(event.complaintId(), true);
    }

    @EventSourcingHandler
    void on(ServiceRatedEvent event) {
        rated = true;
    }

    private Item decidableItem(int seq, String actingUnit, UnitDirectory units, String verb) {
        Item item = item(seq);
        if (!units.mayActAs(actingUnit, item.responsibleUnit(), divisionCode)) {
            throw new UnitNotAllowedException(actingUnit, verb + " item " + seq,
                    "only its responsible unit " + item.responsibleUnit() + " decides item " + seq);
        }
        requireStatus(verb + " an item", Status.ACCEPTED);
        requireNotPaused(verb + " an item");
        if (!item.dispatched()) {
            throw new CaseStateException("ITEM_NOT_DISPATCHED", "decide-after-dispatch",
                    "Item " + seq + " has not been dispatched");
        }
        if (item.decision() != null) {
            throw new CaseStateException("ITEM_" + item.decision(), "decide-once",
                    "Item " + seq + " was already " + item.decision().name().toLowerCase());
        }
        return item;
    }

    private Item item(int seq) {
        Item item = items.get(seq);
        if (item == null) {
            throw new IllegalArgumentException("itemSeq: bundle " + bundleCode + " has no item " + seq
                    + " (items 1.." + items.size() + ")");
        }
        return item;
    }

    private void requireLeadUnit(UnitDirectory units, String actingUnit, String action) {
        requireKnownUnit(units, actingUnit);
        if (!units.mayActAs(actingUnit, leadUnit, divisionCode)) {
            throw new UnitNotAllowedException(actingUnit, action,
                    "only the lead unit " + leadUnit + " (or its counterpart in division " + divisionCode + ") may "
                            + action);
        }
    }

    private static void requireKnownUnit(UnitDirectory units, String unit) {
        if (unit == null || !units.exists(unit)) {
            throw new IllegalArgumentException("actingUnit: no unit " + unit);
        }
    }

    private void requireStatus(String action, Status... allowed) {
        if (status.ended()) {
            throw ended(action);
        }
        if (!List.of(allowed).contains(status)) {
            throw new CaseStateException(status.name(), action.replace(' ', '-') + "-requires-" + allowed[0],
                    "Cannot " + action + " while the case is " + status);
        }
    }

    private void requireNotEnded(String action) {
        if (status.ended()) {
            throw ended(action);
        }
    }

    private void requireNotPaused(String action) {
        if (pausedSince != null) {
            throw new CaseStateException("SUPPLEMENT_REQUESTED", "clock-paused-for-supplement",
                    "Cannot " + action + " while supplementary materials requested on " + pausedSince
                            + " are outstanding");
        }
    }

    private void requireOpenComplaint(String complaintId) {
        Boolean resolved = complaintsResolved.get(complaintId);
        if (resolved == null) {
            throw new IllegalArgumentException("complaintId: no complaint " + complaintId + " on case " + caseId);
        }
        if (resolved) {
            throw new CaseStateException("COMPLAINT_RESOLVED", "complaint-resolved-once",
                    "Complaint " + complaintId + " is already resolved");
        }
    }

    private CaseStateException ended(String action) {
        return new CaseStateException(status.name(), "ended-case-takes-only-complaints-and-ratings",
                "Cannot " + action + ": the case is " + status + "; it takes only complaints, ratings, result "
                        + "delivery and collection visits");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    private static String unitCode(UnitDirectory units, String printedName) {
        return units.codeOfPrintedName(printedName).orElseThrow(() -> new IllegalStateException(
                "The catalog names unit " + printedName + ", which the reference data does not know"));
    }

    // Axon rebuilds the aggregate from its events through this constructor.
    BundleCase() {
    }

    /** Where a case stands. */
    enum Status {
        SUBMITTED, ACCEPTED, REFUSED, CONCLUDED, WITHDRAWN;

        boolean ended() {
            return this == REFUSED || this == CONCLUDED || this == WITHDRAWN;
        }
    }

    private enum Decision { APPROVED, REJECTED }

    /** The deadline payload of the case's clock. */
    record CaseDue(LocalDate dueDate) {
    }

    /** The deadline payload of one item's clock. */
    record ItemDue(int itemSeq, LocalDate dueDate) {
    }

    /** One item's state; replaced, never mutated, so that the aggregate's state compares by value. */
    private record Item(int seq, String responsibleUnit, boolean dispatched, LocalDate dueDate, Decision decision,
                        boolean overdue) {

        private Item(int seq, String responsibleUnit) {
            this(seq, responsibleUnit, false, null, null, false);
        }

        private boolean running() {
            return dispatched && decision == null;
        }

        private Item dispatchedUntil(LocalDate due) {
            return new Item(seq, responsibleUnit, true, due, decision, overdue);
        }

        private Item decided(Decision newDecision) {
            return new Item(seq, responsibleUnit, dispatched, dueDate, newDecision, overdue);
        }

        private Item becameOverdue() {
            return new Item(seq, responsibleUnit, dispatched, dueDate, decision, true);
        }
    }
}
