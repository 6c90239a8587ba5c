package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.CALENDAR_PUBLISHED;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LIULIN;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.WENSHUI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The statistics on {@link FundraisingScenario}, every expected figure worked out by hand from the table in its
 * Javadoc. The scenario is fed once into a database of the test's own, so that city-wide figures are exact. Today is
 * 15 April 2025, noon in Beijing. Run on PostgreSQL and on H2 by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FundraisingStatisticsContract {

    static final Instant NOW = Instant.parse("2025-04-15T04:00:00Z");
    static final LocalDate Q1_FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2025, 3, 31);
    static final LocalDate Q2_FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate Q2_TO = LocalDate.of(2025, 6, 30);

    FundraisingDatabase database;
    FundraisingScenario scenario;
    RiskClueProjection clues;
    DisposalCaseProjection cases;
    CampaignCalendarProjection calendar;
    FundraisingStatistics statistics;

    abstract FundraisingDatabase database();

    @BeforeAll
    void feedTheScenario() {
        database = database();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        clues = new RiskClueProjection(database.jdbc());
        cases = new DisposalCaseProjection(database.jdbc(), clock);
        calendar = new CampaignCalendarProjection(database.jdbc());
        statistics = new FundraisingStatistics(database.jdbc(), clock, calendar);
        scenario = new FundraisingScenario();
        FundraisingEvents.into(clues, cases).apply(scenario.events());
        Feed.into(calendar).event(FundraisingTestData.calendar(1), CALENDAR_PUBLISHED);
    }

    @AfterAll
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void theScenario_hasEveryKindOfClueAndCaseEvent_andTheProjectionsHandleEachKind() {
        Set<Class<?>> fed = scenario.events().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(fed).containsAll(List.of(RiskClueEvent.class.getPermittedSubclasses()))
                .containsAll(List.of(DisposalCaseEvent.class.getPermittedSubclasses()));
        assertThat(handled(RiskClueProjection.class)).containsExactlyInAnyOrder(
                RiskClueEvent.class.getPermittedSubclasses());
        assertThat(handled(DisposalCaseProjection.class)).containsExactlyInAnyOrder(
                DisposalCaseEvent.class.getPermittedSubclasses());
    }

    // ---- funnel ------------------------------------------------------------------------------------------------

    @Test
    void funnel_ofTheFirstQuarter_followsTheCluesRecordedInIt_toTheEndOfMarch() {
        FunnelView funnel = statistics.handle(new FindFunnelQuery(null, Q1_FROM, Q1_TO));

        // Recorded: L1 (1 January, 00:30), L2, L3, L4, L6, W2, W3 (31 March, 23:59); not W1 (December) nor L5 (April).
        // With a risk: L1, L3, W2. Cases from them: C1 (L1), C2 (L3). C1 determined, a measure; C2 determined,
        // transferred. Nothing closed: C3 was opened from W1, which is not in the quarter's clues.
        assertThat(funnel.divisionName()).isEqualTo("全市");
        assertThat(stages(funnel.stages())).containsExactly(
                "CLUES_RECORDED 7 null", "VERIFIED_WITH_RISK 3 0.4286", "CASES_OPENED 2 null", "DETERMINED 2 1.0000",
                "MEASURES_ORDERED 1 0.5000", "TRANSFERRED_TO_POLICE 1 0.5000", "CLOSED 0 0.0000");
        assertThat(funnel.counties()).extracting(FunnelView.FunnelCounty::divisionCode)
                .containsExactly(LISHI, WENSHUI, "1411KF");
        assertThat(stages(funnel.counties().get(0).stages())).containsExactly(
                "CLUES_RECORDED 5 null", "VERIFIED_WITH_RISK 2 0.4000", "CASES_OPENED 2 null", "DETERMINED 2 1.0000",
                "MEASURES_ORDERED 1 0.5000", "TRANSFERRED_TO_POLICE 1 0.5000", "CLOSED 0 0.0000");
        assertThat(stages(funnel.counties().get(1).stages())).containsExactly(
                "CLUES_RECORDED 2 null", "VERIFIED_WITH_RISK 1 0.5000", "CASES_OPENED 0 null", "DETERMINED 0 null",
                "MEASURES_ORDERED 0 null", "TRANSFERRED_TO_POLICE 0 null", "CLOSED 0 null");
        assertThat(funnel.counties().get(0).divisionName()).isEqualTo("离石区");
    }

    @Test
    void funnel_fromDecember_takesInW1_andTheCaseItWasClosedIn() {
        FunnelView funnel = statistics.handle(new FindFunnelQuery(null, LocalDate.of(2024, 12, 1), Q1_TO));

        assertThat(stages(funnel.stages())).containsExactly(
                "CLUES_RECORDED 8 null", "VERIFIED_WITH_RISK 4 0.5000", "CASES_OPENED 3 null", "DETERMINED 3 1.0000",
                "MEASURES_ORDERED 1 0.3333", "TRANSFERRED_TO_POLICE 1 0.3333", "CLOSED 1 0.3333");
    }

    @Test
    void funnel_ofOneCounty_hasThatCountyOnly() {
        FunnelView funnel = statistics.handle(new FindFunnelQuery(WENSHUI, LocalDate.of(2024, 12, 1), Q1_TO));

        assertThat(funnel.divisionName()).isEqualTo("文水县");
        assertThat(funnel.counties()).extracting(FunnelView.FunnelCounty::divisionCode).containsExactly(WENSHUI);
        assertThat(stages(funnel.stages())).containsExactly(
                "CLUES_RECORDED 3 null", "VERIFIED_WITH_RISK 2 0.6667", "CASES_OPENED 1 null", "DETERMINED 1 1.0000",
                "MEASURES_ORDERED 0 0.0000", "TRANSFERRED_TO_POLICE 0 0.0000", "CLOSED 1 1.0000");
    }

    // ---- recovery ----------------------------------------------------------------------------------------------

    @Test
    void recovery_atTheEndOfMarch_leavesCasesWithoutAnEstimateOutOfCoverage() {
        RecoveryView recovery = statistics.handle(new FindRecoveryQuery(null, Q1_TO));

        // C1 1,200,000.00 estimated, 300,000.00 recovered (the April recovery comes later), claims 400,000.00,
        // refunded 120,000.00; C2 300,000.00 estimated; LX has no estimate but 50,000.00 recovered.
        RecoveryView.RecoveryCounty lishi = recovery.counties().get(0);
        assertThat(lishi.divisionCode()).isEqualTo(LISHI);
        assertThat(lishi.figures()).isEqualTo(new RecoveryView.RecoveryFigures(3, 1, 150_000_000L, yuan("1500000.00"),
                35_000_000L, yuan("350000.00"), 30_000_000L, 40_000_000L, yuan("400000.00"), 12_000_000L,
                yuan("120000.00"), ratio("0.2000"), ratio("0.3429"), ratio("0.3000")));
        RecoveryView.RecoveryCounty wenshui = recovery.counties().get(1);
        assertThat(wenshui.figures().involvedFen()).as("C3 as revised in February").isEqualTo(600_000_000L);
        assertThat(wenshui.figures().recoveryCoverage()).isEqualTo(ratio("0.0000"));
        assertThat(wenshui.figures().refundOfRecovered()).as("nothing recovered").isNull();
        assertThat(recovery.counties()).extracting(RecoveryView.RecoveryCounty::divisionCode)
                .containsExactly(LISHI, WENSHUI, "1411KF", LIULIN);
        assertThat(recovery.counties().get(3).figures().recoveryCoverage()).as("LL: no estimate").isNull();

        assertThat(recovery.total()).isEqualTo(new RecoveryView.RecoveryFigures(5, 2, 750_000_000L, yuan("7500000.00"),
                35_000_000L, yuan("350000.00"), 30_000_000L, 40_000_000L, yuan("400000.00"), 12_000_000L,
                yuan("120000.00"), ratio("0.0400"), ratio("0.3429"), ratio("0.3000")));
        RecoveryView.RecoveryCase c1 = recovery.cases().stream().filter(c -> c.caseId().equals(scenario.c1)).findFirst()
                .orElseThrow();
        assertThat(List.of(c1.recoveryCoverage(), c1.refundOfRecovered(), c1.refundOfClaims()))
                .containsExactly(ratio("0.2500"), ratio("0.4000"), ratio("0.3000"));
        assertThat(recovery.cases()).hasSize(5);
    }

    @Test
    void recovery_atTheEndOfJanuary_readsTheEstimateThenInForce() {
        RecoveryView recovery = statistics.handle(new FindRecoveryQuery(null, LocalDate.of(2025, 1, 31)));

        // C1, C3 (still 5,000,000.00) and LX; nothing recovered yet.
        assertThat(recovery.total().cases()).isEqualTo(3);
        assertThat(recovery.total().involvedFen()).isEqualTo(620_000_000L);
        assertThat(recovery.total().recoveryCoverage()).isEqualTo(ratio("0.0000"));
    }

    @Test
    void recovery_atTheEndOfApril_ofOneCounty_takesTheAprilRecovery() {
        RecoveryView recovery = statistics.handle(new FindRecoveryQuery(LISHI, LocalDate.of(2025, 4, 30)));

        assertThat(recovery.counties()).extracting(RecoveryView.RecoveryCounty::divisionCode).containsExactly(LISHI);
        assertThat(recovery.total().recoveredOnKnownAmountFen()).isEqualTo(40_000_000L);
        assertThat(recovery.total().recoveryCoverage()).as("400,000.00 of 1,500,000.00").isEqualTo(ratio("0.2667"));
        assertThat(recovery.total().refundOfRecovered()).as("120,000.00 of 450,000.00").isEqualTo(ratio("0.2667"));
    }

    // ---- legacy cases ------------------------------------------------------------------------------------------

    @Test
    void legacyCases_areMeasuredAgainstTheSixOfThePlan() {
        LegacyCasesView legacy = cases.handle(new FindLegacyCasesQuery());

        assertThat(legacy.cases()).extracting(LegacyCasesView.LegacyCaseView::legacyCode,
                        LegacyCasesView.LegacyCaseView::imported, LegacyCasesView.LegacyCaseView::resolved,
                        LegacyCasesView.LegacyCaseView::stage)
                .containsExactly(
                        tuple("141125-1", true, false, CriminalMilestone.POLICE_FILED),
                        tuple("141125-2", false, false, null),
                        tuple("141102-1", true, true, CriminalMilestone.FIRST_INSTANCE_JUDGMENT),
                        tuple("141182-1", false, false, null),
                        tuple("141182-2", false, false, null),
                        tuple("141129-1", false, false, null));
        LegacyCasesView.LegacyCaseView niu = legacy.cases().get(2);
        assertThat(niu.name()).isEqualTo("牛志明非法集资案");
        assertThat(niu.printedAs()).isEqualTo("离石牛志明非法集资案1起");
        assertThat(niu.divisionName()).isEqualTo("离石区");
        assertThat(niu.resolution()).isEqualTo(CaseResolution.CLOSED_AFTER_JUDGMENT);
        assertThat(niu.planAdopted()).isTrue();
        assertThat(niu.planMilestonesCompleted()).isEqualTo(1);
        assertThat(legacy.cases().get(1).printedAs()).isEqualTo("柳林李向阳、张龙照非法集资案2起");
        assertThat(legacy.total()).isEqualTo(6);
        assertThat(legacy.imported()).isEqualTo(2);
        assertThat(legacy.resolved()).isEqualTo(1);
        assertThat(legacy.resolutionRate()).isEqualTo(ratio("0.1667"));
        assertThat(legacy.targetRate()).isEqualTo(ratio("1.0000"));
        assertThat(legacy.gap()).isEqualTo(5);
        assertThat(legacy.byCounty()).extracting(LegacyCasesView.LegacyCountyView::divisionCode,
                        LegacyCasesView.LegacyCountyView::total, LegacyCasesView.LegacyCountyView::resolved,
                        LegacyCasesView.LegacyCountyView::resolutionRate)
                .containsExactly(tuple(LIULIN, 2, 0, ratio("0.0000")), tuple(LISHI, 1, 1, ratio("1.0000")),
                        tuple("141182", 2, 0, ratio("0.0000")), tuple("141129", 1, 0, ratio("0.0000")));
    }

    // ---- attachment 2 ------------------------------------------------------------------------------------------

    @Test
    void campaignWork_ofTheFirstQuarter_cityWide() {
        StatisticsTable table = table(StatisticsTableKind.CAMPAIGN_WORK, null, Q1_FROM, Q1_TO);

        assertThat(table.title()).isEqualTo("打击非法集资专项行动工作情况统计表");
        assertThat(table.attachment()).isEqualTo(2);
        assertThat(table.divisionName()).isEqualTo("全市");
        assertThat(table.columns()).hasSize(32);
        assertThat(table.columns().get(0)).isEqualTo(new StatisticsTable.StatisticsColumn("division", "县（市、区）", null,
                StatisticsTable.ColumnKind.TEXT));
        assertThat(table.rows()).extracting(row -> row.get("divisionCode"))
                .containsExactly(LISHI, WENSHUI, "1411KF", LIULIN, "141129", "141182");
        assertValues(table.rows().get(0), "division=离石区", "cluesRecorded=5", "cluesVerifiedWithRisk=2",
                "casesOpened=2", "casesInvolvedAmountYuan=1500000.00", "casesParticipants=100", "casesEscalated=1",
                "casesDetermined=2", "determinedIllegal=1", "determinedCrime=1", "determinedNotIllegal=0",
                "measuresOrdered=2", "warningTalks=1", "rectificationOrders=0", "seizures=0", "orderedRefunds=1",
                "finesOrWarnings=0", "measuresCompleted=1", "transferredToPolice=1", "policeFiled=1", "indicted=1",
                "judged=1", "recoveredYuan=350000.00", "participantsRegistered=3", "refundedYuan=120000.00",
                "casesClosed=1", "casesPendingAtEnd=2", "legacyCases=1", "legacyResolved=1",
                "legacyResolutionRate=1.0000", "petitionsReceived=1", "petitionsHandled=1");
        assertValues(table.rows().get(1), "division=文水县", "cluesRecorded=2", "cluesVerifiedWithRisk=2",
                "casesOpened=1", "casesInvolvedAmountYuan=6000000.00", "casesParticipants=650", "casesEscalated=1",
                "casesDetermined=1", "determinedIllegal=0", "determinedCrime=0", "determinedNotIllegal=1",
                "measuresOrdered=0", "transferredToPolice=0", "recoveredYuan=0.00", "refundedYuan=0.00",
                "casesClosed=1", "casesPendingAtEnd=0", "legacyCases=0", "legacyResolved=0",
                "legacyResolutionRate=null", "petitionsReceived=0");
        assertValues(table.rows().get(2), "division=吕梁经济技术开发区", "cluesRecorded=0", "recoveredYuan=0.00",
                "legacyResolutionRate=null");
        // Liulin is not in the test reference data: its code stands for its name.
        assertValues(table.rows().get(3), "division=141125", "casesOpened=0", "casesPendingAtEnd=1", "legacyCases=2",
                "legacyResolved=0", "legacyResolutionRate=0.0000");
        assertValues(table.rows().get(4), "legacyCases=1", "legacyResolved=0");
        assertValues(table.rows().get(5), "legacyCases=2", "legacyResolved=0");
        assertValues(table.totals(), "division=合计", "cluesRecorded=7", "cluesVerifiedWithRisk=4", "casesOpened=3",
                "casesInvolvedAmountYuan=7500000.00", "casesParticipants=750", "casesEscalated=2", "casesDetermined=3",
                "determinedIllegal=1", "determinedCrime=1", "determinedNotIllegal=1", "measuresOrdered=2",
                "warningTalks=1", "orderedRefunds=1", "measuresCompleted=1", "transferredToPolice=1", "policeFiled=1",
                "indicted=1", "judged=1", "recoveredYuan=350000.00", "participantsRegistered=3",
                "refundedYuan=120000.00", "casesClosed=2", "casesPendingAtEnd=3", "legacyCases=6", "legacyResolved=1",
                "legacyResolutionRate=0.1667", "petitionsReceived=1", "petitionsHandled=1");
        assertThat(table.totals().keySet()).containsExactlyElementsOf(
                table.columns().stream().map(StatisticsTable.StatisticsColumn::key).toList());
    }

    @Test
    void campaignWork_ofOneCounty_hasOneRow_equalToItsTotals() {
        StatisticsTable table = table(StatisticsTableKind.CAMPAIGN_WORK, LISHI, Q1_FROM, Q1_TO);

        assertThat(table.division()).isEqualTo(LISHI);
        assertThat(table.divisionName()).isEqualTo("离石区");
        assertThat(table.rows()).hasSize(1);
        assertValues(table.rows().get(0), "cluesRecorded=5", "recoveredYuan=350000.00", "legacyCases=1");
        Map<String, Object> row = new LinkedHashMap<>(table.rows().get(0));
        row.remove("divisionCode");
        row.put("division", "合计");
        assertThat(table.totals()).isEqualTo(row);
    }

    @Test
    void campaignWork_ofTheSecondQuarter_takesWhatFellAfterMidnightOnTheFirstOfApril() {
        StatisticsTable table = table(StatisticsTableKind.CAMPAIGN_WORK, LISHI, Q2_FROM, Q2_TO);

        // L5 at 00:30 on 1 April, C1's second recovery on 2 April; LX was closed in March.
        assertValues(table.rows().get(0), "cluesRecorded=1", "casesOpened=0", "recoveredYuan=100000.00",
                "casesClosed=0", "casesPendingAtEnd=2", "legacyResolved=1", "indicted=0");
    }

    // ---- attachment 3 ------------------------------------------------------------------------------------------

    @Test
    void riskClues_ofTheFirstQuarter_cityWide() {
        StatisticsTable table = table(StatisticsTableKind.RISK_CLUES, null, Q1_FROM, Q1_TO);

        assertThat(table.title()).isEqualTo("风险线索排查处置情况统计表");
        assertThat(table.columns()).hasSize(22);
        assertThat(table.rows()).extracting(row -> row.get("divisionCode")).containsExactly(LISHI, WENSHUI, "1411KF");
        assertValues(table.rows().get(0), "division=离石区", "cluesRecorded=5", "onlineMonitoring=1",
                "offlineScreening=1", "publicReport=1", "abnormalFundFlow=0", "gridWorker=1", "petition=1",
                "estimatedAmountYuan=1300000.00", "verified=3", "noRisk=1", "riskConfirmed=1", "needsDetermination=1",
                "overdue=1", "duplicates=1", "takenIntoCases=2", "recordedEnded=4", "endedRate=0.8000",
                "awaitingVerificationAtEnd=1", "awaitingCaseAtEnd=0", "rewards=1", "rewardYuan=2000.00");
        assertValues(table.rows().get(1), "division=文水县", "cluesRecorded=2", "onlineMonitoring=0", "publicReport=1",
                "gridWorker=1", "estimatedAmountYuan=80000.00", "verified=2", "noRisk=0", "riskConfirmed=2",
                "overdue=0", "duplicates=0", "takenIntoCases=1", "recordedEnded=0", "endedRate=0.0000",
                "awaitingVerificationAtEnd=1", "awaitingCaseAtEnd=1", "rewards=0", "rewardYuan=0.00");
        assertValues(table.rows().get(2), "cluesRecorded=0", "endedRate=null");
        assertValues(table.totals(), "division=合计", "cluesRecorded=7", "onlineMonitoring=1", "offlineScreening=1",
                "publicReport=2", "abnormalFundFlow=0", "gridWorker=2", "petition=1",
                "estimatedAmountYuan=1380000.00", "verified=5", "noRisk=1", "riskConfirmed=3",
                "needsDetermination=1", "overdue=1", "duplicates=1", "takenIntoCases=3", "recordedEnded=4",
                "endedRate=0.5714", "awaitingVerificationAtEnd=2", "awaitingCaseAtEnd=1", "rewards=1",
                "rewardYuan=2000.00");
    }

    @Test
    void riskClues_ofTheSecondQuarter_countL4AsOverdueInApril() {
        StatisticsTable table = table(StatisticsTableKind.RISK_CLUES, LISHI, Q2_FROM, Q2_TO);

        assertValues(table.rows().get(0), "cluesRecorded=1", "onlineMonitoring=1", "overdue=1", "verified=0",
                "awaitingVerificationAtEnd=2", "recordedEnded=0");
    }

    // ---- attachment 4 ------------------------------------------------------------------------------------------

    @Test
    void crossProvince_ofTheFirstQuarter_listsC2AndC3_asTheyStoodAtTheEndOfMarch() {
        StatisticsTable table = table(StatisticsTableKind.CROSS_PROVINCE, null, Q1_FROM, Q1_TO);

        assertThat(table.title()).isEqualTo("跨省（自治区、直辖市）案件（风险）信息统计表");
        assertThat(table.rows()).extracting(row -> row.get("caseId")).containsExactly(scenario.c2, scenario.c3);
        assertValues(table.rows().get(0), "seq=1", "caseName=离石丰收农业专业合作社涉嫌非法集资案", "category=案件",
                "subjectName=离石丰收农业专业合作社", "division=离石区", "keyArea=涉农", "provinces=陕西省", "provinceCount=1",
                "openedOn=2025-03-01", "crossProvinceSince=2025-03-01", "involvedAmountYuan=300000.00",
                "participants=20", "registeredParticipants=0", "claimsYuan=0.00", "recoveredYuan=0.00",
                "refundedYuan=0.00", "recoveryCoverage=0.0000", "refundOfRecovered=null", "escalated=是",
                "stage=公安立案");
        assertValues(table.rows().get(1), "seq=2", "category=不属于非法集资", "division=文水县", "keyArea=“伪私募”",
                "provinces=河南省", "openedOn=2025-01-20", "crossProvinceSince=2025-02-01",
                "involvedAmountYuan=6000000.00", "participants=650", "escalated=是", "stage=已结案（不属于非法集资）");
        assertValues(table.totals(), "seq=null", "caseName=合计（2起）", "provinces=河南省、陕西省", "provinceCount=2",
                "involvedAmountYuan=6300000.00", "participants=670", "recoveredYuan=0.00",
                "recoveryCoverage=0.0000", "refundOfRecovered=null");
    }

    @Test
    void crossProvince_ofTheSecondQuarter_dropsC3ClosedInMarch_andAddsHebeiToC2() {
        StatisticsTable table = table(StatisticsTableKind.CROSS_PROVINCE, null, Q2_FROM, Q2_TO);

        assertThat(table.rows()).hasSize(1);
        assertValues(table.rows().get(0), "seq=1", "provinces=河北省、陕西省", "provinceCount=2", "stage=公安立案");
        assertThat(table(StatisticsTableKind.CROSS_PROVINCE, WENSHUI, Q2_FROM, Q2_TO).rows()).isEmpty();
    }

    // ---- campaign calendar -------------------------------------------------------------------------------------

    @Test
    void campaignStanding_onTheFifteenthOfApril() {
        CampaignStandingView standing = statistics.handle(new FindCampaignStandingQuery(null)).orElseThrow();

        assertThat(standing.today()).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(standing.campaignState()).isEqualTo("RUNNING");
        assertThat(standing.daysLeftInCampaign()).isEqualTo(260);
        assertThat(standing.currentPhases()).containsExactly("RISK_SCREENING", "CRACKDOWN_AND_DISPOSAL",
                "RULE_BUILDING");
        assertThat(standing.phases()).extracting(CampaignStandingView.PhaseStanding::code,
                        CampaignStandingView.PhaseStanding::state,
                        CampaignStandingView.PhaseStanding::daysLeft)
                .containsExactly(tuple("DEPLOYMENT", "ENDED", null), tuple("RISK_SCREENING", "CONTINUING", null),
                        tuple("CRACKDOWN_AND_DISPOSAL", "CURRENT", 260L), tuple("RULE_BUILDING", "CURRENT", 260L),
                        tuple("CONSOLIDATION", "UPCOMING", null));
        assertThat(standing.deadlines()).extracting(CampaignStandingView.DeadlineStanding::code,
                        CampaignStandingView.DeadlineStanding::state, CampaignStandingView.DeadlineStanding::daysLeft,
                        CampaignStandingView.DeadlineStanding::daysPastDue,
                        CampaignStandingView.DeadlineStanding::submission)
                .containsExactly(tuple("WORK_PLAN", "PASSED", null, 274L, "NOT_RECORDED"),
                        tuple("PROGRESS_2024_H2", "PASSED", null, 90L, "NOT_RECORDED"),
                        tuple("PROGRESS_2025_H1", "UPCOMING", 91L, null, "NOT_RECORDED"),
                        tuple("FINAL_SUMMARY", "UPCOMING", 220L, null, "NOT_RECORDED"));
        assertThat(standing.deadlines().get(1).tables()).extracting(CampaignCalendar.CalendarTable::title)
                .containsExactly("打击非法集资专项行动工作情况统计表", "风险线索排查处置情况统计表", "跨省（自治区、直辖市）案件（风险）信息统计表");
        assertThat(standing.nextDeadline()).isEqualTo("PROGRESS_2025_H1");
        assertThat(standing.submissionsRecorded()).isFalse();
        assertThat(standing.submissionNote()).contains("没有“报告已报送”的事件");

        assertThat(standing.counties()).extracting(CampaignStandingView.CountyStanding::divisionCode)
                .containsExactly(LISHI, WENSHUI, "1411KF", LIULIN, "141129", "141182");
        CampaignStandingView.CountyStanding lishi = standing.counties().get(0);
        assertThat(lishi.phases()).extracting(CampaignStandingView.PhaseActivity::phase,
                        CampaignStandingView.PhaseActivity::cluesRecorded,
                        CampaignStandingView.PhaseActivity::casesOpened,
                        CampaignStandingView.PhaseActivity::casesClosed)
                .containsExactly(tuple("DEPLOYMENT", 0L, 0L, 0L), tuple("RISK_SCREENING", 0L, 0L, 0L),
                        tuple("CRACKDOWN_AND_DISPOSAL", 6L, 2L, 1L), tuple("RULE_BUILDING", 6L, 2L, 1L),
                        tuple("CONSOLIDATION", 0L, 0L, 0L));
        assertThat(List.of(lishi.cluesAwaitingVerification(), lishi.cluesOverdue(), lishi.casesInProgress(),
                lishi.casesClosed(), lishi.legacyCases(), lishi.legacyResolved()))
                .as("L4 and L5 waiting, L4 overdue; C1, C2 open; LX closed").containsExactly(2L, 1L, 2L, 1L, 1L, 1L);
        CampaignStandingView.CountyStanding wenshui = standing.counties().get(1);
        assertThat(wenshui.phases().get(2).cluesRecorded()).as("W1 in December, W2, W3").isEqualTo(3);
        assertThat(List.of(wenshui.cluesAwaitingVerification(), wenshui.casesInProgress(), wenshui.casesClosed()))
                .containsExactly(1L, 0L, 1L);
        CampaignStandingView.CountyStanding liulin = standing.counties().get(3);
        assertThat(List.of(liulin.casesInProgress(), liulin.legacyCases(), liulin.legacyResolved()))
                .containsExactly(1L, 2L, 0L);
        assertThat(liulin.phases().get(2).casesOpened()).as("an import is not an opening").isZero();
    }

    @Test
    void campaignStanding_ofOneCounty_hasThatCountyOnly() {
        CampaignStandingView standing = statistics.handle(new FindCampaignStandingQuery(WENSHUI)).orElseThrow();

        assertThat(standing.counties()).extracting(CampaignStandingView.CountyStanding::divisionCode)
                .containsExactly(WENSHUI);
    }

    // ---- the case and clue queries run here too ----------------------------------------------------------------

    @Test
    void caseDetail_showsC1WithItsMoneyMeasuresAndPetition() {
        DisposalCaseView c1 = cases.handle(new FindDisposalCaseQuery(scenario.c1)).orElseThrow();

        assertThat(c1.status()).isEqualTo(DisposalCaseStatus.DETERMINED);
        assertThat(c1.divisionName()).isEqualTo("离石区");
        assertThat(c1.measures()).extracting(DisposalCaseView.MeasureView::measureId,
                        DisposalCaseView.MeasureView::completed,
                DisposalCaseView.MeasureView::followUps).containsExactly(tuple("M1", true, 0), tuple("M2", false, 1));
        assertThat(c1.measuresOpen()).isEqualTo(1);
        assertThat(c1.money()).isEqualTo(CaseMoney.of(120_000_000L, 40_000_000L, 40_000_000L, 12_000_000L, 3));
        assertThat(c1.money().recoveryCoverage()).as("both recoveries, today").isEqualTo(ratio("0.3333"));
        assertThat(c1.petitions()).extracting(DisposalCaseView.PetitionView::handled).containsExactly(true);
        assertThat(c1.refundRounds()).extracting(DisposalCaseView.RefundRoundView::participantsPaid).containsExactly(3);
        ParticipantPage participants = cases.handle(new ListParticipantsQuery(scenario.c1, 0, 2)).orElseThrow();
        assertThat(participants.total()).isEqualTo(3);
        assertThat(participants.items()).extracting(ParticipantPage.ParticipantView::participantReference,
                        ParticipantPage.ParticipantView::refundedFen, ParticipantPage.ParticipantView::refundOfClaim)
                .containsExactly(tuple("LS-2025-001", 6_000_000L, ratio("0.3000")),
                        tuple("LS-2025-002", 3_000_000L, ratio("0.3000")));
        DisposalCaseView c3 = cases.handle(new FindDisposalCaseQuery(scenario.c3)).orElseThrow();
        assertThat(c3.plan().milestones()).extracting(DisposalCaseView.PlanMilestoneView::late)
                .containsExactly(false, true);
        assertThat(c3.scale()).extracting(DisposalCaseView.ScaleView::estimatedAmountFen)
                .containsExactly(500_000_000L, 600_000_000L);
        assertThat(c3.provinces()).extracting(DisposalCaseView.ProvinceView::name).containsExactly("河南省");
    }

    @Test
    void everyFilterAndSortOfTheLists_runs() {
        for (ListDisposalCasesQuery.Sort sort : ListDisposalCasesQuery.Sort.values()) {
            for (SortDirection direction : SortDirection.values()) {
                DisposalCasePage page = cases.handle(new ListDisposalCasesQuery(LISHI,
                        Set.of(DisposalCaseStatus.DETERMINED, DisposalCaseStatus.WITH_POLICE), null, null, false, null,
                        null, null, null, null, Q1_FROM, Q1_TO, "涉嫌", sort, direction, 0, 10));
                assertThat(page.items()).extracting(DisposalCaseSummary::caseId)
                        .containsExactlyInAnyOrder(scenario.c1, scenario.c2);
            }
        }
        assertThat(cases.handle(new ListDisposalCasesQuery(null, Set.of(), null, null, null, true, null, true, true,
                null, null, null, null, ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.DESC, 0, 10)).items())
                .extracting(DisposalCaseSummary::caseId).containsExactly(scenario.c2);
        assertThat(cases.handle(new ListDisposalCasesQuery(null, Set.of(), null, null, null, null,
                MeasureKind.ORDERED_REFUND, false, false,
                KeyArea.ELDERLY_CARE, null, null, null,
                ListDisposalCasesQuery.Sort.RECOVERED, SortDirection.DESC, 0, 10)).items())
                .extracting(DisposalCaseSummary::caseId).containsExactly(scenario.c1);
        for (ListRiskCluesQuery.Sort sort : ListRiskCluesQuery.Sort.values()) {
            RiskCluePage page = clues.handle(new ListRiskCluesQuery(LISHI, Set.of(), Set.of(), Set.of(), Set.of(),
                    null, Q1_FROM, Q1_TO, null, sort, SortDirection.ASC, 0, 10));
            assertThat(page.total()).isEqualTo(5);
        }
        assertThat(clues.handle(new ListRiskCluesQuery(null, Set.of(), Set.of(), Set.of(), Set.of(), true, null, null,
                null, ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.ASC, 0, 10)).items())
                .extracting(RiskClueView::clueId).containsExactly(scenario.l2, scenario.l4);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    StatisticsTable table(StatisticsTableKind kind, String division, LocalDate from, LocalDate to) {
        return statistics.handle(new FindStatisticsTableQuery(kind, division, from, to));
    }

    /** Each expectation is {@code key=value}, compared with the value as text ({@code null} for none). */
    static void assertValues(Map<String, Object> row, String... expectations) {
        for (String expectation : expectations) {
            int equals = expectation.indexOf('=');
            String key = expectation.substring(0, equals);
            assertThat(row).as(key).containsKey(key);
            assertThat(String.valueOf(row.get(key))).as(key).isEqualTo(expectation.substring(equals + 1));
        }
    }

    static List<String> stages(List<FunnelView.FunnelStage> stages) {
        return stages.stream().map(stage -> stage.key() + " " + stage.count() + " " + stage.rate()).toList();
    }

    static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal ratio(String value) {
        return new BigDecimal(value);
    }

    private static Set<Class<?>> handled(Class<?> projection) {
        return Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
    }
}
