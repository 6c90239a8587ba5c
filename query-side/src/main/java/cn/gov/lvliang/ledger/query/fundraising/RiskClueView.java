package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the risk-clue ledger (风险线索台账), as the list and the detail show it. Times are business times except
 * {@code firstRecordedAt}/{@code lastRecordedAt}, when the events were stored. The reporter appears only as the fact
 * that there is one and whether it is anonymous (举报人保护).
 *
 * @param clueId                  the clue
 * @param recordingUnit           the code of the unit that recorded it
 * @param recordingUnitName       that unit's name, if the reference data knows it
 * @param source                  where it came from
 * @param divisionCode            the county-level division it concerns
 * @param divisionName            that division's name
 * @param keyArea                 the key area
 * @param subjectKind             an enterprise, an organisation or a person
 * @param subjectName             whom it is about
 * @param subjectCreditCode       an enterprise's or organisation's unified social credit code, or {@code null}
 * @param summary                 what was found or reported
 * @param estimatedAmountFen      the estimated amount raised, in fen, or {@code null}
 * @param estimatedAmountYuan     the same in yuan, exact
 * @param estimatedParticipants   the estimated participants, or {@code null}
 * @param reported                whether a reporter (a public report or a petition) is behind it
 * @param reporterAnonymous       whether that reporter is anonymous; {@code null} without a reporter
 * @param status                  where it stands
 * @param recordedAt              when it was recorded
 * @param assignedUnit            the unit verifying it (the latest assignment), or {@code null}
 * @param assignedUnitName        that unit's name
 * @param assignedAt              when the latest assignment was made
 * @param assignments             how many times the verification was assigned
 * @param verificationWorkingDays the working days the latest assignment allows
 * @param verificationDueDate     the last day the latest assignment is on time
 * @param overdue                 whether a verification of the clue ever passed its due date without an outcome
 * @param overdueAt               when it last did
 * @param verifiedAt              when the outcome was recorded
 * @param verifiedBy              the unit that recorded it
 * @param outcome                 what the verification found
 * @param verificationNotes       how it verified and what it saw
 * @param duplicateOf             the clue this one repeats
 * @param markedDuplicateAt       when it was marked a duplicate
 * @param duplicateNote           why
 * @param rewarded                whether the reporter was rewarded (举报奖励)
 * @param rewardFen               the reward in fen
 * @param rewardYuan              the reward in yuan
 * @param rewardedAt              when the reward was granted
 * @param caseId                  the disposal case it was taken into
 * @param takenIntoCaseAt         when
 * @param endedAt                 when the clue ended (no risk, duplicate, or taken into a case)
 * @param firstRecordedAt         when its first event was stored
 * @param lastRecordedAt          when its last event was stored
 * @param lastEventSequence       the clue's sequence number of the last event applied
 */
public record RiskClueView(
        String clueId,
        String recordingUnit,
        String recordingUnitName,
        ClueSource source,
        String divisionCode,
        String divisionName,
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
        String assignedUnitName,
        Instant assignedAt,
        int assignments,
        Integer verificationWorkingDays,
        LocalDate verificationDueDate,
        boolean overdue,
        Instant overdueAt,
        Instant verifiedAt,
        String verifiedBy,
        VerificationOutcome outcome,
        String verificationNotes,
        String duplicateOf,
        Instant markedDuplicateAt,
        String duplicateNote,
        boolean rewarded,
        Long rewardFen,
        BigDecimal rewardYuan,
        Instant rewardedAt,
        String caseId,
        Instant takenIntoCaseAt,
        Instant endedAt,
        Instant firstRecordedAt,
        Instant lastRecordedAt,
        long lastEventSequence) {
}
