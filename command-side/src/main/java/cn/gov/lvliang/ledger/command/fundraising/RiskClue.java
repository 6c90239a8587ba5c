package cn.gov.lvliang.ledger.command.fundraising;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.infra.IdentityNumbers;
import cn.gov.lvliang.ledger.command.infra.OutOfScopeException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.fundraising.AssignClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.MarkClueDuplicateCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordRiskClueCommand;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.RewardClueReporterCommand;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueMarkedDuplicateEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueReporterRewardedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueTakenIntoCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationAssignedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerifiedEvent;
import cn.gov.lvliang.ledger.events.fundraising.TakeClueIntoCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
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
 * One entry of the risk-clue ledger (风险线索台账), from its recording to its end: verified as no risk, found to be a
 * duplicate, or taken into a disposal case. Keeps the verification's clock as a persistent deadline.
 */
@Aggregate
class RiskClue {

    static final String VERIFICATION_DUE = "risk-clue-verification-due";

    /** The sources that have a reporter: a member of the public, or a petitioner. */
    private static final Set<ClueSource> REPORTED = Set.of(ClueSource.PUBLIC_REPORT, ClueSource.PETITION);

    @AggregateIdentifier
    private String clueId;
    private String divisionCode;
    private Instant recordedAt;
    private Status status;
    private VerificationOutcome outcome;
    private String assignedUnit;
    private LocalDate dueDate;
    private boolean overdue;
    private Reporter reporter;
    private boolean rewarded;
    private String caseId;

    @CommandHandler
    RiskClue(RecordRiskClueCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        businessTime.check(command.businessTime());
        roles.requireKnownUnit(command.recordingUnit(), "recordingUnit");
        roles.requireDivision(command.divisionCode(), "divisionCode");
        require(command.source() != null, "source: must not be null");
        require(command.keyArea() != null, "keyArea: must not be null");
        Subjects.check(command.subject(), "subject");
        requireText(command.summary(), "summary");
        IdentityNumbers.requireNone(command.summary(), "summary");
        require(command.estimatedAmountFen() == null || command.estimatedAmountFen() >= 0,
                "estimatedAmountFen: must not be negative");
        require(command.estimatedParticipants() == null || command.estimatedParticipants() >= 0,
                "estimatedParticipants: must not be negative");
        checkReporter(command.source(), command.reporter());
        apply(new RiskClueRecordedEvent(command.clueId(), command.recordingUnit(), command.source(),
                command.divisionCode(), command.keyArea(), command.subject(), command.summary(),
                command.estimatedAmountFen(), command.estimatedParticipants(), command.reporter(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(AssignClueVerificationCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                WorkingCalendar calendar, FundraisingSettings settings, DeadlineManager deadlines,
                DeadlinePolicy deadlinePolicy) {
        requireLead(roles, command.actingUnit(), "assign the verification");
        requireStatus("assign the verification", Status.RECORDED, Status.ASSIGNED);
        businessTime.check(command.businessTime(), recordedAt);
        roles.requireKnownUnit(command.assignedUnit(), "assignedUnit");
        int days = settings.clueVerification().workingDays();
        LocalDate due = calendar.addWorkingDays(calendar.dateOf(command.businessTime()), days);
        apply(new RiskClueVerificationAssignedEvent(clueId, command.actingUnit(), command.assignedUnit(), days, due,
                command.businessTime()));
        deadlines.schedule(deadlinePolicy.fireAt(calendar.endOf(due)), VERIFICATION_DUE,
                new VerificationDue(command.assignedUnit(), due));
    }

    @CommandHandler
    void handle(RecordClueVerificationCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        if (status == Status.RECORDED) {
            throw new CaseStateException(status.name(), "verify-after-assignment",
                    "The verification of clue " + clueId + " has not been assigned to a unit");
        }
        requireStatus("record the verification", Status.ASSIGNED);
        if (!roles.actsAs(command.actingUnit(), assignedUnit, divisionCode)) {
            throw new UnitNotAllowedException(command.actingUnit(), "record the verification",
                    "only the assigned unit " + assignedUnit + " (or its counterpart in division " + divisionCode
                            + ") verifies this clue");
        }
        businessTime.check(command.businessTime(), recordedAt);
        require(command.outcome() != null, "outcome: must not be null");
        requireText(command.notes(), "notes");
        apply(new RiskClueVerifiedEvent(clueId, command.actingUnit(), command.outcome(), command.notes(),
                command.businessTime()));
    }

    @CommandHandler
    void handle(MarkClueDuplicateCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime,
                LedgerLookup ledger) {
        requireLead(roles, command.actingUnit(), "mark the clue a duplicate");
        requireNotEnded("mark the clue a duplicate");
        businessTime.check(command.businessTime(), recordedAt);
        require(!clueId.equals(command.duplicateOfClueId()), "duplicateOfClueId: a clue cannot repeat itself");
        require(ledger.isRiskClue(command.duplicateOfClueId()),
                "duplicateOfClueId: no risk clue " + command.duplicateOfClueId());
        apply(new RiskClueMarkedDuplicateEvent(clueId, command.duplicateOfClueId(), command.actingUnit(),
                command.note(), command.businessTime()));
    }

    @CommandHandler
    void handle(RewardClueReporterCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireLead(roles, command.actingUnit(), "reward the reporter");
        if (reporter == null) {
            throw new CaseStateException(status.name(), "reward-needs-a-reporter",
                    "Clue " + clueId + " has no reporter to reward");
        }
        if (status == Status.DUPLICATE) {
            throw new CaseStateException(status.name(), "no-reward-for-a-duplicate",
                    "Clue " + clueId + " repeats another clue; its reporter is not rewarded");
        }
        if (outcome == null || outcome == VerificationOutcome.NO_RISK) {
            throw new CaseStateException(outcome == null ? status.name() : "VERIFIED_NO_RISK",
                    "reward-after-risk-verified",
                    "A reward follows a verification that found a risk; clue " + clueId + " is "
                            + (outcome == null ? "not verified" : "verified as no risk"));
        }
        if (PersonalData.ERASED.equals(reporter.handle())) {
            throw new CaseStateException(status.name(), "reporter-erased", "The personal data of the reporter of clue "
                    + clueId + " was erased; the reporter can no longer be told apart to be rewarded");
        }
        if (rewarded) {
            throw new CaseStateException(status.name(), "reward-once", "The reporter of clue " + clueId
                    + " was already rewarded");
        }
        businessTime.check(command.businessTime(), recordedAt);
        require(command.amountFen() > 0, "amountFen: a reward must be positive");
        apply(new RiskClueReporterRewardedEvent(clueId, command.actingUnit(), reporter.handle(), reporter.anonymous(),
                command.amountFen(), command.note(), command.businessTime()));
    }

    @CommandHandler
    void handle(TakeClueIntoCaseCommand command, FundraisingRoles roles, BusinessTimePolicy businessTime) {
        requireLead(roles, command.actingUnit(), "take the clue into a case");
        if (status == Status.TAKEN_INTO_CASE) {
            throw new CaseStateException(status.name(), "clue-taken-once",
                    "Clue " + clueId + " was already taken into case " + caseId);
        }
        requireNotEnded("take the clue into a case");
        if (status != Status.VERIFIED) {
            throw new CaseStateException(status.name(), "take-verified-risk-into-case",
                    "Clue " + clueId + " is not verified yet; only a clue verified as a risk opens a case");
        }
        businessTime.check(command.businessTime(), recordedAt);
        apply(new RiskClueTakenIntoCaseEvent(clueId, command.caseId(), command.actingUnit(), command.businessTime()));
    }

    /*
     * Deadlines are never cancelled, as in the bundle cases: cancelling races with a deadline that is firing at that
     * moment (common when back-dated history is imported), and would fail the command. Instead each deadline carries
     * the unit and due date it was set for, and does nothing unless the clue is still waiting for that very
     * assignment.
     */

    @DeadlineHandler(deadlineName = VERIFICATION_DUE)
    void verificationDue(VerificationDue due, WorkingCalendar calendar) {
        if (status == Status.ASSIGNED && !overdue && due.assignedUnit().equals(assignedUnit)
                && due.dueDate().equals(dueDate)) {
            apply(new RiskClueVerificationBecameOverdueEvent(clueId, assignedUnit, dueDate, calendar.endOf(dueDate)));
        }
    }

    /** A county-scoped user acts only on the clue of their own county; city-wide users and the ledger itself anywhere. */
    @CommandHandlerInterceptor
    Object withinTheActorsCounty(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object actorDivision = command.getMetaData().get(ActorMetadata.DIVISION);
        if (actorDivision != null && !actorDivision.equals(divisionCode)) {
            throw new OutOfScopeException(command.getMetaData().get(ActorMetadata.USER) + " works for county "
                    + actorDivision + "; this clue belongs to " + divisionCode);
        }
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(RiskClueRecordedEvent event) {
        clueId = event.clueId();
        divisionCode = event.divisionCode();
        recordedAt = event.businessTime();
        reporter = event.reporter();
        status = Status.RECORDED;
    }

    @EventSourcingHandler
    void on(RiskClueVerificationAssignedEvent event) {
        status = Status.ASSIGNED;
        assignedUnit = event.assignedUnit();
        dueDate = event.dueDate();
        overdue = false;
    }

    @EventSourcingHandler
    void on(RiskClueVerificationBecameOverdueEvent event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(RiskClueVerifiedEvent event) {
        status = Status.VERIFIED;
        outcome = event.outcome();
    }

    @EventSourcingHandler
    void on(RiskClueMarkedDuplicateEvent event) {
        status = Status.DUPLICATE;
    }

    @EventSourcingHandler
    void on(RiskClueReporterRewardedEvent event) {
        rewarded = true;
    }

    @EventSourcingHandler
    void on(RiskClueTakenIntoCaseEvent event) {
        status = Status.TAKEN_INTO_CASE;
        caseId = event.caseId();
    }

    private void checkReporter(ClueSource source, Reporter given) {
        if (given == null) {
            require(source != ClueSource.PUBLIC_REPORT,
                    "reporter: a public report carries its reporter's handle, anonymous or not");
            return;
        }
        require(REPORTED.contains(source), "reporter: only a public report or a petition has a reporter, not "
                + source);
        requireText(given.handle(), "reporter.handle");
        require(given.handle().length() <= 64, "reporter.handle: at most 64 characters");
        IdentityNumbers.requireNone(given.handle(), "reporter.handle");
        if (given.anonymous()) {
            require(given.contact() == null, "reporter.contact: an anonymous reporter leaves no contact");
        } else {
            IdentityNumbers.requireNone(given.contact(), "reporter.contact");
        }
    }

    private void requireLead(FundraisingRoles roles, String actingUnit, String action) {
        roles.requireKnownUnit(actingUnit, "actingUnit");
        if (roles.leadLevel(actingUnit, divisionCode).isEmpty()) {
            throw new UnitNotAllowedException(actingUnit, action, "only the lead department "
                    + FundraisingRoles.LEAD + " (or its counterpart in division " + divisionCode + ") may " + action);
        }
    }

    private void requireStatus(String action, Status... allowed) {
        requireNotEnded(action);
        if (!Set.of(allowed).contains(status)) {
            throw new CaseStateException(status.name(), action.replace(' ', '-') + "-requires-" + allowed[0],
                    "Cannot " + action + " while the clue is " + status);
        }
    }

    private void requireNotEnded(String action) {
        if (ended()) {
            String state = status == Status.VERIFIED ? "VERIFIED_NO_RISK" : status.name();
            throw new CaseStateException(state, "ended-clue-takes-no-step",
                    "Cannot " + action + ": clue " + clueId + " has ended (" + state + ")");
        }
    }

    private boolean ended() {
        return status == Status.DUPLICATE || status == Status.TAKEN_INTO_CASE
                || (status == Status.VERIFIED && outcome == VerificationOutcome.NO_RISK);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + ": must not be blank");
    }

    // Axon rebuilds the aggregate from its events through this constructor.
    RiskClue() {
    }

    /** Where a clue stands. */
    enum Status { RECORDED, ASSIGNED, VERIFIED, DUPLICATE, TAKEN_INTO_CASE }

    /** The deadline payload of a verification's clock. */
    record VerificationDue(String assignedUnit, LocalDate dueDate) {
    }
}
