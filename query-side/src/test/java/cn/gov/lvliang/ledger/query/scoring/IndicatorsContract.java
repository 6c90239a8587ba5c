package cn.gov.lvliang.ledger.query.scoring;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.closed;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.determined;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.duplicate;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.escalated;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.imported;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.lead;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.opened;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.petition;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.petitionHandled;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.refunded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.CITY_APPROVAL;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.LISHI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.Q1_2025;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.WENSHUI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.accepted;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.beijing;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.concluded;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.lodged;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.materials;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.newId;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.overdue;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.rated;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.refused;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.resolved;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.submitted;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.scoring.CountedItem.ItemKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each indicator of rubric version 1 on a small event sequence made by hand, with the value, the two figures and the
 * points worked out here. The county is 离石区 and the period the first quarter of 2025 (1 January to 31 March,
 * Beijing time) unless a test says otherwise; events in 文水县 or outside the quarter show what is left out. Runs on
 * H2 and on PostgreSQL.
 */
abstract class IndicatorsContract {

    ScoringLedger ledger;

    abstract ScoringLedger newLedger();

    @BeforeEach
    void freshLedger() {
        ledger = newLedger();
    }

    @AfterEach
    void dropLedger() {
        ledger.close();
    }

    @Test
    void onTimeConclusionRate_countsTheCasesConcludedInThePeriod_thatHadNotGoneOverdueFirst() {
        for (int i = 0; i < 9; i++) {
            concludedCase(LISHI, "2025-01-0" + (i + 1) + "T10:00", null);
        }
        String late = concludedCase(LISHI, "2025-02-05T10:00", "2025-02-01T00:00");
        concludedCase(LISHI, "2025-04-02T10:00", null);      // concluded in the next quarter
        concludedCase(WENSHUI, "2025-02-10T10:00", "2025-02-01T00:00");  // another county

        // 9 of 10 on time = 0.9000; linear from 0.80 (nothing) to 1.00 (all 12 points): (0.9 − 0.8) ÷ 0.2 = 0.5 → 6.00
        IndicatorScore score = ledger.county(LISHI, Q1_2025, "ON_TIME_CONCLUSION");
        assertFigures(score, "0.9000", "9", "10", "6.00");
        DrilldownView drilldown = drilldown(LISHI, "ON_TIME_CONCLUSION");
        assertThat(drilldown.items()).hasSize(10);
        assertThat(drilldown.items()).filteredOn(item -> !item.counted()).extracting(CountedItem::id)
                .containsExactly(late);
    }

    @Test
    void oneVisitShare_countsVisitsRecordedByThePeriodsEnd() {
        String once = newId();
        ledger.bundle(submitted(once, LISHI, at("2025-01-05T09:00")), visit(once, 1, at("2025-01-05T09:00")),
                concluded(once, at("2025-01-08T10:00")));
        String never = newId();
        ledger.bundle(submitted(never, LISHI, at("2025-01-05T09:00")), concluded(never, at("2025-01-09T10:00")));
        String twice = newId();
        ledger.bundle(submitted(twice, LISHI, at("2025-02-05T09:00")), visit(twice, 1, at("2025-02-05T09:00")),
                visit(twice, 2, at("2025-02-07T09:00")), concluded(twice, at("2025-02-10T10:00")));
        String collectedLater = newId();
        ledger.bundle(submitted(collectedLater, LISHI, at("2025-03-25T09:00")),
                visit(collectedLater, 1, at("2025-03-25T09:00")), concluded(collectedLater, at("2025-03-28T10:00")),
                visit(collectedLater, 2, at("2025-04-03T09:00")));

        // 3 of 4 with at most one visit by 31 March = 0.7500; linear 0.60 → 1.00: 0.15 ÷ 0.4 = 0.375 × 10 = 3.75
        assertFigures(ledger.county(LISHI, Q1_2025, "ONE_VISIT"), "0.7500", "3", "4", "3.75");
        assertThat(drilldown(LISHI, "ONE_VISIT").items()).filteredOn(item -> item.id().equals(twice))
                .extracting(CountedItem::counted, item -> item.amount().intValue())
                .containsExactly(tuple(false, 2));
    }

    @Test
    void waivedMaterialsShare_countsTheMaterialsRecordedInThePeriod() {
        String a = newId();
        ledger.bundle(submitted(a, LISHI, at("2025-01-05T09:00")), materials(a, 2, 2, at("2025-01-05T09:05")),
                materials(a, 0, 1, at("2025-04-02T09:00")));
        String b = newId();
        ledger.bundle(submitted(b, LISHI, at("2025-02-05T09:00")), materials(b, 3, 0, at("2025-02-05T09:05")));
        String before = newId();
        ledger.bundle(submitted(before, LISHI, at("2024-12-30T09:00")), materials(before, 0, 1,
                at("2024-12-30T09:05")));

        // 2 waived of 7 recorded = 0.2857; linear 0 → 0.50: 0.2857 ÷ 0.5 = 0.5714 × 8 = 4.5712 → 4.57
        assertFigures(ledger.county(LISHI, Q1_2025, "WAIVED_MATERIALS"), "0.2857", "2", "7", "4.57");
    }

    @Test
    void complaints_resolvedInThePeriodOfThoseInHand_andTheirAverageDaysToResolve() {
        String caseId = newId();
        ledger.bundle(submitted(caseId, LISHI, at("2024-11-20T09:00")),
                lodged(caseId, "K2", at("2024-12-01T10:00")), resolved(caseId, "K2", at("2024-12-10T10:00")),
                lodged(caseId, "K1", at("2024-12-20T10:00")), resolved(caseId, "K1", at("2025-01-05T10:00")),
                lodged(caseId, "K6", at("2025-01-10T10:00")), resolved(caseId, "K6", at("2025-01-12T10:00")),
                lodged(caseId, "K3", at("2025-02-01T10:00")),
                lodged(caseId, "K5", at("2025-03-01T10:00")), resolved(caseId, "K5", at("2025-03-03T22:00")),
                lodged(caseId, "K4", at("2025-03-30T10:00")), resolved(caseId, "K4", at("2025-04-02T10:00")));

        // In hand: K1, K6, K3, K5, K4 (K2 was resolved before the quarter). Resolved in it: K1, K6, K5 = 3 of 5 =
        // 0.6000; linear 0.50 → 1.00: 0.1 ÷ 0.5 = 0.2 × 6 = 1.20
        assertFigures(ledger.county(LISHI, Q1_2025, "COMPLAINT_RESOLUTION"), "0.6000", "3", "5", "1.20");
        // Days of K1 16, K6 2, K5 2.5: 20.50 ÷ 3 = 6.8333 → 6.83; lower is better, full at 3 and nothing at 15:
        // (6.83 − 15) ÷ (3 − 15) = 0.680833 × 4 = 2.7233 → 2.72
        assertFigures(ledger.county(LISHI, Q1_2025, "COMPLAINT_DAYS"), "6.83", "20.50", "3", "2.72");
        assertThat(drilldown(LISHI, "COMPLAINT_DAYS").items()).extracting(CountedItem::id, CountedItem::caseId)
                .containsExactlyInAnyOrder(tuple("K1", caseId),
                        tuple("K5", caseId),
                        tuple("K6", caseId));
    }

    @Test
    void averageRating_ofTheRatingsGivenInThePeriod() {
        ratedCase(LISHI, 5, "2025-01-15T10:00");
        ratedCase(LISHI, 4, "2025-02-15T10:00");
        ratedCase(LISHI, 3, "2025-03-15T10:00");
        ratedCase(LISHI, 1, "2025-04-01T10:00");
        ratedCase(WENSHUI, 1, "2025-02-15T10:00");

        // (5 + 4 + 3) ÷ 3 = 4.00; linear 3.0 → 4.8: 1.0 ÷ 1.8 = 0.555556 × 6 = 3.3333 → 3.33
        assertFigures(ledger.county(LISHI, Q1_2025, "AVERAGE_RATING"), "4.00", "12", "3", "3.33");
    }

    @Test
    void acceptanceRefusalRate_placesEachDecisionByItsBeijingDate() {
        for (int i = 1; i <= 9; i++) {
            String caseId = newId();
            ledger.bundle(submitted(caseId, LISHI, at("2025-02-0" + i + "T09:00")),
                    accepted(caseId, at("2025-02-0" + i + "T10:00")));
        }
        String justAfterNewYear = newId();
        ledger.bundle(submitted(justAfterNewYear, LISHI, at("2024-12-31T22:00")),
                refused(justAfterNewYear, at("2025-01-01T00:30")));
        String justBeforeNewYear = newId();
        ledger.bundle(submitted(justBeforeNewYear, LISHI, at("2024-12-31T22:00")),
                refused(justBeforeNewYear, at("2024-12-31T23:30")));

        // 00:30 on 1 January in Lvliang is 16:30 UTC on 31 December, yet in the quarter; 23:30 on 31 December is not.
        // 1 refused of 10 decided = 0.1000; lower is better, full at 0.05, nothing at 0.20:
        // (0.1 − 0.2) ÷ (0.05 − 0.2) = 0.666667 × 4 = 2.6667 → 2.67
        assertFigures(ledger.county(LISHI, Q1_2025, "ACCEPTANCE_REFUSAL"), "0.1000", "1", "10", "2.67");
    }

    @Test
    void bundlesInOperation_ofTheYearsList_forACountyAndForALeadUnit() {
        String opening = newId();
        ledger.bundle(submitted(opening, LISHI, "2024-01", CITY_APPROVAL, at("2024-05-01T10:00")));
        String birth = newId();
        ledger.bundle(submitted(birth, LISHI, "2024-13", "CITY_HEALTH", at("2025-01-05T10:00")));
        ScoringPeriod year2024 = ScoringPeriod.parse("2024");

        // The test catalog's 2024 list has 2024-01 and 2024-13; 离石区 ran 2024-01 in 2024 and 2024-13 only in 2025:
        // 1 of 2 = 0.5000 × 10 = 5.00
        assertFigures(ledger.county(LISHI, year2024, "BUNDLES_IN_OPERATION"), "0.5000", "1", "2", "5.00");
        // 市行政审批局 leads only 2024-01, which ran: 1 of 1 = 1.0000, all 10 points
        IndicatorScore lead = ledger.score(ScoredSubjectKind.LEAD_UNIT, CITY_APPROVAL, year2024)
                .indicator("BUNDLES_IN_OPERATION").orElseThrow();
        assertFigures(lead, "1.0000", "1", "1", "10.00");
        // 2025 has no list in the test catalog: not applicable, rather than 0%
        IndicatorScore noList = ledger.county(LISHI, Q1_2025, "BUNDLES_IN_OPERATION");
        assertThat(noList.applicable()).isFalse();
        assertThat(noList.value()).isNull();
        assertThat(drilldown(LISHI, year2024, "BUNDLES_IN_OPERATION").items())
                .extracting(CountedItem::kind, CountedItem::id, CountedItem::counted)
                .containsExactly(tuple(ItemKind.BUNDLE, "2024-01", true),
                        tuple(ItemKind.BUNDLE, "2024-13", false));
    }

    @Test
    void clueVerificationOnTime_countsVerificationsInThePeriod_andOverdueCluesStillWaitingAtItsEnd() {
        for (int i = 1; i <= 4; i++) {
            clue("2025-01-0" + i + "T10:00", null, "2025-01-1" + i + "T10:00", false);
        }
        String late = clue("2025-01-05T10:00", "2025-01-20", "2025-01-25T10:00", false);
        String stillWaiting = clue("2025-02-05T10:00", "2025-02-28", null, false);
        clue("2024-11-05T10:00", "2024-11-30", "2024-12-05T10:00", false);   // verified before the quarter
        clue("2025-01-06T10:00", "2025-01-31", null, true);                  // ended as a duplicate
        clue("2025-03-20T10:00", null, "2025-04-03T10:00", false);           // verified after the quarter

        // On time: 4; base: 4 + the late one + the one still waiting = 6 → 0.6667;
        // linear 0.60 → 1.00: 0.0667 ÷ 0.4 = 0.16675 × 8 = 1.334 → 1.33
        assertFigures(ledger.county(LISHI, Q1_2025, "CLUE_VERIFICATION"), "0.6667", "4", "6", "1.33");
        assertThat(drilldown(LISHI, "CLUE_VERIFICATION").items()).filteredOn(item -> !item.counted())
                .extracting(CountedItem::id).containsExactlyInAnyOrder(late, stillWaiting);
    }

    @Test
    void caseClosureRate_ofTheCasesOpenedByThePeriodsEnd_leavingLegacyCasesOut() {
        disposalCase("2024-10-01T10:00", "2025-02-01T10:00");
        disposalCase("2024-09-01T10:00", "2024-12-01T10:00");
        disposalCase("2025-01-15T10:00", null);
        disposalCase("2024-11-01T10:00", "2025-04-10T10:00");     // closed after the quarter
        disposalCase("2025-04-02T10:00", null);                   // opened after it
        String legacy = newId();
        ledger.fundraising(imported(legacy, "141102-1", LISHI, "牛志明非法集资案", "离石牛志明非法集资案1起",
                at("2024-07-10T10:00")), closed(legacy, LISHI, CaseResolution.OTHER, 0, 0, at("2025-02-01T10:00")));

        // 2 closed of 4 opened by 31 March = 0.5000; linear 0.20 → 0.80: 0.3 ÷ 0.6 = 0.5 × 10 = 5.00
        assertFigures(ledger.county(LISHI, Q1_2025, "CASE_CLOSURE"), "0.5000", "2", "4", "5.00");
    }

    @Test
    void legacyResolution_countsThePlansCasesEvenBeforeImport_andOthersOnceImported() {
        IndicatorScore beforeImport = ledger.county(LISHI, Q1_2025, "LEGACY_RESOLUTION");
        // The plan's 牛志明 case, not yet imported: 0 of 1; steps (100% → all, 50% → 40%): nothing
        assertFigures(beforeImport, "0.0000", "0", "1", "0.00");
        assertThat(ledger.county(WENSHUI, Q1_2025, "LEGACY_RESOLUTION").applicable())
                .as("文水县 has no legacy case").isFalse();

        String plan = newId();
        String other = newId();
        String importedLater = newId();
        ledger.fundraising(
                imported(plan, "141102-1", LISHI, "牛志明非法集资案", "离石牛志明非法集资案1起", at("2024-07-10T10:00")),
                closed(plan, LISHI, CaseResolution.OTHER, 0, 0, at("2025-03-01T10:00")),
                imported(other, "141102-9", LISHI, "某甲非法集资案", "某甲非法集资案", at("2025-02-01T10:00")),
                imported(importedLater, "141102-8", LISHI, "某乙非法集资案", "某乙非法集资案", at("2025-04-10T10:00")));

        // The plan's case closed, the other imported in the quarter still open, the one imported in April left out:
        // 1 of 2 = 0.5000 → the 50% step, 40% of 8 = 3.20
        assertFigures(ledger.county(LISHI, Q1_2025, "LEGACY_RESOLUTION"), "0.5000", "1", "2", "3.20");
    }

    @Test
    void recoveryCoverageAndRefundRatio_asAtThePeriodsLastDay() {
        String estimated = newId();
        String withoutEstimate = newId();
        String nothingYet = newId();
        ledger.fundraising(
                opened(estimated, LISHI, "甲公司涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(), 1_000_000L, 40, List.of(),
                        at("2025-01-05T10:00")),
                recovered(estimated, 1, LISHI + "_POLICE", 300_000, 300_000, at("2025-02-01T10:00")),
                refunded(estimated, 1, 150_000, 300_000, 0, List.of(), at("2025-03-01T10:00")),
                recovered(estimated, 2, LISHI + "_POLICE", 100_000, 400_000, at("2025-04-05T10:00")),
                opened(withoutEstimate, LISHI, "乙公司涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(), null, null,
                        List.of(), at("2025-02-01T10:00")),
                recovered(withoutEstimate, 1, LISHI + "_POLICE", 200_000, 200_000, at("2025-03-01T10:00")),
                opened(nothingYet, LISHI, "丙公司涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(), 1_000_000L, 40,
                        List.of(), at("2025-03-01T10:00")));

        // Coverage on the cases with an estimate: ¥3,000 of ¥20,000 = 0.1500; linear 0 → 0.50: 0.3 × 6 = 1.80
        assertFigures(ledger.county(LISHI, Q1_2025, "RECOVERY_COVERAGE"), "0.1500", "3000.00", "20000.00", "1.80");
        // Refunded ¥1,500 of ¥5,000 recovered = 0.3000; linear 0 → 0.80: 0.375 × 4 = 1.50
        assertFigures(ledger.county(LISHI, Q1_2025, "REFUND_RATIO"), "0.3000", "1500.00", "5000.00", "1.50");
    }

    @Test
    void petitionHandlingRate_ofThePetitionsInHandInThePeriod() {
        String caseId = newId();
        ledger.fundraising(
                opened(caseId, LISHI, "丁公司涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(), 500_000L, 20, List.of(),
                        at("2024-10-01T10:00")),
                petition(caseId, "P3", LISHI, 5, at("2024-11-01T10:00")),
                petitionHandled(caseId, "P3", LISHI, at("2024-11-20T10:00")),
                petition(caseId, "P1", LISHI, 5, at("2024-12-15T10:00")),
                petitionHandled(caseId, "P1", LISHI, at("2025-01-10T10:00")),
                petition(caseId, "P6", LISHI, 2, at("2025-01-05T10:00")),
                petitionHandled(caseId, "P6", LISHI, at("2025-01-06T10:00")),
                petition(caseId, "P2", LISHI, 3, at("2025-02-01T10:00")),
                petition(caseId, "P4", LISHI, 1, at("2025-03-15T10:00")),
                petitionHandled(caseId, "P4", LISHI, at("2025-03-20T10:00")),
                petition(caseId, "P5", LISHI, 1, at("2025-03-30T10:00")),
                petitionHandled(caseId, "P5", LISHI, at("2025-04-02T10:00")));

        // In hand: P1, P6, P2, P4, P5; handled in the quarter: P1, P6, P4 = 3 of 5 = 0.6000;
        // linear 0.50 → 1.00: 0.2 × 4 = 0.80
        assertFigures(ledger.county(LISHI, Q1_2025, "PETITION_HANDLING"), "0.6000", "3", "5", "0.80");
    }

    @Test
    void majorCasesAfterTheCampaignHandledPoorly_costFivePointsEach_atMostFifteen() {
        ScoringPeriod q1of2026 = ScoringPeriod.parse("2026-Q1");
        String petitionLate = majorCase("2026-01-05T10:00", EscalationReason.AMOUNT_OVER_THRESHOLD, "2026-02-01T10:00");
        ledger.fundraising(petition(petitionLate, "P1", LISHI, 30, at("2026-02-10T10:00")),
                petitionHandled(petitionLate, "P1", LISHI, at("2026-03-20T10:00")));           // 38 days > 30
        String undetermined = majorCase("2026-01-10T10:00", EscalationReason.PARTICIPANTS_OVER_THRESHOLD, null);
        majorCase("2026-03-01T10:00", EscalationReason.AMOUNT_OVER_THRESHOLD, null);           // 30 days so far
        majorCase("2026-01-02T10:00", EscalationReason.COMPLEX, null);                         // not major
        majorCase("2025-12-20T10:00", EscalationReason.AMOUNT_OVER_THRESHOLD, null);           // in the campaign
        String determinedLate = majorCase("2026-01-03T10:00", EscalationReason.AMOUNT_OVER_THRESHOLD,
                "2026-03-10T10:00");                                                           // 66 days > 60

        SubjectScore threeCases = ledger.score(ScoredSubjectKind.COUNTY, LISHI, q1of2026);
        assertThat(threeCases.penalties()).singleElement().satisfies(penalty -> {
            assertThat(penalty.caseIds()).containsExactlyInAnyOrder(petitionLate, undetermined, determinedLate);
            assertThat(penalty.points()).isEqualByComparingTo("15.00");
        });

        majorCase("2026-01-04T10:00", EscalationReason.AMOUNT_OVER_THRESHOLD, null);
        SubjectScore fourCases = ledger.score(ScoredSubjectKind.COUNTY, LISHI, q1of2026);
        assertThat(fourCases.penalties().get(0).caseIds()).hasSize(4);
        assertThat(fourCases.penaltyPoints()).as("capped").isEqualByComparingTo("15.00");
        assertThat(fourCases.totalScore()).isEqualByComparingTo(fourCases.baseScore().subtract(
                new BigDecimal("15.00")).max(BigDecimal.ZERO));
        assertThat(ledger.score(ScoredSubjectKind.COUNTY, LISHI, ScoringPeriod.parse("2026-01")).penalties()
                .get(0).caseIds()).as("by 31 January only the petition is not yet late, and no case is 60 days old")
                .isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String concludedCase(String division, String concludedAt, String overdueAt) {
        String caseId = newId();
        Instant submittedAt = at(concludedAt).minusSeconds(3 * 86_400);
        ledger.bundle(submitted(caseId, division, submittedAt), accepted(caseId, submittedAt.plusSeconds(600)));
        if (overdueAt != null) {
            ledger.bundle(overdue(caseId, at(overdueAt)));
        }
        ledger.bundle(concluded(caseId, at(concludedAt)));
        return caseId;
    }

    private void ratedCase(String division, int score, String ratedAt) {
        String caseId = newId();
        ledger.bundle(submitted(caseId, division, at(ratedAt).minusSeconds(86_400)), rated(caseId, score, at(ratedAt)));
    }

    /** A clue recorded and assigned, perhaps overdue on the day after {@code dueDate}, then verified or a duplicate. */
    private String clue(String recordedAt, String dueDate, String verifiedAt, boolean duplicate) {
        String clueId = newId();
        Instant recorded = at(recordedAt);
        LocalDate due = dueDate == null ? recorded.atZone(BusinessDay.ZONE)
                .toLocalDate().plusDays(20) : LocalDate.parse(dueDate);
        ledger.fundraising(recorded(clueId, LISHI, ClueSource.PUBLIC_REPORT, KeyArea.ELDERLY_CARE, "某养老公司", null,
                null, recorded), assigned(clueId, LISHI, due, recorded.plusSeconds(3600)));
        if (dueDate != null) {
            ledger.fundraising(FundraisingTestData.overdue(clueId, LISHI, due));
        }
        if (duplicate) {
            ledger.fundraising(duplicate(clueId, newId(), LISHI, due.atStartOfDay(
                    BusinessDay.ZONE).toInstant().plusSeconds(10 * 86_400)));
        } else if (verifiedAt != null) {
            ledger.fundraising(verified(clueId, LISHI, VerificationOutcome.NO_RISK, at(verifiedAt)));
        }
        return clueId;
    }

    private void disposalCase(String openedAt, String closedAt) {
        String caseId = newId();
        ledger.fundraising(opened(caseId, LISHI, "某公司涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(), 100_000L, 10,
                List.of(), at(openedAt)));
        if (closedAt != null) {
            ledger.fundraising(closed(caseId, LISHI, CaseResolution.OTHER, 0, 0, at(closedAt)));
        }
    }

    private String majorCase(String openedAt, EscalationReason reason, String determinedAt) {
        String caseId = newId();
        Instant opened = at(openedAt);
        ledger.fundraising(opened(caseId, LISHI, "某投资公司涉嫌非法集资案", KeyArea.INVESTMENT_INTERMEDIARY, List.of(),
                        900_000_000L, 800, List.of(), opened),
                escalated(caseId, lead(LISHI), List.of(reason), 900_000_000L, 800, opened.plusSeconds(3600)));
        if (determinedAt != null) {
            ledger.fundraising(determined(caseId, DeterminationLevel.CITY, "CITY_GOV_OFFICE",
                    DeterminationOutcome.ILLEGAL_FUNDRAISING, at(determinedAt)));
        }
        return caseId;
    }

    private DrilldownView drilldown(String division, String indicator) {
        return drilldown(division, Q1_2025, indicator);
    }

    private DrilldownView drilldown(String division, ScoringPeriod period, String indicator) {
        return ledger.scoring().drilldown(ScoredSubjectKind.COUNTY, division, period, 1, indicator);
    }

    private static Instant at(String beijing) {
        return beijing(beijing);
    }

    private static void assertFigures(IndicatorScore score, String value, String numerator, String denominator,
                                      String points) {
        assertThat(score.applicable()).as(score.code() + " applicable").isTrue();
        assertThat(score.value()).as(score.code() + " value").isEqualByComparingTo(value);
        assertThat(score.numerator()).as(score.code() + " numerator").isEqualByComparingTo(numerator);
        assertThat(score.denominator()).as(score.code() + " denominator").isEqualByComparingTo(denominator);
        assertThat(score.points()).as(score.code() + " points").isEqualByComparingTo(points);
    }
}
