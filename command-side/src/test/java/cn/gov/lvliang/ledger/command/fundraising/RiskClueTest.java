package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.ANONYMOUS;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CASE_ID;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CITY_LEAD;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CITY_MARKET_REGULATION;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CLUE_ID;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.COMPANY;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.FENYANG_LEAD;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN_LEAD;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN_MARKET_REGULATION;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.MONDAY;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.NAMED;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.at;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.clueFixture;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.publicReportRecorded;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.recordPublicReport;
import static org.hamcrest.Matchers.containsString;

import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.events.fundraising.AssignClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
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
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.TakeClueIntoCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule and refusal of a risk clue. Dates are worked out by hand against the official calendar: a verification
 * assigned on Monday 2025-03-03 has 15 working days, 03-04 … 03-07 (4), 03-10 … 03-14 (9), 03-17 … 03-21 (14) and
 * Monday 03-24 (15), so it is due on 2025-03-24 and overdue from its end, 2025-03-24T16:00Z.
 */
class RiskClueTest {

    private static final LocalDate DUE = LocalDate.parse("2025-03-24");

    private AggregateTestFixture<RiskClue> fixture;

    @BeforeEach
    void setUp() {
        fixture = clueFixture();
    }

    private static RiskClueVerificationAssignedEvent assigned() {
        return new RiskClueVerificationAssignedEvent(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, 15, DUE, at(0, 1));
    }

    private static RiskClueVerifiedEvent verified(VerificationOutcome outcome) {
        return new RiskClueVerifiedEvent(CLUE_ID, LIULIN_MARKET_REGULATION, outcome, "实地走访并调取合同", at(7, 0));
    }

    private static RecordRiskClueCommand record(ClueSource source, FundraisingSubject subject, Reporter reporter) {
        return new RecordRiskClueCommand(CLUE_ID, LIULIN_LEAD, source, LIULIN, KeyArea.ELDERLY_CARE, subject,
                "线索摘要", null, null, reporter, MONDAY);
    }

    @Nested
    class Recording {

        @Test
        void aPublicReport_fromAnAnonymousReporter_isRecordedWithTheHandleOnly() {
            fixture.givenNoPriorActivity()
                    .when(recordPublicReport(ANONYMOUS))
                    .expectEvents(publicReportRecorded(ANONYMOUS));
        }

        @Test
        void onlineMonitoring_isRecordedWithoutAReporter() {
            fixture.givenNoPriorActivity()
                    .when(record(ClueSource.ONLINE_MONITORING, COMPANY, null))
                    .expectEvents(new RiskClueRecordedEvent(CLUE_ID, LIULIN_LEAD, ClueSource.ONLINE_MONITORING, LIULIN,
                            KeyArea.ELDERLY_CARE, COMPANY, "线索摘要", null, null, null, MONDAY));
        }

        @Test
        void aPublicReport_withoutAReporter_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(record(ClueSource.PUBLIC_REPORT, COMPANY, null))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("reporter: a public report carries its reporter's handle, anonymous or not");
        }

        @Test
        void aReporter_onABanksReport_isRefused_becauseOnlyThePublicAndPetitionersReport() {
            fixture.givenNoPriorActivity()
                    .when(record(ClueSource.ABNORMAL_FUND_FLOW, COMPANY, NAMED))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void anAnonymousReporter_leavingAContact_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(recordPublicReport(new Reporter(true, "SXFJ-1", "13800000000")))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("reporter.contact: an anonymous reporter leaves no contact");
        }

        @Test
        void aReporterHandle_thatIsAnIdentityNumber_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(recordPublicReport(new Reporter(false, "141125199001011234", null)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void aPerson_withACreditCode_isRefused_soThatNoIdentityNumberIsStored() {
            fixture.givenNoPriorActivity()
                    .when(record(ClueSource.GRID_WORKER,
                            new FundraisingSubject(SubjectKind.PERSON, "王某", "141125199001011234"), null))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void anUnknownDivision_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRiskClueCommand(CLUE_ID, LIULIN_LEAD, ClueSource.GRID_WORKER, "149999",
                            KeyArea.OTHER, COMPANY, "线索摘要", null, null, null, MONDAY))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("divisionCode: no division 149999");
        }

        @Test
        void aBusinessTimeBeforeTheLedgersEarliest_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRiskClueCommand(CLUE_ID, LIULIN_LEAD, ClueSource.GRID_WORKER, LIULIN,
                            KeyArea.OTHER, COMPANY, "线索摘要", null, null, null, Instant.parse("2023-06-01T00:00:00Z")))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class Verification {

        @Test
        void assignment_byTheCountyLead_startsTheClock_andSchedulesTheDueDeadline() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new AssignClueVerificationCommand(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, at(0, 1)))
                    .expectEvents(assigned())
                    .expectScheduledDeadlineWithName(Instant.parse("2025-03-24T16:00:00Z"), RiskClue.VERIFICATION_DUE);
        }

        @Test
        void assignment_overMayDay_skipsTheHolidayAndCountsTheWorkingDays() {
            // Assigned Monday 2025-04-28: 04-29 (1), 04-30 (2), 05-01..05 off, 05-06..09 (6), 05-12..16 (11),
            // 05-19..22 (15): due Thursday 2025-05-22.
            Instant monday = Instant.parse("2025-04-28T02:00:00Z");
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new AssignClueVerificationCommand(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, monday))
                    .expectEvents(new RiskClueVerificationAssignedEvent(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION,
                            15, LocalDate.parse("2025-05-22"), monday));
        }

        @Test
        void assignment_byAnotherCountysLead_isRefused() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new AssignClueVerificationCommand(CLUE_ID, FENYANG_LEAD, LIULIN_MARKET_REGULATION, at(0, 1)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void assignment_byTheCityLead_isAllowedInEveryCounty() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new AssignClueVerificationCommand(CLUE_ID, CITY_LEAD, CITY_MARKET_REGULATION, at(0, 1)))
                    .expectEvents(new RiskClueVerificationAssignedEvent(CLUE_ID, CITY_LEAD, CITY_MARKET_REGULATION, 15,
                            DUE, at(0, 1)));
        }

        @Test
        void deadline_recordsTheVerificationOverdue_atTheEndOfItsDueDate() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(recordPublicReport(ANONYMOUS),
                            new AssignClueVerificationCommand(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, at(0, 1)))
                    .whenTimeAdvancesTo(Instant.parse("2025-03-25T00:00:00Z"))
                    .expectEvents(new RiskClueVerificationBecameOverdueEvent(CLUE_ID, LIULIN_MARKET_REGULATION, DUE,
                            Instant.parse("2025-03-24T16:00:00Z")));
        }

        @Test
        void deadline_recordsNothing_onceTheClueIsVerified() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(recordPublicReport(ANONYMOUS),
                            new AssignClueVerificationCommand(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, at(0, 1)),
                            new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                                    VerificationOutcome.RISK_CONFIRMED, "属实", at(7, 0)))
                    .whenTimeAdvancesTo(Instant.parse("2025-03-25T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void deadline_ofAnEarlierAssignment_recordsNothing_afterTheClueWasReassigned() {
            // Reassigned on Tuesday 03-11 to the city bureau: due 15 working days later, on 2025-04-01. The first
            // assignment's deadline for 03-24 still fires at its time and must not mark the new one overdue.
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(recordPublicReport(ANONYMOUS),
                            new AssignClueVerificationCommand(CLUE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, at(0, 1)),
                            new AssignClueVerificationCommand(CLUE_ID, CITY_LEAD, CITY_MARKET_REGULATION, at(8, 0)))
                    .whenTimeAdvancesTo(Instant.parse("2025-03-25T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void outcome_byTheAssignedUnit_isRecorded() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned())
                    .when(new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.RISK_CONFIRMED, "实地走访并调取合同", at(7, 0)))
                    .expectEvents(verified(VerificationOutcome.RISK_CONFIRMED));
        }

        @Test
        void outcome_byTheCountyCounterpartOfAnAssignedCityUnit_isAllowed() {
            fixture.given(publicReportRecorded(ANONYMOUS), new RiskClueVerificationAssignedEvent(CLUE_ID, CITY_LEAD,
                            CITY_MARKET_REGULATION, 15, DUE, at(0, 1)))
                    .when(new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.NEEDS_DETERMINATION, "需会商研判", at(7, 0)))
                    .expectEvents(new RiskClueVerifiedEvent(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.NEEDS_DETERMINATION, "需会商研判", at(7, 0)));
        }

        @Test
        void outcome_byAnotherUnit_isRefused() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned())
                    .when(new RecordClueVerificationCommand(CLUE_ID, "141125_POLICE",
                            VerificationOutcome.NO_RISK, "无", at(7, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void outcome_beforeAnyAssignment_isRefused() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.NO_RISK, "无", at(7, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aClue_isVerifiedOnce() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.NO_RISK, "复核", at(8, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aVerifiedClue_isNotReassigned() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new AssignClueVerificationCommand(CLUE_ID, LIULIN_LEAD, "141125_POLICE", at(8, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void anOutcome_withoutNotes_isRefused() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned())
                    .when(new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.RISK_CONFIRMED, " ", at(7, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class Duplicates {

        @Test
        void aDuplicate_isLinkedToTheOriginal() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new MarkClueDuplicateCommand(CLUE_ID, "clue-0000", LIULIN_LEAD, "同一举报人重复提交", at(1, 0)))
                    .expectEvents(new RiskClueMarkedDuplicateEvent(CLUE_ID, "clue-0000", LIULIN_LEAD, "同一举报人重复提交",
                            at(1, 0)));
        }

        @Test
        void aDuplicate_hasEnded_andTakesNoVerification() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(),
                            new RiskClueMarkedDuplicateEvent(CLUE_ID, "clue-0000", LIULIN_LEAD, null, at(1, 0)))
                    .when(new RecordClueVerificationCommand(CLUE_ID, LIULIN_MARKET_REGULATION,
                            VerificationOutcome.RISK_CONFIRMED, "属实", at(7, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aClue_cannotRepeatItself() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new MarkClueDuplicateCommand(CLUE_ID, CLUE_ID, LIULIN_LEAD, null, at(1, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void theOriginal_mustBeARiskClue() {
            fixture.given(publicReportRecorded(ANONYMOUS))
                    .when(new MarkClueDuplicateCommand(CLUE_ID, "case-0001", LIULIN_LEAD, null, at(1, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("duplicateOfClueId: no risk clue case-0001");
        }
    }

    @Nested
    class Rewards {

        @Test
        void anAnonymousReporter_isRewardedByHandle_afterTheRiskWasConfirmed() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_LEAD, 200_000L, "举报奖励办法", at(9, 0)))
                    .expectEvents(new RiskClueReporterRewardedEvent(CLUE_ID, LIULIN_LEAD, ANONYMOUS.handle(), true,
                            200_000L, "举报奖励办法", at(9, 0)));
        }

        @Test
        void aClueWithoutAReporter_isNotRewarded() {
            fixture.given(new RiskClueRecordedEvent(CLUE_ID, LIULIN_LEAD, ClueSource.GRID_WORKER, LIULIN,
                            KeyArea.ELDERLY_CARE, COMPANY, "线索摘要", null, null, null, MONDAY), assigned(),
                            verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_LEAD, 200_000L, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aReport_verifiedAsNoRisk_isNotRewarded() {
            fixture.given(publicReportRecorded(NAMED), assigned(), verified(VerificationOutcome.NO_RISK))
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_LEAD, 200_000L, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void anUnverifiedReport_isNotRewardedYet() {
            fixture.given(publicReportRecorded(NAMED), assigned())
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_LEAD, 200_000L, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aReporterWhosePersonalDataWasErased_isNotRewarded() {
            Reporter erased = new Reporter(false, PersonalData.ERASED, PersonalData.ERASED);
            fixture.given(publicReportRecorded(erased), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_LEAD, 200_000L, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class)
                    .expectExceptionMessage(containsString("was erased"));
        }

        @Test
        void aReporter_isRewardedOnce() {
            fixture.given(publicReportRecorded(NAMED), assigned(), verified(VerificationOutcome.RISK_CONFIRMED),
                            new RiskClueReporterRewardedEvent(CLUE_ID, LIULIN_LEAD, NAMED.handle(), false, 200_000L,
                                    null, at(9, 0)))
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_LEAD, 100_000L, null, at(10, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aReward_isGrantedByTheLeadDepartmentOnly() {
            fixture.given(publicReportRecorded(NAMED), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new RewardClueReporterCommand(CLUE_ID, LIULIN_MARKET_REGULATION, 200_000L, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }
    }

    @Nested
    class TakingIntoACase {

        @Test
        void aVerifiedRisk_isTakenIntoTheCase_andEnds() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new TakeClueIntoCaseCommand(CLUE_ID, CASE_ID, LIULIN_LEAD, at(9, 0)))
                    .expectEvents(new RiskClueTakenIntoCaseEvent(CLUE_ID, CASE_ID, LIULIN_LEAD, at(9, 0)));
        }

        @Test
        void anUnverifiedClue_isNotTaken() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned())
                    .when(new TakeClueIntoCaseCommand(CLUE_ID, CASE_ID, LIULIN_LEAD, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aClueVerifiedAsNoRisk_isNotTaken() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.NO_RISK))
                    .when(new TakeClueIntoCaseCommand(CLUE_ID, CASE_ID, LIULIN_LEAD, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aClue_isTakenIntoOneCaseOnly() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.RISK_CONFIRMED),
                            new RiskClueTakenIntoCaseEvent(CLUE_ID, CASE_ID, LIULIN_LEAD, at(9, 0)))
                    .when(new TakeClueIntoCaseCommand(CLUE_ID, "case-0002", LIULIN_LEAD, at(10, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void anotherCountysLead_cannotTakeTheClue() {
            fixture.given(publicReportRecorded(ANONYMOUS), assigned(), verified(VerificationOutcome.RISK_CONFIRMED))
                    .when(new TakeClueIntoCaseCommand(CLUE_ID, CASE_ID, FENYANG_LEAD, at(9, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }
    }
}
