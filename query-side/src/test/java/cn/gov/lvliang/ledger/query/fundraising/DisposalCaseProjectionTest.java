package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LIULIN;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.WENSHUI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds every kind of case event (those of {@link FundraisingScenario}) to the disposal-case read model on PostgreSQL,
 * in a fresh schema per test, then asks its query handlers. Today is 15 April 2025 in Beijing.
 */
class DisposalCaseProjectionTest {

    FundraisingDatabase database;
    DisposalCaseProjection projection;
    FundraisingEvents events;
    FundraisingScenario scenario;

    @BeforeEach
    void freshSchema() {
        database = FundraisingDatabase.postgres();
        projection = new DisposalCaseProjection(database.jdbc(),
                Clock.fixed(Instant.parse("2025-04-15T04:00:00Z"), ZoneOffset.UTC));
        events = FundraisingEvents.into(new Object(), projection);
        scenario = new FundraisingScenario();
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void anAdministrativeCase_showsItsDeterminationMeasuresMoneyAndPetition() {
        events.apply(scenario.c1());

        DisposalCaseView c1 = find(scenario.c1);
        assertThat(c1.legacy()).isFalse();
        assertThat(c1.legacyCase()).isNull();
        assertThat(c1.name()).isEqualTo("吕梁康养服务有限公司涉嫌非法集资案");
        assertThat(c1.subjectName()).isEqualTo("吕梁康养服务有限公司");
        assertThat(c1.keyArea()).isEqualTo(KeyArea.ELDERLY_CARE);
        assertThat(c1.divisionName()).isEqualTo("离石区");
        assertThat(c1.openedBy()).isEqualTo("141102_GOV_OFFICE");
        assertThat(c1.openedAt()).isEqualTo(beijing("2025-01-15T10:00"));
        assertThat(c1.clueIds()).containsExactly(scenario.l1);
        assertThat(c1.status()).isEqualTo(DisposalCaseStatus.DETERMINED);
        assertThat(c1.estimatedParticipants()).isEqualTo(80);
        assertThat(c1.determination().level()).isEqualTo(DeterminationLevel.COUNTY);
        assertThat(c1.determination().outcome()).isEqualTo(DeterminationOutcome.ILLEGAL_FUNDRAISING);
        assertThat(c1.determination().determinedAt()).isEqualTo(beijing("2025-01-25T10:00"));
        assertThat(c1.escalated()).isFalse();
        assertThat(c1.crossProvince()).isFalse();

        assertThat(c1.measures()).extracting(DisposalCaseView.MeasureView::measureId,
                        DisposalCaseView.MeasureView::kind,
                        DisposalCaseView.MeasureView::completed, DisposalCaseView.MeasureView::followUps,
                        DisposalCaseView.MeasureView::amountYuan)
                .containsExactly(tuple("M1", MeasureKind.WARNING_TALK, true, 0, null),
                        tuple("M2", MeasureKind.ORDERED_REFUND, false, 1, new BigDecimal("400000.00")));
        assertThat(c1.measures().get(0).completedAt()).isEqualTo(beijing("2025-02-05T10:00"));
        assertThat(c1.measures().get(1).lastFollowUp()).isEqualTo("已督促整改");
        assertThat(c1.measuresOrdered()).isEqualTo(2);
        assertThat(c1.measuresOpen()).isEqualTo(1);
        assertThat(c1.withPolice()).isFalse();
        assertThat(c1.transfer()).isNull();

        assertThat(c1.recoveries()).extracting(DisposalCaseView.AssetRecoveryView::recoveryNumber,
                        DisposalCaseView.AssetRecoveryView::kind, DisposalCaseView.AssetRecoveryView::amountYuan)
                .containsExactly(tuple(1, AssetKind.BANK_DEPOSIT, new BigDecimal("300000.00")),
                        tuple(2, AssetKind.BANK_DEPOSIT, new BigDecimal("100000.00")));
        assertThat(c1.participantBatches()).isEqualTo(1);
        assertThat(c1.refundRounds()).extracting(DisposalCaseView.RefundRoundView::roundNumber,
                        DisposalCaseView.RefundRoundView::roundTotalYuan,
                        DisposalCaseView.RefundRoundView::participantsTakingPart,
                        DisposalCaseView.RefundRoundView::participantsPaid)
                .containsExactly(tuple(1, new BigDecimal("120000.00"), 3, 3));
        assertThat(c1.money()).isEqualTo(new CaseMoney(120_000_000L, new BigDecimal("1200000.00"), 40_000_000L,
                new BigDecimal("400000.00"), 40_000_000L, new BigDecimal("400000.00"), 12_000_000L,
                new BigDecimal("120000.00"), 3, new BigDecimal("0.3333"), new BigDecimal("0.3000"),
                new BigDecimal("0.3000")));
        assertThat(c1.petitions()).extracting(DisposalCaseView.PetitionView::petitionId,
                        DisposalCaseView.PetitionView::petitioners, DisposalCaseView.PetitionView::handled,
                        DisposalCaseView.PetitionView::outcome)
                .containsExactly(tuple("PT-1", 3, true, PetitionOutcome.ANSWERED));
        assertThat(c1.petitionsOpen()).isZero();
        assertThat(c1.petitioners()).isEqualTo(3);
        assertThat(c1.closure()).isNull();
        assertThat(c1.lastEventSequence()).isEqualTo(11);
    }

    @Test
    void anEscalatedCriminalCase_showsTheCitysDeterminationTheTransferAndItsProvinces() {
        events.apply(scenario.c2());

        DisposalCaseView c2 = find(scenario.c2);
        assertThat(c2.status()).isEqualTo(DisposalCaseStatus.WITH_POLICE);
        assertThat(c2.escalated()).isTrue();
        assertThat(c2.escalatedAt()).isEqualTo(beijing("2025-03-05T10:00"));
        assertThat(c2.escalations()).extracting(DisposalCaseView.EscalationView::reasons,
                        DisposalCaseView.EscalationView::amountThresholdFen, DisposalCaseView.EscalationView::note)
                .containsExactly(tuple(List.of(EscalationReason.DISPUTED), 500_000_000L, "定性存在争议"));
        assertThat(c2.determination().level()).isEqualTo(DeterminationLevel.CITY);
        assertThat(c2.determination().actingUnit()).isEqualTo("CITY_GOV_OFFICE");
        assertThat(c2.determination().outcome()).isEqualTo(DeterminationOutcome.SUSPECTED_CRIME);
        assertThat(c2.withPolice()).isTrue();
        assertThat(c2.transfer().policeUnit()).isEqualTo("141102_POLICE");
        assertThat(c2.transfer().transferredAt()).isEqualTo(beijing("2025-03-15T10:00"));
        assertThat(c2.criminalStage()).isEqualTo(CriminalMilestone.POLICE_FILED);
        assertThat(c2.criminalMilestones()).extracting(DisposalCaseView.CriminalMilestoneView::milestone,
                        DisposalCaseView.CriminalMilestoneView::actingUnit)
                .containsExactly(tuple(CriminalMilestone.POLICE_FILED, "141102_POLICE"));
        assertThat(c2.crossProvince()).isTrue();
        assertThat(c2.crossProvinceAt()).as("opened across provinces").isEqualTo(beijing("2025-03-01T11:00"));
        assertThat(c2.provinces()).extracting(DisposalCaseView.ProvinceView::code, DisposalCaseView.ProvinceView::name,
                        DisposalCaseView.ProvinceView::addedAt)
                .containsExactly(tuple("610000", "陕西省", beijing("2025-03-01T11:00")),
                        tuple("130000", "河北省", beijing("2025-04-03T10:00")));
        assertThat(c2.money().recoveryCoverage()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(c2.money().refundOfRecovered()).isNull();
        assertThat(c2.money().refundOfClaims()).isNull();
    }

    @Test
    void aMajorCase_showsItsRevisedScaleItsPlanAndItsClosure() {
        events.apply(scenario.c3());

        DisposalCaseView c3 = find(scenario.c3);
        assertThat(c3.status()).isEqualTo(DisposalCaseStatus.CLOSED);
        assertThat(c3.escalations()).extracting(DisposalCaseView.EscalationView::reasons).containsExactly(
                List.of(EscalationReason.AMOUNT_OVER_THRESHOLD, EscalationReason.PARTICIPANTS_OVER_THRESHOLD));
        assertThat(c3.scale()).extracting(DisposalCaseView.ScaleView::estimatedAmountYuan,
                        DisposalCaseView.ScaleView::estimatedParticipants, DisposalCaseView.ScaleView::effectiveAt)
                .containsExactly(tuple(new BigDecimal("5000000.00"), 600, beijing("2025-01-20T10:00")),
                        tuple(new BigDecimal("6000000.00"), 650, beijing("2025-02-10T10:00")));
        assertThat(c3.money().estimatedAmountFen()).isEqualTo(600_000_000L);
        assertThat(c3.estimatedParticipants()).isEqualTo(650);
        assertThat(c3.plan().responsibleName()).isEqualTo("王某");
        assertThat(c3.plan().responsibleRole()).isEqualTo("县政府分管副县长");
        assertThat(c3.plan().milestonesCompleted()).isEqualTo(2);
        assertThat(c3.plan().milestones()).extracting(DisposalCaseView.PlanMilestoneView::seq,
                        DisposalCaseView.PlanMilestoneView::dueDate, DisposalCaseView.PlanMilestoneView::late)
                .containsExactly(tuple(1, LocalDate.of(2025, 3, 10), false), tuple(2, LocalDate.of(2025, 3, 15), true));
        assertThat(c3.closure().resolution()).isEqualTo(CaseResolution.NO_ILLEGAL_FUNDRAISING);
        assertThat(c3.closure().closedAt()).isEqualTo(beijing("2025-03-20T10:00"));
        assertThat(c3.provinces()).extracting(DisposalCaseView.ProvinceView::name).containsExactly("河南省");
    }

    @Test
    void aLegacyCase_isWithThePoliceFromItsImport_andKeepsWhatTheImportRecorded() {
        events.apply(scenario.legacy());

        DisposalCaseView niu = find(scenario.lx);
        assertThat(niu.legacy()).isTrue();
        assertThat(niu.legacyCase()).isEqualTo(new DisposalCaseView.LegacyImportView("141102-1", 1, "离石牛志明非法集资案1起",
                LegacyFilingAge.THREE_TO_FIVE_YEARS, LocalDate.of(2020, 7, 1), true, CriminalMilestone.POLICE_FILED));
        assertThat(niu.determination()).as("determined before the ledger").isNull();
        assertThat(niu.withPolice()).isTrue();
        assertThat(niu.criminalStage()).isEqualTo(CriminalMilestone.FIRST_INSTANCE_JUDGMENT);
        assertThat(niu.criminalMilestones()).extracting(DisposalCaseView.CriminalMilestoneView::milestone)
                .containsExactly(
                CriminalMilestone.PROSECUTION_REVIEW, CriminalMilestone.INDICTED,
                CriminalMilestone.FIRST_INSTANCE_JUDGMENT);
        assertThat(niu.money().recoveredYuan()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(niu.money().recoveryCoverage()).as("no estimated amount").isNull();
        assertThat(niu.status()).isEqualTo(DisposalCaseStatus.CLOSED);
        DisposalCaseView li = find(scenario.ll);
        assertThat(li.status()).isEqualTo(DisposalCaseStatus.WITH_POLICE);
        assertThat(li.criminalStage()).isEqualTo(CriminalMilestone.POLICE_FILED);
        assertThat(li.divisionCode()).isEqualTo(LIULIN);
        assertThat(li.divisionName()).as("not in the test reference data").isNull();
    }

    @Test
    void redeliveryOfEveryEvent_changesNothing() {
        events.apply(scenario.events().stream().filter(event -> !(event instanceof RiskClueEvent)).toList());
        List<DisposalCaseView> before = everyCase();
        long participants = database.count("fundraising_case_participant");

        events.redeliverAll();

        assertThat(everyCase()).isEqualTo(before);
        assertThat(database.count("fundraising_case_participant")).isEqualTo(participants).isEqualTo(3);
        assertThat(find(scenario.c1).money().refundedFen()).isEqualTo(12_000_000L);
    }

    @Test
    void anEventForACaseNeverOpened_writesNothing() {
        events.apply(recovered(newId(), 1, "CITY_COURT", 100L, 100L, beijing("2025-03-01T10:00")));

        assertThat(database.count("fundraising_case")).isZero();
        assertThat(database.count("fundraising_case_recovery")).isZero();
    }

    @Test
    void reset_clearsEveryTable() {
        events.apply(scenario.c1()).apply(scenario.c2()).apply(scenario.c3()).apply(scenario.legacy());

        Feed.into(projection).reset();

        for (String table : DisposalCaseProjection.TABLES) {
            assertThat(database.count(table)).as(table).isZero();
        }
    }

    @Test
    void theCaseList_isFilteredSortedAndPaged() {
        events.apply(scenario.c1()).apply(scenario.c2()).apply(scenario.c3()).apply(scenario.legacy());

        assertThat(ids(filter().division(LISHI))).containsExactlyInAnyOrder(scenario.c1, scenario.c2, scenario.lx);
        assertThat(ids(filter().statuses(DisposalCaseStatus.CLOSED))).containsExactlyInAnyOrder(scenario.c3,
                scenario.lx);
        assertThat(ids(filter().level(DeterminationLevel.CITY))).containsExactlyInAnyOrder(scenario.c2, scenario.c3);
        assertThat(ids(filter().outcome(DeterminationOutcome.SUSPECTED_CRIME)))
                .as("a legacy case counts as a suspected crime")
                .containsExactlyInAnyOrder(scenario.c2, scenario.lx, scenario.ll);
        assertThat(ids(filter().legacy(true))).containsExactlyInAnyOrder(scenario.lx, scenario.ll);
        assertThat(ids(filter().crossProvince(true))).containsExactlyInAnyOrder(scenario.c2, scenario.c3);
        assertThat(ids(filter().measureKind(MeasureKind.WARNING_TALK))).containsExactly(scenario.c1);
        assertThat(ids(filter().transferred(true))).containsExactlyInAnyOrder(scenario.c2, scenario.lx, scenario.ll);
        assertThat(ids(filter().transferred(false))).containsExactlyInAnyOrder(scenario.c1, scenario.c3);
        assertThat(ids(filter().escalated(true))).containsExactlyInAnyOrder(scenario.c2, scenario.c3);
        assertThat(ids(filter().keyArea(KeyArea.FAKE_PRIVATE_EQUITY))).containsExactly(scenario.c3);
        assertThat(ids(filter().period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1))))
                .containsExactlyInAnyOrder(scenario.c2, scenario.ll);
        assertThat(ids(filter().text("牛志明"))).containsExactly(scenario.lx);
        assertThat(ids(filter().division(WENSHUI).statuses(DisposalCaseStatus.OPEN))).isEmpty();

        DisposalCasePage first = list(filter(), ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.ASC, 0, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(DisposalCaseSummary::caseId).containsExactly(scenario.lx, scenario.c1);
        assertThat(list(filter(), ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.ASC, 1, 2).items())
                .extracting(DisposalCaseSummary::caseId).containsExactly(scenario.c3, scenario.ll);
        assertThat(list(filter(), ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.ASC, 2, 2).items())
                .extracting(DisposalCaseSummary::caseId).containsExactly(scenario.c2);
        DisposalCasePage counted = list(filter(), ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.ASC, 0, 0);
        assertThat(counted.total()).as("a page of size 0: the total alone").isEqualTo(5);
        assertThat(counted.items()).isEmpty();
        assertThat(list(filter(), ListDisposalCasesQuery.Sort.ESTIMATED_AMOUNT, SortDirection.DESC, 0, 5).items())
                .extracting(DisposalCaseSummary::caseId)
                .startsWith(scenario.c3, scenario.c1, scenario.c2);
        assertThat(list(filter(), ListDisposalCasesQuery.Sort.RECOVERED, SortDirection.DESC, 0, 2).items())
                .extracting(DisposalCaseSummary::caseId).containsExactly(scenario.c1, scenario.lx);
        assertThat(list(filter(), ListDisposalCasesQuery.Sort.STATUS, SortDirection.ASC, 0, 5).items())
                .extracting(DisposalCaseSummary::status).isSorted();

        DisposalCaseSummary c2 = list(filter().division(LISHI).crossProvince(true),
                ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.DESC, 0, 5).items().get(0);
        assertThat(c2.provinces()).containsExactly("130000", "610000");
        assertThat(c2.withPolice()).isTrue();
        assertThat(c2.criminalStage()).isEqualTo(CriminalMilestone.POLICE_FILED);
        assertThat(c2.divisionName()).isEqualTo("离石区");
    }

    private DisposalCaseView find(String caseId) {
        return projection.handle(new FindDisposalCaseQuery(caseId)).orElseThrow();
    }

    private List<DisposalCaseView> everyCase() {
        return List.of(scenario.c1, scenario.c2, scenario.c3, scenario.lx, scenario.ll).stream().map(this::find)
                .toList();
    }

    private List<String> ids(Filter filter) {
        return list(filter, ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.ASC, 0, 200).items().stream()
                .map(DisposalCaseSummary::caseId).toList();
    }

    private DisposalCasePage list(Filter f, ListDisposalCasesQuery.Sort sort, SortDirection direction, int page,
                                  int size) {
        return projection.handle(new ListDisposalCasesQuery(f.division, f.statuses, f.level, f.outcome, f.legacy,
                f.crossProvince, f.measureKind, f.transferred, f.escalated, f.keyArea, f.from, f.to, f.text, sort,
                direction, page, size));
    }

    private static Filter filter() {
        return new Filter();
    }

    /** The filters of a list query, all off until set. */
    private static final class Filter {
        String division;
        Set<DisposalCaseStatus> statuses = Set.of();
        DeterminationLevel level;
        DeterminationOutcome outcome;
        Boolean legacy;
        Boolean crossProvince;
        MeasureKind measureKind;
        Boolean transferred;
        Boolean escalated;
        KeyArea keyArea;
        LocalDate from;
        LocalDate to;
        String text;

        Filter division(String value) {
            division = value;
            return this;
        }

        Filter statuses(DisposalCaseStatus... values) {
            statuses = Set.of(values);
            return this;
        }

        Filter level(DeterminationLevel value) {
            level = value;
            return this;
        }

        Filter outcome(DeterminationOutcome value) {
            outcome = value;
            return this;
        }

        Filter legacy(boolean value) {
            legacy = value;
            return this;
        }

        Filter crossProvince(boolean value) {
            crossProvince = value;
            return this;
        }

        Filter measureKind(MeasureKind value) {
            measureKind = value;
            return this;
        }

        Filter transferred(boolean value) {
            transferred = value;
            return this;
        }

        Filter escalated(boolean value) {
            escalated = value;
            return this;
        }

        Filter keyArea(KeyArea value) {
            keyArea = value;
            return this;
        }

        Filter period(LocalDate first, LocalDate last) {
            from = first;
            to = last;
            return this;
        }

        Filter text(String value) {
            text = value;
            return this;
        }
    }
}
