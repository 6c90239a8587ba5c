package cn.gov.lvliang.ledger.command.bundle;

import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.CASE_ID;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.CATALOG;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.CITY_APPROVAL;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.CITY_HRSS;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.CITY_MEDICAL_SECURITY;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.FENYANG_HALL;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.FENYANG_HRSS;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.FLEXIBLE_EMPLOYMENT;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.LISHI;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.LISHI_HALL;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.LISHI_HRSS;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.LISHI_ONE_THING_WINDOW;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.MONDAY;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.PERSON;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.at;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.fixture;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.submitAtWindow;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.submitOnline;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.submittedOnline;

import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.events.bundle.AcceptBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.ApproveItemCommand;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.ConcludeBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliverResultCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
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
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.events.bundle.WithdrawBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule and every refusal of a bundle case. Dates are worked out by hand against the official calendar: the
 * sample case is accepted on Monday 2024-09-02 with a limit of five working days, so it is due on Monday 2024-09-09
 * (09-03, 04, 05, 06, 09) and at risk from Friday 2024-09-06 (one working day before).
 */
class BundleCaseTest {

    private static final LocalDate DUE = LocalDate.parse("2024-09-09");
    private static final LocalDate AT_RISK_FROM = LocalDate.parse("2024-09-06");

    private AggregateTestFixture<BundleCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static BundleCaseAcceptedEvent accepted() {
        return new BundleCaseAcceptedEvent(CASE_ID, CITY_HRSS, 5, DUE, AT_RISK_FROM, at(0, 1));
    }

    /** Item 1 dispatched on Tuesday 09-03 with three working days: due Friday 09-06. */
    private static ItemDispatchedEvent dispatched(int seq, String unit) {
        return new ItemDispatchedEvent(CASE_ID, CITY_HRSS, seq, unit, 3, LocalDate.parse("2024-09-06"), at(1, 0));
    }

    /** Submitted, accepted, all six items dispatched; item 4 belongs to 市医保局. */
    private static List<Object> allDispatched() {
        List<Object> events = new ArrayList<>(List.of(submittedOnline(), accepted()));
        submittedOnline().items().forEach(item -> events.add(dispatched(item.seq(), item.responsibleUnit())));
        return events;
    }

    private static List<Object> allDecided() {
        List<Object> events = allDispatched();
        submittedOnline().items().forEach(item -> events.add(item.seq() == 6
                ? new ItemRejectedEvent(CASE_ID, item.responsibleUnit(), 6, "未达到申报条件", at(3, 0))
                : new ItemApprovedEvent(CASE_ID, item.responsibleUnit(), item.seq(), "R-" + item.seq(), at(3, 0))));
        return events;
    }

    @Nested
    class Submission {

        @Test
        void atAWindow_recordsTheSubmissionWithTheCatalogsLeadUnitAndItems_andTheFirstVisit() {
            fixture.givenNoPriorActivity()
                    .when(submitAtWindow(FLEXIBLE_EMPLOYMENT))
                    .expectEvents(
                            new BundleCaseSubmittedEvent(CASE_ID, FLEXIBLE_EMPLOYMENT, CATALOG.version(), CITY_HRSS,
                                    BundleCaseTestData.flexibleEmploymentItems(), PERSON, LISHI, LISHI_HALL,
                                    Channel.WINDOW, LISHI_ONE_THING_WINDOW, MONDAY),
                            new VisitRecordedEvent(CASE_ID, 1, LISHI_HALL, LISHI_ONE_THING_WINDOW,
                                    VisitPurpose.SUBMISSION, MONDAY));
        }

        @Test
        void online_recordsNoVisit() {
            fixture.givenNoPriorActivity()
                    .when(submitOnline())
                    .expectEvents(submittedOnline());
        }

        @Test
        void isRejected_whenTheBundleIsNotInTheCatalog() {
            fixture.givenNoPriorActivity()
                    .when(submitAtWindow("2099-01"))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("bundleCode: no bundle 2099-01 in catalog version " + CATALOG.version());
        }

        @Test
        void isRejected_underAnotherCatalogVersion() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitBundleCaseCommand(CASE_ID, FLEXIBLE_EMPLOYMENT, CATALOG.version() + 1, PERSON,
                            LISHI, null, Channel.ONLINE_PLATFORM, null, MONDAY))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void isRejected_whenBackDatedBeforeTheLedgersEarliestBusinessTime() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitBundleCaseCommand(CASE_ID, FLEXIBLE_EMPLOYMENT, CATALOG.version(), PERSON, LISHI,
                            null, Channel.ONLINE_PLATFORM, null, Instant.parse("2023-06-01T00:00:00Z")))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void isRejected_whenDatedInTheFuture() {
            // The test clock stands at 2024-10-31T00:00Z; five minutes of skew are allowed, an hour is not.
            fixture.givenNoPriorActivity()
                    .when(new SubmitBundleCaseCommand(CASE_ID, FLEXIBLE_EMPLOYMENT, CATALOG.version(), PERSON, LISHI,
                            null, Channel.ONLINE_PLATFORM, null, Instant.parse("2024-10-31T01:00:00Z")))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class Acceptance {

        @Test
        void byTheLeadUnit_startsTheClock_andSchedulesTheDueDeadline() {
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)))
                    .expectEvents(accepted())
                    // The case is due at the end of Monday 09-09 in Beijing: 2024-09-09T16:00Z.
                    .expectScheduledDeadlineWithName(Instant.parse("2024-09-09T16:00:00Z"), BundleCase.CASE_DUE);
        }

        @Test
        void byTheLeadUnitsCountyCounterpart_isAllowedInItsOwnCounty() {
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, LISHI_HRSS, at(0, 1)))
                    .expectEvents(new BundleCaseAcceptedEvent(CASE_ID, LISHI_HRSS, 5, DUE, AT_RISK_FROM, at(0, 1)));
        }

        @Test
        void isRefused_forAUnitThatDoesNotLeadTheBundle() {
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, CITY_APPROVAL, at(0, 1)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void isRefused_forTheCounterpartOfAnotherCounty() {
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, FENYANG_HRSS, at(0, 1)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void isRefused_forAnUnknownUnit() {
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, "NO_SUCH_UNIT", at(0, 1)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void isRefused_twice() {
            fixture.given(submittedOnline(), accepted())
                    .when(new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 2)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void isRefused_whenDatedBeforeTheSubmission() {
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, MONDAY.minusSeconds(60)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void overTheMidAutumnHoliday_countsTheMakeUpSaturdayAndSkipsTheHoliday() {
            // Accepted Friday 2024-09-13: 09-14 (make-up Saturday) 1, 09-15..17 off, 18 2, 19 3, 20 4, 23 5.
            Instant friday = Instant.parse("2024-09-13T02:00:00Z");
            fixture.given(submittedOnline())
                    .when(new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, friday))
                    .expectEvents(new BundleCaseAcceptedEvent(CASE_ID, CITY_HRSS, 5, LocalDate.parse("2024-09-23"),
                            LocalDate.parse("2024-09-20"), friday));
        }

        @Test
        void refusal_isRecordedAsAnEventWithItsReason() {
            fixture.given(submittedOnline())
                    .when(new RefuseBundleCaseCommand(CASE_ID, CITY_HRSS, "不属于本事项受理范围", at(0, 1)))
                    .expectEvents(new BundleCaseAcceptanceRefusedEvent(CASE_ID, CITY_HRSS, "不属于本事项受理范围",
                            at(0, 1)));
        }

        @Test
        void refusal_needsAReason() {
            fixture.given(submittedOnline())
                    .when(new RefuseBundleCaseCommand(CASE_ID, CITY_HRSS, " ", at(0, 1)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void refusal_isOnlyTheLeadUnits() {
            fixture.given(submittedOnline())
                    .when(new RefuseBundleCaseCommand(CASE_ID, CITY_MEDICAL_SECURITY, "理由", at(0, 1)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void afterRefusal_theCaseTakesNoFurtherStep() {
            fixture.given(submittedOnline(), new BundleCaseAcceptanceRefusedEvent(CASE_ID, CITY_HRSS, "理由", at(0, 1)))
                    .when(new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 2)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }

    @Nested
    class Supplements {

        private final SupplementRequestedEvent requested = new SupplementRequestedEvent(CASE_ID, CITY_HRSS,
                List.of("身份证复印件"), "复印件不清晰", at(2, 0));

        @Test
        void request_pausesTheClock() {
            fixture.givenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)))
                    .when(new RequestSupplementCommand(CASE_ID, CITY_HRSS, List.of("身份证复印件"), "复印件不清晰",
                            at(2, 0)))
                    .expectEvents(requested);
        }

        @Test
        void theDeadlineOfTheDueDateBeforeThePause_doesNothingAfterTheSupply() {
            // Paused 09-04, supplied 09-05 (one working day): the case is now due 09-10. The old deadline for 09-09
            // still fires at its time, and must not mark the case overdue.
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)),
                            new RequestSupplementCommand(CASE_ID, CITY_HRSS, List.of("户口簿"), null, at(2, 0)),
                            new SupplySupplementCommand(CASE_ID, List.of("户口簿"), at(3, 0)))
                    .whenTimeAdvancesTo(Instant.parse("2024-09-10T08:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void whilePaused_theCaseCannotBeConcludedOrDispatched() {
            fixture.given(submittedOnline(), accepted(), requested)
                    .when(new DispatchItemCommand(CASE_ID, CITY_HRSS, 1, at(2, 1)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void supply_movesEveryRunningDueDateByThePausedWorkingDays() {
            // Paused from Wednesday 09-04 to Tuesday 09-10: 09-05, 06, 09, 10 = 4 working days. The case moves from
            // 09-09 to 09-13 (at risk from 09-12), the dispatched item 1 from 09-06 to 09-12.
            fixture.given(submittedOnline(), accepted(), dispatched(1, CITY_HRSS), requested)
                    .when(new SupplySupplementCommand(CASE_ID, List.of("身份证复印件"), at(8, 0)))
                    .expectEvents(new SupplementSuppliedEvent(CASE_ID, List.of("身份证复印件"), 4,
                            LocalDate.parse("2024-09-13"), LocalDate.parse("2024-09-12"),
                            List.of(new ItemDeadline(1, LocalDate.parse("2024-09-12"))), at(8, 0)))
                    .expectScheduledDeadlineWithName(Instant.parse("2024-09-13T16:00:00Z"), BundleCase.CASE_DUE)
                    .expectScheduledDeadlineWithName(Instant.parse("2024-09-12T16:00:00Z"), BundleCase.ITEM_DUE);
        }

        @Test
        void supply_isRefused_whenNothingWasRequested() {
            fixture.given(submittedOnline(), accepted())
                    .when(new SupplySupplementCommand(CASE_ID, List.of("身份证复印件"), at(3, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void beforeAcceptance_theSupplyMovesNoDueDate() {
            SupplementRequestedEvent early = new SupplementRequestedEvent(CASE_ID, CITY_HRSS, List.of("户口簿"),
                    null, at(0, 1));
            fixture.given(submittedOnline(), early)
                    .when(new SupplySupplementCommand(CASE_ID, List.of("户口簿"), at(1, 0)))
                    .expectEvents(new SupplementSuppliedEvent(CASE_ID, List.of("户口簿"), 1, null, null, List.of(),
                            at(1, 0)));
        }
    }

    @Nested
    class Items {

        @Test
        void dispatch_startsTheItemsClock() {
            fixture.given(submittedOnline(), accepted())
                    .when(new DispatchItemCommand(CASE_ID, CITY_HRSS, 1, at(1, 0)))
                    .expectEvents(dispatched(1, CITY_HRSS))
                    .expectScheduledDeadlineWithName(Instant.parse("2024-09-06T16:00:00Z"), BundleCase.ITEM_DUE);
        }

        @Test
        void dispatch_isRefused_twice() {
            fixture.given(submittedOnline(), accepted(), dispatched(1, CITY_HRSS))
                    .when(new DispatchItemCommand(CASE_ID, CITY_HRSS, 1, at(1, 1)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void dispatch_isRefused_beforeAcceptance() {
            fixture.given(submittedOnline())
                    .when(new DispatchItemCommand(CASE_ID, CITY_HRSS, 1, at(1, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void dispatch_isRefused_forAnItemTheBundleDoesNotHave() {
            fixture.given(submittedOnline(), accepted())
                    .when(new DispatchItemCommand(CASE_ID, CITY_HRSS, 7, at(1, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void approval_byTheResponsibleUnit_recordsTheResult() {
            fixture.given(submittedOnline(), accepted(), dispatched(4, CITY_MEDICAL_SECURITY))
                    .when(new ApproveItemCommand(CASE_ID, CITY_MEDICAL_SECURITY, 4, "YB-2024-0001", at(2, 0)))
                    .expectEvents(new ItemApprovedEvent(CASE_ID, CITY_MEDICAL_SECURITY, 4, "YB-2024-0001", at(2, 0)));
        }

        @Test
        void approval_isRefused_forAnotherUnit_evenTheLeadUnit() {
            fixture.given(submittedOnline(), accepted(), dispatched(4, CITY_MEDICAL_SECURITY))
                    .when(new ApproveItemCommand(CASE_ID, CITY_HRSS, 4, "X", at(2, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void approval_isRefused_beforeDispatch() {
            fixture.given(submittedOnline(), accepted())
                    .when(new ApproveItemCommand(CASE_ID, CITY_HRSS, 1, "X", at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void decision_isRefused_twice() {
            fixture.given(submittedOnline(), accepted(), dispatched(1, CITY_HRSS),
                            new ItemApprovedEvent(CASE_ID, CITY_HRSS, 1, "R-1", at(2, 0)))
                    .when(new RejectItemCommand(CASE_ID, CITY_HRSS, 1, "改判", at(2, 1)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void rejection_isRecordedAsAnEventWithItsReason() {
            fixture.given(submittedOnline(), accepted(), dispatched(6, "CITY_TAX"))
                    .when(new RejectItemCommand(CASE_ID, "CITY_TAX", 6, "未达到申报条件", at(2, 0)))
                    .expectEvents(new ItemRejectedEvent(CASE_ID, "CITY_TAX", 6, "未达到申报条件", at(2, 0)));
        }

        @Test
        void itemDeadline_recordsTheItemOverdueWhenItPassesUndecided() {
            fixture.givenCurrentTime(at(1, 0))
                    .andGivenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)),
                            new DispatchItemCommand(CASE_ID, CITY_HRSS, 1, at(1, 0)))
                    // Item 1 is due at the end of Friday 09-06; the case itself is due only on 09-09.
                    .whenTimeAdvancesTo(Instant.parse("2024-09-07T00:00:00Z"))
                    .expectEvents(new ItemBecameOverdueEvent(CASE_ID, 1, CITY_HRSS, LocalDate.parse("2024-09-06"),
                            Instant.parse("2024-09-06T16:00:00Z")));
        }

        @Test
        void itemDeadline_recordsNothing_whenTheItemWasDecidedInTime() {
            fixture.givenCurrentTime(at(1, 0))
                    .andGivenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)),
                            new DispatchItemCommand(CASE_ID, CITY_HRSS, 1, at(1, 0)),
                            new ApproveItemCommand(CASE_ID, CITY_HRSS, 1, "R-1", at(2, 0)))
                    .whenTimeAdvancesTo(Instant.parse("2024-09-07T00:00:00Z"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Conclusion {

        @Test
        void isRefused_whileAnItemIsUndecided() {
            fixture.given(allDispatched())
                    .when(new ConcludeBundleCaseCommand(CASE_ID, CITY_HRSS, at(4, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void afterEveryItemIsDecided_recordsTheOutcome() {
            fixture.given(allDecided())
                    .when(new ConcludeBundleCaseCommand(CASE_ID, CITY_HRSS, at(4, 0)))
                    .expectEvents(new BundleCaseConcludedEvent(CASE_ID, CITY_HRSS, CaseOutcome.PARTIALLY_APPROVED, 5,
                            1, at(4, 0)));
        }

        @Test
        void anEndedCase_isNotMadeOverdueByItsDeadline() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)),
                            new WithdrawBundleCaseCommand(CASE_ID, null, at(1, 0)))
                    .whenTimeAdvancesTo(Instant.parse("2024-09-20T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void isOnlyTheLeadUnits() {
            fixture.given(allDecided())
                    .when(new ConcludeBundleCaseCommand(CASE_ID, CITY_MEDICAL_SECURITY, at(4, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void caseDeadline_recordsTheCaseOverdueAtTheEndOfItsDueDate() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)))
                    .whenTimeAdvancesTo(Instant.parse("2024-09-10T00:00:00Z"))
                    .expectEvents(new BundleCaseBecameOverdueEvent(CASE_ID, DUE, Instant.parse("2024-09-09T16:00:00Z")));
        }

        @Test
        void caseDeadline_recordsNothing_whileTheClockIsPaused() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)),
                            new RequestSupplementCommand(CASE_ID, CITY_HRSS, List.of("户口簿"), null, at(2, 0)))
                    .whenTimeAdvancesTo(Instant.parse("2024-09-12T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void resultDelivery_followsTheConclusion_once() {
            List<Object> concluded = allDecided();
            concluded.add(new BundleCaseConcludedEvent(CASE_ID, CITY_HRSS, CaseOutcome.PARTIALLY_APPROVED, 5, 1,
                    at(4, 0)));
            fixture.given(concluded)
                    .when(new DeliverResultCommand(CASE_ID, DeliveryMethod.POSTAL, at(5, 0)))
                    .expectEvents(new ResultDeliveredEvent(CASE_ID, DeliveryMethod.POSTAL, at(5, 0)));

            concluded.add(new ResultDeliveredEvent(CASE_ID, DeliveryMethod.POSTAL, at(5, 0)));
            fixture().given(concluded)
                    .when(new DeliverResultCommand(CASE_ID, DeliveryMethod.AT_WINDOW, at(6, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void resultDelivery_isRefused_beforeConclusion() {
            fixture.given(submittedOnline(), accepted())
                    .when(new DeliverResultCommand(CASE_ID, DeliveryMethod.POSTAL, at(5, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }

    @Nested
    class EndedCases {

        private final BundleCaseWithdrawnEvent withdrawn = new BundleCaseWithdrawnEvent(CASE_ID, "不再需要", at(1, 0));

        @Test
        void withdrawal_endsTheCase() {
            fixture.givenCommands(submitOnline(), new AcceptBundleCaseCommand(CASE_ID, CITY_HRSS, at(0, 1)))
                    .when(new WithdrawBundleCaseCommand(CASE_ID, "不再需要", at(1, 0)))
                    .expectEvents(withdrawn);
        }

        @Test
        void aWithdrawnCase_takesNoMaterials() {
            fixture.given(submittedOnline(), withdrawn)
                    .when(new RecordMaterialsCommand(CASE_ID, List.of("身份证"), List.of(), at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aWithdrawnCase_takesNoSecondWithdrawal() {
            fixture.given(submittedOnline(), withdrawn)
                    .when(new WithdrawBundleCaseCommand(CASE_ID, null, at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aWithdrawnCase_stillTakesAComplaint() {
            fixture.given(submittedOnline(), withdrawn)
                    .when(new LodgeComplaintCommand(CASE_ID, "c-1", "窗口要求重复提交材料", at(2, 0)))
                    .expectEvents(new ComplaintLodgedEvent(CASE_ID, "c-1", "窗口要求重复提交材料", at(2, 0)))
                    .expectResultMessagePayload("c-1");
        }

        @Test
        void aConcludedCase_stillTakesARating() {
            List<Object> concluded = allDecided();
            concluded.add(new BundleCaseConcludedEvent(CASE_ID, CITY_HRSS, CaseOutcome.PARTIALLY_APPROVED, 5, 1,
                    at(4, 0)));
            fixture.given(concluded)
                    .when(new RateServiceCommand(CASE_ID, 5, List.of("办事效率高"), null, at(5, 0)))
                    .expectEvents(new ServiceRatedEvent(CASE_ID, 5, List.of("办事效率高"), null, at(5, 0)));
        }

        @Test
        void aConcludedCase_takesOnlyCollectionVisits() {
            List<Object> concluded = allDecided();
            concluded.add(new BundleCaseConcludedEvent(CASE_ID, CITY_HRSS, CaseOutcome.PARTIALLY_APPROVED, 5, 1,
                    at(4, 0)));
            fixture.given(concluded)
                    .when(new RecordVisitCommand(CASE_ID, LISHI_HALL, null, VisitPurpose.CONSULTATION, at(5, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
            fixture().given(concluded)
                    .when(new RecordVisitCommand(CASE_ID, LISHI_HALL, null, VisitPurpose.COLLECTION, at(5, 0)))
                    .expectEvents(new VisitRecordedEvent(CASE_ID, 1, LISHI_HALL, null, VisitPurpose.COLLECTION,
                            at(5, 0)));
        }
    }

    @Nested
    class MaterialsVisitsAndTransfers {

        @Test
        void materials_recordSubmittedAndWaivedSeparately() {
            List<WaivedMaterial> waived = List.of(new WaivedMaterial("营业执照", WaiverBasis.E_LICENCE));
            fixture.given(submittedOnline())
                    .when(new RecordMaterialsCommand(CASE_ID, List.of("申请表"), waived, at(0, 1)))
                    .expectEvents(new MaterialsRecordedEvent(CASE_ID, List.of("申请表"), waived, at(0, 1)));
        }

        @Test
        void materials_needAtLeastOneEntry() {
            fixture.given(submittedOnline())
                    .when(new RecordMaterialsCommand(CASE_ID, List.of(), List.of(), at(0, 1)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void visits_areNumberedAfterTheSubmissionVisit() {
            fixture.givenCommands(submitAtWindow(FLEXIBLE_EMPLOYMENT))
                    .when(new RecordVisitCommand(CASE_ID, LISHI_HALL, null, VisitPurpose.SUPPLEMENT, at(1, 0)))
                    .expectEvents(new VisitRecordedEvent(CASE_ID, 2, LISHI_HALL, null, VisitPurpose.SUPPLEMENT,
                            at(1, 0)));
        }

        @Test
        void transfer_movesTheCaseToTheOtherHall() {
            fixture.givenCommands(submitAtWindow(FLEXIBLE_EMPLOYMENT))
                    .when(new TransferBundleCaseCommand(CASE_ID, "141182", FENYANG_HALL, TransferMode.CITY_WIDE,
                            "申请人在汾阳工作", at(0, 2)))
                    .expectEvents(new BundleCaseTransferredEvent(CASE_ID, LISHI, LISHI_HALL, "141182", FENYANG_HALL,
                            TransferMode.CITY_WIDE, "申请人在汾阳工作", at(0, 2)));
        }

        @Test
        void transfer_isRefused_toTheSameHall() {
            fixture.givenCommands(submitAtWindow(FLEXIBLE_EMPLOYMENT))
                    .when(new TransferBundleCaseCommand(CASE_ID, LISHI, LISHI_HALL, TransferMode.CITY_WIDE, null,
                            at(0, 2)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void transfer_isRefused_toAHallOfAnotherDivision() {
            fixture.givenCommands(submitAtWindow(FLEXIBLE_EMPLOYMENT))
                    .when(new TransferBundleCaseCommand(CASE_ID, LISHI, FENYANG_HALL, TransferMode.CITY_WIDE, null,
                            at(0, 2)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class ComplaintsAndRatings {

        private final ComplaintLodgedEvent lodged = new ComplaintLodgedEvent(CASE_ID, "c-1", "办理超时", at(6, 0));

        @Test
        void resolution_closesTheComplaint() {
            fixture.given(submittedOnline(), lodged)
                    .when(new ResolveComplaintCommand(CASE_ID, "c-1", CITY_HRSS, "已协调加快办理", at(7, 0)))
                    .expectEvents(new ComplaintResolvedEvent(CASE_ID, "c-1", CITY_HRSS, "已协调加快办理", at(7, 0)));
        }

        @Test
        void resolution_isRefused_twice() {
            fixture.given(submittedOnline(), lodged,
                            new ComplaintResolvedEvent(CASE_ID, "c-1", CITY_HRSS, "已协调", at(7, 0)))
                    .when(new ResolveComplaintCommand(CASE_ID, "c-1", CITY_HRSS, "再次处理", at(8, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void followUp_ofAnUnknownComplaint_isRefused() {
            fixture.given(submittedOnline())
                    .when(new FollowUpComplaintCommand(CASE_ID, "c-9", CITY_HRSS,
                            "电话回访", at(7, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void rating_isOnePerCase() {
            fixture.given(submittedOnline(), new ServiceRatedEvent(CASE_ID, 4, List.of(), null, at(1, 0)))
                    .when(new RateServiceCommand(CASE_ID, 1, List.of(), null, at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void rating_isBetweenOneAndFive() {
            fixture.given(submittedOnline())
                    .when(new RateServiceCommand(CASE_ID, 6, List.of(), null, at(1, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }
}
