package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueMarkedDuplicateEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueReporterRewardedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueTakenIntoCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationAssignedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerifiedEvent;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.fundraising.ClueStatus;
import cn.gov.lvliang.ledger.query.fundraising.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A risk clue as its own events make it, folded in memory: the auditors' as-of view of a clue of the risk-clue ledger
 * (风险线索台账), which never reads a read model or a snapshot. It follows the rules of the clue read model
 * ({@code RiskClueProjection}): a clue exists from its recording, and an event of a clue not yet recorded is left
 * alone; assigning again hands the verification to another unit and keeps a past overdue on record; an outcome other
 * than no risk leaves the clue open for a case. So the state folded from all of a clue's events agrees with
 * {@code /api/fundraising/clues/{id}} on every field both have; it has, besides, who assigned, marked and rewarded,
 * which the read model keeps but does not show. Like the read model it keeps nothing of the reporter but that there is
 * one and whether anonymous: neither the reporter's handle nor contact (举报人保护).
 *
 * @param clueId                  the clue
 * @param recordingUnit           the unit that recorded it
 * @param source                  where it came from
 * @param divisionCode            the county-level division it concerns
 * @param keyArea                 the key area
 * @param subjectKind             an enterprise, an organisation or a person
 * @param subjectName             whom it is about
 * @param subjectCreditCode       an enterprise's or organisation's unified social credit code, or {@code null}
 * @param summary                 what was found or reported
 * @param estimatedAmountFen      the estimated amount raised, in fen, or {@code null}
 * @param estimatedAmountYuan     the same in yuan, exact
 * @param estimatedParticipants   the estimated participants, or {@code null}
 * @param reported                whether a reporter is behind it
 * @param reporterAnonymous       whether that reporter is anonymous; {@code null} without a reporter
 * @param status                  where it stands; absent before its recording
 * @param recordedAt              when it was recorded
 * @param assignedUnit            the unit verifying it (the latest assignment)
 * @param assignedBy              the unit that made the latest assignment
 * @param assignedAt              when
 * @param assignments             how many times the verification was assigned
 * @param verificationWorkingDays the working days the latest assignment allows
 * @param verificationDueDate     the last day the latest assignment is on time
 * @param overdue                 whether a verification ever passed its due date without an outcome
 * @param overdueAt               when it last did
 * @param overdueDueDate          the due date that passed
 * @param verifiedAt              when the outcome was recorded
 * @param verifiedBy              the unit that recorded it
 * @param outcome                 what the verification found
 * @param verificationNotes       how it verified and what it saw
 * @param duplicateOf             the clue this one repeats
 * @param markedDuplicateAt       when it was marked a duplicate
 * @param markedDuplicateBy       by which unit
 * @param duplicateNote           why
 * @param rewarded                whether the reporter was rewarded (举报奖励)
 * @param rewardFen               the reward in fen
 * @param rewardYuan              the same in yuan
 * @param rewardedAt              when the reward was granted
 * @param rewardedBy              by which unit
 * @param caseId                  the disposal case it was taken into
 * @param takenIntoCaseAt         when
 * @param endedAt                 when the clue ended (no risk, duplicate, or taken into a case)
 */
public record RiskClueState(
        String clueId,
        String recordingUnit,
        ClueSource source,
        String divisionCode,
        KeyArea keyArea,
        SubjectKind subjectKind,
        String subjectName,
        String subjectCreditCode,
        String summary,
        Long estimatedAmountFen,
        BigDecimal estimatedAmountYuan,
        Integer estimatedParticipants,
        boolean reported,
        Boolean reporterAnonymous,
        ClueStatus status,
        Instant recordedAt,
        String assignedUnit,
        String assignedBy,
        Instant assignedAt,
        int assignments,
        Integer verificationWorkingDays,
        LocalDate verificationDueDate,
        boolean overdue,
        Instant overdueAt,
        LocalDate overdueDueDate,
        Instant verifiedAt,
        String verifiedBy,
        VerificationOutcome outcome,
        String verificationNotes,
        String duplicateOf,
        Instant markedDuplicateAt,
        String markedDuplicateBy,
        String duplicateNote,
        boolean rewarded,
        Long rewardFen,
        BigDecimal rewardYuan,
        Instant rewardedAt,
        String rewardedBy,
        String caseId,
        Instant takenIntoCaseAt,
        Instant endedAt) implements CaseState {

    /** The state the given events make, applied in the order given. A pure function of the list. */
    public static RiskClueState fold(List<? extends RiskClueEvent> events) {
        Fold fold = new Fold();
        for (RiskClueEvent event : events) {
            fold.apply(event);
        }
        return fold.state();
    }

    /** The fold's working state; only {@link #fold} sees it. */
    private static final class Fold {

        private String clueId;
        private String recordingUnit;
        private ClueSource source;
        private String divisionCode;
        private KeyArea keyArea;
        private SubjectKind subjectKind;
        private String subjectName;
        private String subjectCreditCode;
        private String summary;
        private Long estimatedAmountFen;
        private Integer estimatedParticipants;
        private boolean reported;
        private Boolean reporterAnonymous;
        private ClueStatus status;
        private Instant recordedAt;
        private String assignedUnit;
        private String assignedBy;
        private Instant assignedAt;
        private int assignments;
        private Integer verificationWorkingDays;
        private LocalDate verificationDueDate;
        private boolean overdue;
        private Instant overdueAt;
        private LocalDate overdueDueDate;
        private Instant verifiedAt;
        private String verifiedBy;
        private VerificationOutcome outcome;
        private String verificationNotes;
        private String duplicateOf;
        private Instant markedDuplicateAt;
        private String markedDuplicateBy;
        private String duplicateNote;
        private boolean rewarded;
        private Long rewardFen;
        private Instant rewardedAt;
        private String rewardedBy;
        private String caseId;
        private Instant takenIntoCaseAt;
        private Instant endedAt;

        void apply(RiskClueEvent event) {
            RiskClueEventKind kind = RiskClueEventKind.of(event);
            // As in the read model: the recording makes the clue, once; nothing applies to a clue not yet recorded.
            boolean recording = kind == RiskClueEventKind.RECORDED;
            if (recording && clueId != null || !recording && clueId == null) {
                return;
            }
            // A switch expression over the enum, without a default: the compiler wants a branch for every kind.
            Runnable step = switch (kind) {
                case RECORDED -> () -> recorded((RiskClueRecordedEvent) event);
                case VERIFICATION_ASSIGNED -> () -> assigned((RiskClueVerificationAssignedEvent) event);
                case VERIFICATION_BECAME_OVERDUE -> () -> overdue((RiskClueVerificationBecameOverdueEvent) event);
                case VERIFIED -> () -> verified((RiskClueVerifiedEvent) event);
                case MARKED_DUPLICATE -> () -> markedDuplicate((RiskClueMarkedDuplicateEvent) event);
                case REPORTER_REWARDED -> () -> rewarded((RiskClueReporterRewardedEvent) event);
                case TAKEN_INTO_CASE -> () -> takenIntoCase((RiskClueTakenIntoCaseEvent) event);
            };
            step.run();
        }

        private void recorded(RiskClueRecordedEvent event) {
            clueId = event.clueId();
            recordingUnit = event.recordingUnit();
            source = event.source();
            divisionCode = event.divisionCode();
            keyArea = event.keyArea();
            subjectKind = event.subject().kind();
            subjectName = event.subject().name();
            subjectCreditCode = event.subject().creditCode();
            summary = event.summary();
            estimatedAmountFen = event.estimatedAmountFen();
            estimatedParticipants = event.estimatedParticipants();
            reported = event.reporter() != null;
            reporterAnonymous = event.reporter() == null ? null : event.reporter().anonymous();
            status = ClueStatus.RECORDED;
            recordedAt = event.businessTime();
        }

        private void assigned(RiskClueVerificationAssignedEvent event) {
            status = ClueStatus.VERIFYING;
            assignedUnit = event.assignedUnit();
            assignedBy = event.actingUnit();
            assignedAt = event.businessTime();
            assignments++;
            verificationWorkingDays = event.workingDays();
            verificationDueDate = event.dueDate();
        }

        private void overdue(RiskClueVerificationBecameOverdueEvent event) {
            overdue = true;
            overdueAt = event.businessTime();
            overdueDueDate = event.dueDate();
        }

        private void verified(RiskClueVerifiedEvent event) {
            boolean noRisk = event.outcome() == VerificationOutcome.NO_RISK;
            status = noRisk ? ClueStatus.NO_RISK : ClueStatus.AWAITING_CASE;
            verifiedAt = event.businessTime();
            verifiedBy = event.actingUnit();
            outcome = event.outcome();
            verificationNotes = event.notes();
            endedAt = noRisk ? event.businessTime() : null;
        }

        private void markedDuplicate(RiskClueMarkedDuplicateEvent event) {
            status = ClueStatus.DUPLICATE;
            duplicateOf = event.duplicateOfClueId();
            markedDuplicateAt = event.businessTime();
            markedDuplicateBy = event.actingUnit();
            duplicateNote = event.note();
            endedAt = event.businessTime();
        }

        private void rewarded(RiskClueReporterRewardedEvent event) {
            // The reporter's handle stays in the event store: the state shows that a reward was granted, not to whom.
            rewarded = true;
            rewardFen = event.amountFen();
            rewardedAt = event.businessTime();
            rewardedBy = event.actingUnit();
        }

        private void takenIntoCase(RiskClueTakenIntoCaseEvent event) {
            status = ClueStatus.IN_CASE;
            caseId = event.caseId();
            takenIntoCaseAt = event.businessTime();
            endedAt = event.businessTime();
        }

        RiskClueState state() {
            return new RiskClueState(clueId, recordingUnit, source, divisionCode, keyArea, subjectKind, subjectName,
                    subjectCreditCode, summary, estimatedAmountFen, Money.yuan(estimatedAmountFen),
                    estimatedParticipants, reported, reporterAnonymous, status, recordedAt, assignedUnit, assignedBy,
                    assignedAt, assignments, verificationWorkingDays, verificationDueDate, overdue, overdueAt,
                    overdueDueDate, verifiedAt, verifiedBy, outcome, verificationNotes, duplicateOf,
                    markedDuplicateAt, markedDuplicateBy, duplicateNote, rewarded, rewardFen, Money.yuan(rewardFen),
                    rewardedAt, rewardedBy, caseId, takenIntoCaseAt, endedAt);
        }
    }
}
