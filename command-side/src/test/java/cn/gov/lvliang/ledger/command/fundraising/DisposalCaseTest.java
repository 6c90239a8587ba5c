package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CASE_ID;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CITY_COURT;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CITY_LEAD;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CITY_POLITICAL_LEGAL;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CITY_PROCURATORATE;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CLUE_ID;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.COMPANY;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.FENYANG_LEAD;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN_LEAD;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN_MARKET_REGULATION;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN_PETITIONS;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.LIULIN_POLICE;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.THRESHOLD_FEN;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.at;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.caseFixture;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.open;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.opened;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.RecordingClueLinks;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.events.fundraising.AdoptDisposalPlanCommand;
import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
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
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.HandlePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.ImportLegacyCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
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
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
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
import cn.gov.lvliang.ledger.events.fundraising.ResponsiblePerson;
import cn.gov.lvliang.ledger.events.fundraising.ReviseCaseScaleCommand;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.TransferCaseToPoliceCommand;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule and refusal of a disposal case. The sample case is opened in Liulin on Monday 2025-03-03 at 10:30 from
 * one clue, below the thresholds (2,400,000.50 yuan, 180 participants); amounts are in fen and worked out by hand.
 */
class DisposalCaseTest {

    private static final FundraisingSubject ZHU = new FundraisingSubject(SubjectKind.PERSON, "朱爱清", null);
    private static final ResponsiblePerson OFFICIAL = new ResponsiblePerson("李某", "中阳县政府分管副县长");

    private RecordingClueLinks clueLinks;
    private AggregateTestFixture<DisposalCase> fixture;

    @BeforeEach
    void setUp() {
        clueLinks = new RecordingClueLinks();
        fixture = caseFixture(clueLinks);
    }

    private static DisposalCaseDeterminedEvent determined(DeterminationOutcome outcome) {
        return new DisposalCaseDeterminedEvent(CASE_ID, LIULIN_LEAD, DeterminationLevel.COUNTY, outcome, "会商研判",
                at(1, 0));
    }

    private static MeasureOrderedEvent measureOrdered(String measureId, MeasureKind kind) {
        return new MeasureOrderedEvent(CASE_ID, measureId, kind, LIULIN_MARKET_REGULATION, null, null, "责令停止吸收资金",
                at(2, 0));
    }

    private static MeasureCompletedEvent measureCompleted(String measureId) {
        return new MeasureCompletedEvent(CASE_ID, measureId, LIULIN_MARKET_REGULATION, "已整改", at(3, 0));
    }

    private static AssetRecoveredEvent recovered(long amountFen, long totalFen, int number) {
        return new AssetRecoveredEvent(CASE_ID, number, LIULIN_POLICE, AssetKind.BANK_DEPOSIT, amountFen, "冻结账户资金",
                totalFen, at(4, 0));
    }

    private static ParticipantsRegisteredEvent registered(int batch, long totalBefore, ParticipantClaim... claims) {
        long batchClaims = 0;
        for (ParticipantClaim claim : claims) {
            batchClaims += claim.claimFen();
        }
        return new ParticipantsRegisteredEvent(CASE_ID, batch, CITY_COURT, List.of(claims), batchClaims,
                totalBefore + batchClaims, at(5, 0));
    }

    private static ParticipantClaim claim(String reference, long fen) {
        return new ParticipantClaim(reference, fen);
    }

    private static ImportLegacyCaseCommand importZhu(Instant at) {
        return new ImportLegacyCaseCommand("legacy-141129-1", "141129-1", 1, CITY_POLITICAL_LEGAL, "141129",
                "朱爱清非法集资案", "中阳朱爱清非法集资案1起", ZHU, LegacyFilingAge.UNDER_THREE_YEARS,
                LocalDate.parse("2023-01-01"), true, CriminalMilestone.POLICE_FILED, at);
    }

    private static LegacyCaseImportedEvent zhuImported() {
        return new LegacyCaseImportedEvent("legacy-141129-1", "141129-1", 1, CITY_POLITICAL_LEGAL, "141129",
                "朱爱清非法集资案", "中阳朱爱清非法集资案1起", ZHU, LegacyFilingAge.UNDER_THREE_YEARS,
                LocalDate.parse("2023-01-01"), true, CriminalMilestone.POLICE_FILED, at(0, 0));
    }

    @Nested
    class Opening {

        @Test
        void fromAVerifiedClue_recordsTheCase_andTakesTheClue() {
            fixture.givenNoPriorActivity()
                    .when(open(240_000_050L, 180))
                    .expectEvents(opened());
            assertThat(clueLinks.taken).containsExactly(CLUE_ID);
        }

        @Test
        void isRefused_whenAClueRefuses_andRecordsNothing() {
            clueLinks.refusal = new CaseStateException("ASSIGNED", "take-verified-risk-into-case", "not verified");
            fixture.givenNoPriorActivity()
                    .when(open(240_000_050L, 180))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void withoutClues_isRefused_becauseOnlyLegacyCasesComeWithoutOne() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDisposalCaseCommand(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(), null, null, false, List.of(), at(0, 1)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void byAnotherCountysLead_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDisposalCaseCommand(CASE_ID, FENYANG_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(CLUE_ID), null, null, false, List.of(), at(0, 1)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void crossProvince_recordsTheOtherProvincesSorted() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDisposalCaseCommand(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(CLUE_ID), null, null, true, List.of("610000", "130000", "610000"), at(0, 1)))
                    .expectEvents(new DisposalCaseOpenedEvent(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY,
                            KeyArea.OTHER, List.of(CLUE_ID), null, null, true, List.of("130000", "610000"), at(0, 1)));
        }

        @Test
        void crossProvince_withoutAnotherProvince_orWithShanxiItself_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDisposalCaseCommand(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(CLUE_ID), null, null, true, List.of(), at(0, 1)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
            caseFixture(clueLinks).givenNoPriorActivity()
                    .when(new OpenDisposalCaseCommand(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(CLUE_ID), null, null, true, List.of("140000"), at(0, 1)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void crossProvince_canBeRecordedLater_addingOnlyNewProvinces() {
            fixture.given(new DisposalCaseOpenedEvent(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(CLUE_ID), null, null, true, List.of("610000"), at(0, 1)))
                    .when(new MarkCaseCrossProvinceCommand(CASE_ID, LIULIN_LEAD, List.of("610000", "410000"), "资金流向",
                            at(2, 0)))
                    .expectEvents(new DisposalCaseMarkedCrossProvinceEvent(CASE_ID, LIULIN_LEAD, List.of("410000"),
                            List.of("410000", "610000"), "资金流向", at(2, 0)));
        }

        @Test
        void crossProvince_namingOnlyKnownProvinces_isRefused() {
            fixture.given(new DisposalCaseOpenedEvent(CASE_ID, LIULIN_LEAD, LIULIN, "案", COMPANY, KeyArea.OTHER,
                            List.of(CLUE_ID), null, null, true, List.of("610000"), at(0, 1)))
                    .when(new MarkCaseCrossProvinceCommand(CASE_ID, LIULIN_LEAD, List.of("610000"), null, at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }

    @Nested
    class LegacyCases {

        @Test
        void anImport_keepsTheOriginalFilingDate_yearsBeforeTheLedgersEarliestBusinessTime() {
            // Filed 2023-01-01 per the data file: before 2024-01-01, the earliest business time, and still recorded.
            Instant importedAt = at(0, 0);
            fixture.givenNoPriorActivity()
                    .when(importZhu(importedAt))
                    .expectEvents(zhuImported())
                    .expectState(state -> assertThat(state).isNotNull());
        }

        @Test
        void aFilingDateFiveYearsBack_isKeptAsData_whileTheImportIsDatedNow() {
            ImportLegacyCaseCommand liulin = new ImportLegacyCaseCommand("legacy-141125-1", "141125-1", 1,
                    CITY_POLITICAL_LEGAL, LIULIN, "李向阳非法集资案", "柳林李向阳、张龙照非法集资案2起",
                    new FundraisingSubject(SubjectKind.PERSON, "李向阳", null), LegacyFilingAge.THREE_TO_FIVE_YEARS,
                    LocalDate.parse("2019-08-15"), false, CriminalMilestone.INDICTED, at(0, 0));
            fixture.givenNoPriorActivity()
                    .when(liulin)
                    .expectEvents(new LegacyCaseImportedEvent("legacy-141125-1", "141125-1", 1, CITY_POLITICAL_LEGAL,
                            LIULIN, "李向阳非法集资案", "柳林李向阳、张龙照非法集资案2起",
                            new FundraisingSubject(SubjectKind.PERSON, "李向阳", null),
                            LegacyFilingAge.THREE_TO_FIVE_YEARS, LocalDate.parse("2019-08-15"), false,
                            CriminalMilestone.INDICTED, at(0, 0)));
        }

        @Test
        void theImportItself_mayNotBeBackDatedBeforeTheLedgersEarliestBusinessTime() {
            fixture.givenNoPriorActivity()
                    .when(importZhu(Instant.parse("2023-01-02T00:00:00Z")))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void aSecondImport_isRefused() {
            fixture.given(zhuImported())
                    .when(importZhu(at(1, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void anImport_byAUnitThatLeadsNeither_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ImportLegacyCaseCommand("legacy-141129-1", "141129-1", 1, LIULIN_LEAD, "141129",
                            "朱爱清非法集资案", "中阳朱爱清非法集资案1起", ZHU, LegacyFilingAge.UNDER_THREE_YEARS,
                            LocalDate.parse("2023-01-01"), true, CriminalMilestone.POLICE_FILED, at(0, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void aLegacyCase_takesNoDetermination_becauseItWasFiledAsACrimeBeforeTheLedger() {
            fixture.given(zhuImported())
                    .when(new DetermineDisposalCaseCommand("legacy-141129-1", "141129_GOV_OFFICE",
                            DeterminationOutcome.SUSPECTED_CRIME, "已立案", at(1, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aLegacyCase_continuesTheCriminalPathFromItsStageAtImport() {
            fixture.given(zhuImported())
                    .when(new RecordCriminalMilestoneCommand("legacy-141129-1", CriminalMilestone.PROSECUTION_REVIEW,
                            CITY_PROCURATORATE, "中检刑诉受〔2025〕3号", null, at(1, 0)))
                    .expectEvents(new CriminalMilestoneRecordedEvent("legacy-141129-1",
                            CriminalMilestone.PROSECUTION_REVIEW, CITY_PROCURATORATE, "中检刑诉受〔2025〕3号", null,
                            at(1, 0)));
        }

        @Test
        void aLegacyCase_isClosedOnlyWithItsDisposalPlanCarriedOut() {
            List<Object> judged = new ArrayList<>(List.of(zhuImported()));
            for (CriminalMilestone milestone : List.of(CriminalMilestone.PROSECUTION_REVIEW, CriminalMilestone.INDICTED,
                    CriminalMilestone.FIRST_INSTANCE_JUDGMENT)) {
                judged.add(new CriminalMilestoneRecordedEvent("legacy-141129-1", milestone, CITY_COURT, null, null,
                        at(1, 0)));
            }
            fixture.given(judged)
                    .when(new CloseDisposalCaseCommand("legacy-141129-1", CITY_POLITICAL_LEGAL,
                            CaseResolution.CLOSED_AFTER_JUDGMENT, null, null, at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class)
                    .expectExceptionMessage("Legacy case legacy-141129-1 is closed only after its disposal plan is "
                            + "carried out");
        }
    }

    @Nested
    class EscalationAndDetermination {

        @Test
        void aCaseOverTheAmountThreshold_isEscalatedToTheCity_whenItIsOpened() {
            // 5,000,000.00 yuan reaches the threshold (以上 includes the figure).
            fixture.givenNoPriorActivity()
                    .when(open(THRESHOLD_FEN, 120))
                    .expectEvents(opened(THRESHOLD_FEN, 120),
                            new DisposalCaseEscalatedEvent(CASE_ID, LIULIN_LEAD,
                                    List.of(EscalationReason.AMOUNT_OVER_THRESHOLD), THRESHOLD_FEN, 120, THRESHOLD_FEN,
                                    500, null, at(0, 1)));
        }

        @Test
        void aCaseJustBelowBothThresholds_staysWithTheCounty() {
            fixture.givenNoPriorActivity()
                    .when(open(THRESHOLD_FEN - 1, 499))
                    .expectEvents(opened(THRESHOLD_FEN - 1, 499));
        }

        @Test
        void aCaseOverTheThreshold_isNotDeterminedByTheCounty() {
            fixture.given(opened(THRESHOLD_FEN, 600), new DisposalCaseEscalatedEvent(CASE_ID, LIULIN_LEAD,
                            List.of(EscalationReason.AMOUNT_OVER_THRESHOLD, EscalationReason.PARTICIPANTS_OVER_THRESHOLD),
                            THRESHOLD_FEN, 600, THRESHOLD_FEN, 500, null, at(0, 1)))
                    .when(new DetermineDisposalCaseCommand(CASE_ID, LIULIN_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "会商研判", at(1, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void anEscalatedCase_isDeterminedByTheCity() {
            fixture.given(opened(THRESHOLD_FEN, 600), new DisposalCaseEscalatedEvent(CASE_ID, LIULIN_LEAD,
                            List.of(EscalationReason.AMOUNT_OVER_THRESHOLD), THRESHOLD_FEN, 600, THRESHOLD_FEN, 500,
                            null, at(0, 1)))
                    .when(new DetermineDisposalCaseCommand(CASE_ID, CITY_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "市级牵头部门组织认定", at(1, 0)))
                    .expectEvents(new DisposalCaseDeterminedEvent(CASE_ID, CITY_LEAD, DeterminationLevel.CITY,
                            DeterminationOutcome.SUSPECTED_CRIME, "市级牵头部门组织认定", at(1, 0)));
        }

        @Test
        void aCaseRevisedUpToTheParticipantThreshold_isEscalated() {
            fixture.given(opened())
                    .when(new ReviseCaseScaleCommand(CASE_ID, LIULIN_LEAD, 240_000_050L, 500, "排查新增参与人", at(1, 0)))
                    .expectEvents(new DisposalCaseScaleRevisedEvent(CASE_ID, LIULIN_LEAD, 240_000_050L, 500,
                                    "排查新增参与人", at(1, 0)),
                            new DisposalCaseEscalatedEvent(CASE_ID, LIULIN_LEAD,
                                    List.of(EscalationReason.PARTICIPANTS_OVER_THRESHOLD), 240_000_050L, 500,
                                    THRESHOLD_FEN, 500, null, at(1, 0)));
        }

        @Test
        void aCaseOverThresholdsLoweredAfterItsOpening_mustBeEscalatedBeforeTheCountyDeterminesIt() {
            FundraisingSettings lower = new FundraisingSettings(new FundraisingSettings.ClueVerification(15),
                    new FundraisingSettings.Escalation(new BigDecimal("2000000"), 500));
            caseFixture(clueLinks, lower).given(opened())
                    .when(new DetermineDisposalCaseCommand(CASE_ID, LIULIN_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "会商研判", at(1, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aComplexCase_isEscalatedByTheCounty_withItsGrounds() {
            fixture.given(opened())
                    .when(new EscalateDisposalCaseCommand(CASE_ID, LIULIN_LEAD, List.of(EscalationReason.DISPUTED),
                            "会商意见分歧", at(1, 0)))
                    .expectEvents(new DisposalCaseEscalatedEvent(CASE_ID, LIULIN_LEAD,
                            List.of(EscalationReason.DISPUTED), 240_000_050L, 180, THRESHOLD_FEN, 500, "会商意见分歧",
                            at(1, 0)));
        }

        @Test
        void aUnit_cannotClaimAThresholdAsItsReason() {
            fixture.given(opened())
                    .when(new EscalateDisposalCaseCommand(CASE_ID, LIULIN_LEAD,
                            List.of(EscalationReason.AMOUNT_OVER_THRESHOLD), "金额大", at(1, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void theCounty_determinesACaseBelowTheThresholds() {
            fixture.given(opened())
                    .when(new DetermineDisposalCaseCommand(CASE_ID, LIULIN_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "会商研判", at(1, 0)))
                    .expectEvents(determined(DeterminationOutcome.SUSPECTED_CRIME));
        }

        @Test
        void theCity_doesNotDetermineACaseThatWasNotEscalated() {
            fixture.given(opened())
                    .when(new DetermineDisposalCaseCommand(CASE_ID, CITY_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "会商研判", at(1, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aCase_isDeterminedOnce() {
            fixture.given(opened(), determined(DeterminationOutcome.ILLEGAL_FUNDRAISING))
                    .when(new DetermineDisposalCaseCommand(CASE_ID, LIULIN_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "复议", at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aDetermination_needsItsBasis() {
            fixture.given(opened())
                    .when(new DetermineDisposalCaseCommand(CASE_ID, LIULIN_LEAD, DeterminationOutcome.SUSPECTED_CRIME,
                            "", at(1, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class Measures {

        @Test
        void aMeasure_isOrdered_followedUp_andCompleted() {
            fixture.given(opened())
                    .when(new OrderMeasureCommand(CASE_ID, "m-1", MeasureKind.RECTIFICATION_ORDER,
                            LIULIN_MARKET_REGULATION, LocalDate.parse("2025-03-31"), null, "责令停止吸收资金", at(2, 0)))
                    .expectEvents(new MeasureOrderedEvent(CASE_ID, "m-1", MeasureKind.RECTIFICATION_ORDER,
                            LIULIN_MARKET_REGULATION, LocalDate.parse("2025-03-31"), null, "责令停止吸收资金", at(2, 0)))
                    .expectResultMessagePayload("m-1");
            caseFixture(clueLinks).given(opened(), measureOrdered("m-1", MeasureKind.ORDERED_REFUND))
                    .when(new FollowUpMeasureCommand(CASE_ID, "m-1", LIULIN_MARKET_REGULATION, "已清退三成", at(3, 0)))
                    .expectEvents(new MeasureFollowedUpEvent(CASE_ID, "m-1", LIULIN_MARKET_REGULATION, "已清退三成",
                            at(3, 0)));
            caseFixture(clueLinks).given(opened(), measureOrdered("m-1", MeasureKind.ORDERED_REFUND))
                    .when(new CompleteMeasureCommand(CASE_ID, "m-1", LIULIN_MARKET_REGULATION, "已整改", at(3, 0)))
                    .expectEvents(measureCompleted("m-1"));
        }

        @Test
        void aMeasure_isFollowedUpOnlyByTheUnitThatOrderedIt() {
            fixture.given(opened(), measureOrdered("m-1", MeasureKind.WARNING_TALK))
                    .when(new FollowUpMeasureCommand(CASE_ID, "m-1", LIULIN_POLICE, "约谈", at(3, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void aMeasure_isCompletedOnce() {
            fixture.given(opened(), measureOrdered("m-1", MeasureKind.WARNING_TALK), measureCompleted("m-1"))
                    .when(new CompleteMeasureCommand(CASE_ID, "m-1", LIULIN_MARKET_REGULATION, "再次", at(4, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aMeasure_isNotDueBeforeItIsOrdered() {
            fixture.given(opened())
                    .when(new OrderMeasureCommand(CASE_ID, "m-1", MeasureKind.RECTIFICATION_ORDER,
                            LIULIN_MARKET_REGULATION, LocalDate.parse("2025-03-01"), null, "整改", at(2, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void aCaseFoundNotToBeIllegalFundraising_takesNoMeasure() {
            fixture.given(opened(), determined(DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING))
                    .when(new OrderMeasureCommand(CASE_ID, "m-1", MeasureKind.WARNING_TALK, LIULIN_MARKET_REGULATION,
                            null, null, "约谈", at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }

    @Nested
    class CriminalPath {

        private final DisposalCaseTransferredToPoliceEvent transferred = new DisposalCaseTransferredToPoliceEvent(
                CASE_ID, LIULIN_LEAD, LIULIN_POLICE, null, at(2, 0));

        private CriminalMilestoneRecordedEvent milestone(CriminalMilestone milestone, String unit) {
            return new CriminalMilestoneRecordedEvent(CASE_ID, milestone, unit, null, null, at(3, 0));
        }

        @Test
        void aCaseDeterminedAsCrime_isTransferredToThePolice() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME))
                    .when(new TransferCaseToPoliceCommand(CASE_ID, LIULIN_LEAD, LIULIN_POLICE, null, at(2, 0)))
                    .expectEvents(transferred);
        }

        @Test
        void anUndeterminedCase_isNotTransferred() {
            fixture.given(opened())
                    .when(new TransferCaseToPoliceCommand(CASE_ID, LIULIN_LEAD, LIULIN_POLICE, null, at(2, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void theReceivingUnit_mustBeThePolice() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME))
                    .when(new TransferCaseToPoliceCommand(CASE_ID, LIULIN_LEAD, LIULIN_MARKET_REGULATION, null,
                            at(2, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void milestones_followInOrder_eachByItsOwnAuthority() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME), transferred,
                            milestone(CriminalMilestone.POLICE_FILED, LIULIN_POLICE),
                            milestone(CriminalMilestone.PROSECUTION_REVIEW, CITY_PROCURATORATE),
                            milestone(CriminalMilestone.INDICTED, CITY_PROCURATORATE))
                    .when(new RecordCriminalMilestoneCommand(CASE_ID, CriminalMilestone.FIRST_INSTANCE_JUDGMENT,
                            CITY_COURT, "（2025）晋11刑初5号", null, at(3, 0)))
                    .expectEvents(new CriminalMilestoneRecordedEvent(CASE_ID, CriminalMilestone.FIRST_INSTANCE_JUDGMENT,
                            CITY_COURT, "（2025）晋11刑初5号", null, at(3, 0)));
        }

        @Test
        void aMilestone_outOfOrder_isRefused() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME), transferred,
                            milestone(CriminalMilestone.POLICE_FILED, LIULIN_POLICE))
                    .when(new RecordCriminalMilestoneCommand(CASE_ID, CriminalMilestone.INDICTED, CITY_PROCURATORATE,
                            null, null, at(3, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void enforcement_mayFollowTheFirstInstanceDirectly() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME), transferred,
                            milestone(CriminalMilestone.POLICE_FILED, LIULIN_POLICE),
                            milestone(CriminalMilestone.PROSECUTION_REVIEW, CITY_PROCURATORATE),
                            milestone(CriminalMilestone.INDICTED, CITY_PROCURATORATE),
                            milestone(CriminalMilestone.FIRST_INSTANCE_JUDGMENT, CITY_COURT))
                    .when(new RecordCriminalMilestoneCommand(CASE_ID, CriminalMilestone.ENFORCEMENT, CITY_COURT,
                            null, null, at(3, 0)))
                    .expectEvents(milestone(CriminalMilestone.ENFORCEMENT, CITY_COURT));
        }

        @Test
        void theCourtsMilestone_byTheProcuratorate_isRefused() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME), transferred,
                            milestone(CriminalMilestone.POLICE_FILED, LIULIN_POLICE),
                            milestone(CriminalMilestone.PROSECUTION_REVIEW, CITY_PROCURATORATE),
                            milestone(CriminalMilestone.INDICTED, CITY_PROCURATORATE))
                    .when(new RecordCriminalMilestoneCommand(CASE_ID, CriminalMilestone.FIRST_INSTANCE_JUDGMENT,
                            CITY_PROCURATORATE, null, null, at(3, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void noMilestone_beforeTheTransfer() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME))
                    .when(new RecordCriminalMilestoneCommand(CASE_ID, CriminalMilestone.POLICE_FILED, LIULIN_POLICE,
                            null, null, at(3, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }

    @Nested
    class DisposalPlan {

        private final DisposalPlanAdoptedEvent adopted = new DisposalPlanAdoptedEvent(CASE_ID, LIULIN_LEAD, OFFICIAL,
                "依法处置、分步清退", List.of(new PlanMilestone(1, "完成资产审计", LocalDate.parse("2025-04-30")),
                new PlanMilestone(2, "首轮清退", LocalDate.parse("2025-06-30"))), at(2, 0));

        @Test
        void aPlan_numbersItsMilestones() {
            fixture.given(opened())
                    .when(new AdoptDisposalPlanCommand(CASE_ID, LIULIN_LEAD, OFFICIAL, "依法处置、分步清退",
                            List.of(new PlannedMilestone("完成资产审计", LocalDate.parse("2025-04-30")),
                                    new PlannedMilestone("首轮清退", LocalDate.parse("2025-06-30"))), at(2, 0)))
                    .expectEvents(adopted);
        }

        @Test
        void aMilestone_dueBeforeTheAdoption_isRefused() {
            fixture.given(opened())
                    .when(new AdoptDisposalPlanCommand(CASE_ID, LIULIN_LEAD, OFFICIAL, "方案",
                            List.of(new PlannedMilestone("完成资产审计", LocalDate.parse("2025-03-01"))), at(2, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void aPlan_isAdoptedOnce() {
            fixture.given(opened(), adopted)
                    .when(new AdoptDisposalPlanCommand(CASE_ID, LIULIN_LEAD, OFFICIAL, "新方案",
                            List.of(new PlannedMilestone("审计", LocalDate.parse("2025-05-30"))), at(3, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aMilestone_isCompletedWithItsDueDate_once() {
            fixture.given(opened(), adopted)
                    .when(new CompletePlanMilestoneCommand(CASE_ID, 1, LIULIN_LEAD, "审计报告已出具", at(20, 0)))
                    .expectEvents(new PlanMilestoneCompletedEvent(CASE_ID, 1, "完成资产审计", LocalDate.parse("2025-04-30"),
                            LIULIN_LEAD, "审计报告已出具", at(20, 0)));
            caseFixture(clueLinks).given(opened(), adopted, new PlanMilestoneCompletedEvent(CASE_ID, 1, "完成资产审计",
                            LocalDate.parse("2025-04-30"), LIULIN_LEAD, "审计报告已出具", at(20, 0)))
                    .when(new CompletePlanMilestoneCommand(CASE_ID, 1, LIULIN_LEAD, "再次", at(21, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void anUnknownMilestone_isRefused() {
            fixture.given(opened(), adopted)
                    .when(new CompletePlanMilestoneCommand(CASE_ID, 3, LIULIN_LEAD, "完成", at(20, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }
    }

    @Nested
    class RecoveryAndRefunds {

        /** Recovered 1,000.00 yuan; three participants with 300.00 yuan each. */
        private List<Object> threeEqualClaims() {
            return new ArrayList<>(List.of(opened(), recovered(100_000L, 100_000L, 1), registered(1, 0,
                    claim("LL-001", 30_000L), claim("LL-002", 30_000L), claim("LL-003", 30_000L))));
        }

        @Test
        void aRecovery_addsToTheTotalRecovered() {
            fixture.given(opened(), recovered(100_000L, 100_000L, 1))
                    .when(new RecordAssetRecoveryCommand(CASE_ID, CITY_COURT, AssetKind.REAL_ESTATE, 25_000_000L,
                            "拍卖房产所得", at(4, 0)))
                    .expectEvents(new AssetRecoveredEvent(CASE_ID, 2, CITY_COURT, AssetKind.REAL_ESTATE, 25_000_000L,
                            "拍卖房产所得", 25_100_000L, at(4, 0)));
        }

        @Test
        void aRecovery_byAUnitOutsideThePoliceCourtsAndLead_isRefused() {
            fixture.given(opened())
                    .when(new RecordAssetRecoveryCommand(CASE_ID, LIULIN_MARKET_REGULATION, AssetKind.CASH, 100L,
                            "现金", at(4, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void participants_areRegisteredByReference_withTheirClaims() {
            fixture.given(opened())
                    .when(new RegisterParticipantsCommand(CASE_ID, CITY_COURT,
                            List.of(claim("LL-001", 30_000L), claim("LL-002", 45_050L)), at(5, 0)))
                    .expectEvents(registered(1, 0, claim("LL-001", 30_000L), claim("LL-002", 45_050L)));
        }

        @Test
        void aParticipant_isRegisteredOnce() {
            fixture.given(threeEqualClaims())
                    .when(new RegisterParticipantsCommand(CASE_ID, CITY_COURT, List.of(claim("LL-003", 10_000L)),
                            at(6, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aParticipantReference_thatIsAnIdentityNumber_isRefused() {
            fixture.given(opened())
                    .when(new RegisterParticipantsCommand(CASE_ID, CITY_COURT,
                            List.of(claim("141125196502021234", 10_000L)), at(5, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void aRefundAboveTheAmountRecovered_isRefused() {
            // Recovered 1,000.00 yuan, claims 900.00 yuan: a round of 1,000.01 yuan exceeds the recovery.
            fixture.given(threeEqualClaims())
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 100_001L, null, at(6, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class)
                    .expectExceptionMessage("A round of 1000.01 yuan exceeds what is recovered and not yet refunded: "
                            + "1000.00 recovered, 0.00 refunded, 1000.00 available");
        }

        @Test
        void aRefund_counts_whatEarlierRoundsAlreadyPaid() {
            // Recovered 200.00; round 1 paid 150.00; a second round of 50.01 exceeds the 50.00 left.
            List<Object> history = new ArrayList<>(List.of(opened(), recovered(20_000L, 20_000L, 1),
                    registered(1, 0, claim("LL-001", 30_000L), claim("LL-002", 30_000L)),
                    new RefundRoundPaidEvent(CASE_ID, 1, CITY_COURT, 15_000L, 20_000L, 0L,
                            List.of(new RefundShare("LL-001", 30_000L, 0L, 7_500L),
                                    new RefundShare("LL-002", 30_000L, 0L, 7_500L)), null, at(6, 0))));
            fixture.given(history)
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 5_001L, null, at(7, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aRefundAboveWhatIsStillOwed_isRefused() {
            // Recovered 1,000.00, owed 900.00: a round of 900.01 would pay more than the claims.
            fixture.given(threeEqualClaims())
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 90_001L, null, at(6, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aRefund_byAnyoneButTheCourtOrTheLead_isRefused_asUnauthorised() {
            fixture.given(threeEqualClaims())
                    .when(new PayRefundRoundCommand(CASE_ID, LIULIN_POLICE, 10_000L, null, at(6, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void aRefund_beforeAnyRegistration_isRefused() {
            fixture.given(opened(), recovered(100_000L, 100_000L, 1))
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 10_000L, null, at(6, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void equalClaims_shareTheOddFen_byReference() {
            // 100.00 yuan over 3 x 300.00: 10000 x 30000 / 90000 = 3333.33 each; floors 3333 x 3 = 9999, one fen
            // left, equal remainders, so LL-001 (smallest reference) gets it: 3334 + 3333 + 3333 = 10000.
            fixture.given(threeEqualClaims())
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 10_000L, "首轮清退", at(6, 0)))
                    .expectEvents(new RefundRoundPaidEvent(CASE_ID, 1, CITY_COURT, 10_000L, 100_000L, 0L, List.of(
                            new RefundShare("LL-001", 30_000L, 0L, 3_334L),
                            new RefundShare("LL-002", 30_000L, 0L, 3_333L),
                            new RefundShare("LL-003", 30_000L, 0L, 3_333L)), "首轮清退", at(6, 0)))
                    .expectResultMessagePayload("1");
        }

        @Test
        void theOddFen_goesToTheLargestRemainder() {
            // 10.00 yuan (1000 fen) over 700.00, 500.00, 300.00 (C = 150000 fen): quotas 466.67, 333.33, 200.00;
            // floors 466 + 333 + 200 = 999; remainders 1000 x 70000 mod 150000 = 100000, 50000, 0: LL-A gets the fen.
            fixture.given(opened(), recovered(100_000L, 100_000L, 1), registered(1, 0,
                            claim("LL-C", 30_000L), claim("LL-A", 70_000L), claim("LL-B", 50_000L)))
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 1_000L, null, at(6, 0)))
                    .expectEvents(new RefundRoundPaidEvent(CASE_ID, 1, CITY_COURT, 1_000L, 100_000L, 0L, List.of(
                            new RefundShare("LL-A", 70_000L, 0L, 467L),
                            new RefundShare("LL-B", 50_000L, 0L, 333L),
                            new RefundShare("LL-C", 30_000L, 0L, 200L)), null, at(6, 0)));
        }

        @Test
        void twoOddFen_goToTheTwoSmallestReferences_whenRemaindersTie() {
            // 0.11 yuan (11 fen) over three claims of 1.00: floors 3 each = 9, 2 fen left, remainders all 200:
            // C-1 and C-2 get one each, registered in the order C-3, C-1, C-2.
            fixture.given(opened(), recovered(1_000L, 1_000L, 1), registered(1, 0,
                            claim("C-3", 100L), claim("C-1", 100L), claim("C-2", 100L)))
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 11L, null, at(6, 0)))
                    .expectEvents(new RefundRoundPaidEvent(CASE_ID, 1, CITY_COURT, 11L, 1_000L, 0L, List.of(
                            new RefundShare("C-1", 100L, 0L, 4L),
                            new RefundShare("C-2", 100L, 0L, 4L),
                            new RefundShare("C-3", 100L, 0L, 3L)), null, at(6, 0)));
        }

        @Test
        void aShare_neverExceedsWhatIsStillOwed() {
            // Claims A, B of 1.00. Round 1 of 1.01: 50 each, A gets the odd fen: A 51, B 50; owed A 49, B 50.
            // Round 2 of 0.99: 49.5 each, floors 49 + 49, the odd fen to A would make 50 > 49 owed, so A takes its
            // 49 and leaves; B takes the remaining 50. 49 + 50 = 99.
            List<Object> history = new ArrayList<>(List.of(opened(), recovered(1_000L, 1_000L, 1),
                    registered(1, 0, claim("A", 100L), claim("B", 100L)),
                    new RefundRoundPaidEvent(CASE_ID, 1, CITY_COURT, 101L, 1_000L, 0L, List.of(
                            new RefundShare("A", 100L, 0L, 51L), new RefundShare("B", 100L, 0L, 50L)), null,
                            at(6, 0))));
            fixture.given(history)
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 99L, null, at(7, 0)))
                    .expectEvents(new RefundRoundPaidEvent(CASE_ID, 2, CITY_COURT, 99L, 1_000L, 101L, List.of(
                            new RefundShare("A", 100L, 51L, 49L), new RefundShare("B", 100L, 50L, 50L)), null,
                            at(7, 0)))
                    .expectResultMessagePayload("2");
        }

        @Test
        void aFullyRefundedClaim_receivesNothingMore_andIsLeftOutOfTheRound() {
            // A (1.00) was registered alone and fully refunded in round 1; B (3.00) registered later takes all of
            // round 2's 1.50.
            List<Object> history = new ArrayList<>(List.of(opened(), recovered(1_000L, 1_000L, 1),
                    registered(1, 0, claim("A", 100L)),
                    new RefundRoundPaidEvent(CASE_ID, 1, CITY_COURT, 100L, 1_000L, 0L,
                            List.of(new RefundShare("A", 100L, 0L, 100L)), null, at(6, 0)),
                    registered(2, 100L, claim("B", 300L))));
            fixture.given(history)
                    .when(new PayRefundRoundCommand(CASE_ID, CITY_COURT, 150L, null, at(7, 0)))
                    .expectEvents(new RefundRoundPaidEvent(CASE_ID, 2, CITY_COURT, 150L, 1_000L, 100L,
                            List.of(new RefundShare("B", 300L, 0L, 150L)), null, at(7, 0)));
        }
    }

    @Nested
    class Petitions {

        @Test
        void aPetition_isReceived_andHandled() {
            fixture.given(opened())
                    .when(new ReceivePetitionCommand(CASE_ID, "p-1", LIULIN_PETITIONS, "柳信〔2025〕031", 12,
                            "集体要求加快清退", at(3, 0)))
                    .expectEvents(new PetitionReceivedEvent(CASE_ID, "p-1", LIULIN_PETITIONS, "柳信〔2025〕031", 12,
                            "集体要求加快清退", at(3, 0)))
                    .expectResultMessagePayload("p-1");
            caseFixture(clueLinks).given(opened(), new PetitionReceivedEvent(CASE_ID, "p-1", LIULIN_PETITIONS, null, 12,
                            "集体要求加快清退", at(3, 0)))
                    .when(new HandlePetitionCommand(CASE_ID, "p-1", LIULIN_PETITIONS, PetitionOutcome.ANSWERED,
                            "已解释清退进度", at(4, 0)))
                    .expectEvents(new PetitionHandledEvent(CASE_ID, "p-1", LIULIN_PETITIONS, PetitionOutcome.ANSWERED,
                            "已解释清退进度", at(4, 0)));
        }

        @Test
        void aPetition_isHandledByThePetitionsBureauOrTheLead() {
            fixture.given(opened(), new PetitionReceivedEvent(CASE_ID, "p-1", LIULIN_PETITIONS, null, 1, "诉求",
                            at(3, 0)))
                    .when(new HandlePetitionCommand(CASE_ID, "p-1", LIULIN_MARKET_REGULATION, PetitionOutcome.ANSWERED,
                            "答复", at(4, 0)))
                    .expectNoEvents()
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void aClosedCase_stillTakesAPetition() {
            fixture.given(opened(), determined(DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING),
                            new DisposalCaseClosedEvent(CASE_ID, LIULIN_LEAD, CaseResolution.NO_ILLEGAL_FUNDRAISING,
                                    null, null, 0L, 0L, at(5, 0)))
                    .when(new ReceivePetitionCommand(CASE_ID, "p-1", LIULIN_PETITIONS, null, 1, "对认定有异议",
                            at(6, 0)))
                    .expectEvents(new PetitionReceivedEvent(CASE_ID, "p-1", LIULIN_PETITIONS, null, 1, "对认定有异议",
                            at(6, 0)));
        }
    }

    @Nested
    class Closure {

        @Test
        void aCaseWithAnOpenMeasure_cannotBeClosed_andTheRefusalNamesIt() {
            fixture.given(opened(), determined(DeterminationOutcome.ILLEGAL_FUNDRAISING),
                            measureOrdered("m-1", MeasureKind.WARNING_TALK),
                            measureOrdered("m-2", MeasureKind.SEIZURE), measureCompleted("m-1"))
                    .when(new CloseDisposalCaseCommand(CASE_ID, LIULIN_LEAD,
                            CaseResolution.CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL, null, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class)
                    .expectExceptionMessage("Case case-0001 cannot be closed while open: measures m-2 (SEIZURE, "
                            + "141125_MARKET_REGULATION)");
        }

        @Test
        void aCaseWithUnfinishedPlanMilestonesOrPetitions_cannotBeClosed() {
            fixture.given(opened(), determined(DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING),
                            new DisposalPlanAdoptedEvent(CASE_ID, LIULIN_LEAD, OFFICIAL, "方案",
                                    List.of(new PlanMilestone(1, "回访", LocalDate.parse("2025-04-30"))), at(2, 0)),
                            new PetitionReceivedEvent(CASE_ID, "p-1", LIULIN_PETITIONS, null, 1, "诉求", at(3, 0)))
                    .when(new CloseDisposalCaseCommand(CASE_ID, LIULIN_LEAD, CaseResolution.NO_ILLEGAL_FUNDRAISING,
                            null, null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class)
                    .expectExceptionMessage("Case case-0001 cannot be closed while open: plan milestones 1 回访 "
                            + "(due 2025-04-30); petitions p-1");
        }

        @Test
        void afterAdministrativeDisposal_isRecordedWithTheTotals() {
            fixture.given(opened(), determined(DeterminationOutcome.ILLEGAL_FUNDRAISING),
                            measureOrdered("m-1", MeasureKind.ORDERED_REFUND), measureCompleted("m-1"))
                    .when(new CloseDisposalCaseCommand(CASE_ID, LIULIN_LEAD,
                            CaseResolution.CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL, null, "责令清退完毕", at(9, 0)))
                    .expectEvents(new DisposalCaseClosedEvent(CASE_ID, LIULIN_LEAD,
                            CaseResolution.CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL, null, "责令清退完毕", 0L, 0L, at(9, 0)));
        }

        @Test
        void theResolution_mustFitTheCase() {
            fixture.given(opened(), determined(DeterminationOutcome.SUSPECTED_CRIME))
                    .when(new CloseDisposalCaseCommand(CASE_ID, LIULIN_LEAD, CaseResolution.CLOSED_AFTER_JUDGMENT, null,
                            null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aMergedCase_namesAnExistingCase() {
            fixture.given(opened())
                    .when(new CloseDisposalCaseCommand(CASE_ID, LIULIN_LEAD, CaseResolution.MERGED, "case-0002", null,
                            at(9, 0)))
                    .expectEvents(new DisposalCaseClosedEvent(CASE_ID, LIULIN_LEAD, CaseResolution.MERGED, "case-0002",
                            null, 0L, 0L, at(9, 0)));
            caseFixture(clueLinks).given(opened())
                    .when(new CloseDisposalCaseCommand(CASE_ID, LIULIN_LEAD, CaseResolution.MERGED, "clue-0001", null,
                            at(9, 0)))
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void anEscalatedCase_isClosedOnlyWithAPlan() {
            fixture.given(opened(), new DisposalCaseEscalatedEvent(CASE_ID, LIULIN_LEAD,
                            List.of(EscalationReason.COMPLEX), 240_000_050L, 180, THRESHOLD_FEN, 500, "复杂", at(0, 2)),
                            new DisposalCaseDeterminedEvent(CASE_ID, CITY_LEAD, DeterminationLevel.CITY,
                                    DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING, "不构成", at(1, 0)))
                    .when(new CloseDisposalCaseCommand(CASE_ID, CITY_LEAD, CaseResolution.NO_ILLEGAL_FUNDRAISING, null,
                            null, at(9, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void aClosedCase_takesOnlyPetitions() {
            fixture.given(opened(), determined(DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING),
                            new DisposalCaseClosedEvent(CASE_ID, LIULIN_LEAD, CaseResolution.NO_ILLEGAL_FUNDRAISING,
                                    null, null, 0L, 0L, at(5, 0)))
                    .when(new RecordAssetRecoveryCommand(CASE_ID, LIULIN_POLICE, AssetKind.CASH, 100L, "现金", at(6, 0)))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }
}
