package cn.gov.lvliang.ledger.command.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.ledger.command.fundraising.CampaignCalendar;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.OutOfScopeException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.scoring.AdjustScoreCardCommand;
import cn.gov.lvliang.ledger.events.scoring.AppealOutcome;
import cn.gov.lvliang.ledger.events.scoring.DecideScoreCardAppealCommand;
import cn.gov.lvliang.ledger.events.scoring.IssueScoreCardCommand;
import cn.gov.lvliang.ledger.events.scoring.LodgeScoreCardAppealCommand;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAdjustedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAppealDecidedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAppealLodgedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of a score card: issued once and frozen, adjusted with evidence, appealed by its subject, decided once. */
class ScoreCardTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final ReferenceData REFERENCE = new ReferenceData(MAPPER);
    private static final Rubrics RUBRICS = new Rubrics(MAPPER, new CampaignCalendar(MAPPER, REFERENCE));
    /** 1 June 2025: the first quarter has ended, the second has not. */
    private static final Instant NOW = Instant.parse("2025-06-01T04:00:00Z");
    private static final Instant ISSUED = Instant.parse("2025-04-10T02:00:00Z");
    private static final String LISHI = "141102";
    private static final String HASH = "ab".repeat(32);
    private static final String CARD = ScoreCardIssuedEvent.cardId(ScoredSubjectKind.COUNTY, LISHI, "2025-Q1", 1);
    private static final String UNIT_CARD = ScoreCardIssuedEvent.cardId(ScoredSubjectKind.LEAD_UNIT, "CITY_HRSS",
            "2025-Q1", 1);

    private static final Map<String, Object> INSPECTOR = Map.of(ActorMetadata.USER, "inspector",
            ActorMetadata.ROLE, "INSPECTOR");
    private static final Map<String, Object> LISHI_SUPERVISOR = Map.of(ActorMetadata.USER, "lishi-supervisor",
            ActorMetadata.ROLE, "SUPERVISOR", ActorMetadata.DIVISION, LISHI);

    private AggregateTestFixture<ScoreCard> fixture;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture = new AggregateTestFixture<>(ScoreCard.class);
        fixture.registerInjectableResource(RUBRICS);
        fixture.registerInjectableResource(REFERENCE);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new BusinessTimePolicy(clock, new BusinessTimePolicy.Limits(
                Instant.parse("2023-12-31T16:00:00Z"), Duration.ofMinutes(5))));
    }

    /** Every indicator of version 1 for a county at half its weight, no deduction: 50.00. */
    static IssueScoreCardCommand issue(String cardId, ScoredSubjectKind kind, String code, String division,
                                       String hash, BigDecimal total) {
        List<ScoredIndicator> indicators = new ArrayList<>();
        for (RubricIndicator indicator : RUBRICS.version(1).orElseThrow().indicators()) {
            if (indicator.subjects().contains(kind)) {
                indicators.add(new ScoredIndicator(indicator.code(), true, new BigDecimal("0.5000"),
                        BigDecimal.ONE, BigDecimal.valueOf(2), indicator.weight().divide(BigDecimal.valueOf(2)), 3, 14));
            }
        }
        List<ScoredPenalty> penalties = kind == ScoredSubjectKind.COUNTY
                ? List.of(new ScoredPenalty("MAJOR_CASE_HANDLED_POORLY", List.of(), BigDecimal.ZERO)) : List.of();
        return new IssueScoreCardCommand(cardId, kind, code, "离石区", division, "2025-Q1", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31), 1, hash, indicators, penalties, new BigDecimal("50.00"), BigDecimal.ZERO,
                total, 3, 14, ISSUED);
    }

    static IssueScoreCardCommand issue() {
        return issue(CARD, ScoredSubjectKind.COUNTY, LISHI, LISHI, HASH, new BigDecimal("50.00"));
    }

    static ScoreCardIssuedEvent issued(IssueScoreCardCommand command) {
        return new ScoreCardIssuedEvent(command.cardId(), command.subjectKind(), command.subjectCode(),
                command.subjectName(), command.subjectDivision(), command.period(), command.periodFrom(),
                command.periodTo(), command.rubricVersion(), command.inputHash(), command.indicators(),
                command.penalties(), command.baseScore(), command.penaltyPoints(), command.totalScore(),
                command.rank(), command.rankedAmong(), "inspector", command.businessTime());
    }

    @Nested
    class Issuing {

        @Test
        void issue_freezesTheNumbersAndHash_withTheSignedInInspector() {
            fixture.givenNoPriorActivity()
                    .when(issue(), INSPECTOR)
                    .expectEvents(issued(issue()))
                    .expectResultMessagePayload(true);
        }

        @Test
        void issue_again_withTheSameHashAndTotal_changesNothing() {
            fixture.given(issued(issue()))
                    .when(issue(), INSPECTOR)
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void issue_again_withOtherNumbers_isRefused_becauseAnIssuedCardIsFrozen() {
            fixture.given(issued(issue()))
                    .when(issue(CARD, ScoredSubjectKind.COUNTY, LISHI, LISHI, "cd".repeat(32), new BigDecimal("50")),
                            INSPECTOR)
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("it is frozen"))
                    .expectException(CaseStateException.class);
        }

        @Test
        void issue_beforeThePeriodHasEnded_isRefused() {
            IssueScoreCardCommand q1 = issue();
            IssueScoreCardCommand q2 = new IssueScoreCardCommand(
                    ScoreCardIssuedEvent.cardId(ScoredSubjectKind.COUNTY, LISHI, "2025-Q2", 1), q1.subjectKind(),
                    q1.subjectCode(), q1.subjectName(), q1.subjectDivision(), "2025-Q2", LocalDate.of(2025, 4, 1),
                    LocalDate.of(2025, 6, 30), 1, HASH, q1.indicators(), q1.penalties(), q1.baseScore(),
                    q1.penaltyPoints(), q1.totalScore(), q1.rank(), q1.rankedAmong(), ISSUED);
            fixture.givenNoPriorActivity()
                    .when(q2, INSPECTOR)
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }

        @Test
        void issue_withoutOneOfTheRubricsIndicators_isRefused() {
            IssueScoreCardCommand full = issue();
            IssueScoreCardCommand missing = new IssueScoreCardCommand(CARD, full.subjectKind(), LISHI,
                    full.subjectName(), LISHI, "2025-Q1", full.periodFrom(), full.periodTo(), 1, HASH,
                    full.indicators().subList(1, full.indicators().size()), full.penalties(), full.baseScore(),
                    full.penaltyPoints(), full.totalScore(), 3, 14, ISSUED);
            assertRefused(missing, "indicators: must be exactly the rubric's indicators");
        }

        @Test
        void issue_withMorePointsThanAnIndicatorsWeight_isRefused() {
            IssueScoreCardCommand full = issue();
            List<ScoredIndicator> indicators = new ArrayList<>(full.indicators());
            ScoredIndicator first = indicators.get(0);
            indicators.set(0, new ScoredIndicator(first.code(), true, first.value(), first.numerator(),
                    first.denominator(), new BigDecimal("12.01"), 1, 14));
            assertRefused(new IssueScoreCardCommand(CARD, full.subjectKind(), LISHI, full.subjectName(), LISHI,
                    "2025-Q1", full.periodFrom(), full.periodTo(), 1, HASH, indicators, full.penalties(),
                    full.baseScore(), full.penaltyPoints(), full.totalScore(), 3, 14, ISSUED),
                    "indicators.ON_TIME_CONCLUSION.points: must lie between 0 and its weight 12");
        }

        @Test
        void issue_whoseTotalIsNotTheBaseLessTheDeductions_isRefused() {
            assertRefused(issue(CARD, ScoredSubjectKind.COUNTY, LISHI, LISHI, HASH, new BigDecimal("55.00")),
                    "totalScore: must be the base less the deductions");
        }

        @Test
        void issue_withAHashThatIsNotASha256_isRefused() {
            assertRefused(issue(CARD, ScoredSubjectKind.COUNTY, LISHI, LISHI, "not-a-hash", new BigDecimal("50")),
                    "inputHash:");
        }

        @Test
        void issue_forALeadUnit_takesTheBundleIndicatorsOnly_andItsDivisionFromTheReferenceData() {
            IssueScoreCardCommand unit = issue(UNIT_CARD, ScoredSubjectKind.LEAD_UNIT, "CITY_HRSS", null, HASH,
                    new BigDecimal("50.00"));
            assertThat(unit.indicators()).hasSize(8);
            fixture.givenNoPriorActivity()
                    .when(unit, INSPECTOR)
                    .expectEvents(issued(unit));
            assertRefused(issue(UNIT_CARD, ScoredSubjectKind.LEAD_UNIT, "CITY_HRSS", LISHI, HASH,
                    new BigDecimal("50.00")), "subjectDivision:");
        }

        private void assertRefused(IssueScoreCardCommand command, String message) {
            fixture.givenNoPriorActivity()
                    .when(command, INSPECTOR)
                    .expectNoEvents()
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(startsWith(message));
        }
    }

    @Nested
    class Adjusting {

        @Test
        void anAdjustment_recordsItsReasonEvidenceAndInspector_andTheTotalAfterIt() {
            fixture.given(issued(issue()))
                    .when(new AdjustScoreCardCommand(CARD, "A-1", "CASE_CLOSURE", new BigDecimal("-2.5"),
                            "发生重大涉稳事件，造成严重不良影响", List.of("吕政办督〔2025〕12号"), NOW), INSPECTOR)
                    .expectEvents(new ScoreCardAdjustedEvent(CARD, "A-1", "CASE_CLOSURE", new BigDecimal("-2.50"),
                            "发生重大涉稳事件，造成严重不良影响", List.of("吕政办督〔2025〕12号"), "inspector",
                            new BigDecimal("47.50"), NOW))
                    .expectResultMessagePayload("A-1");
        }

        @Test
        void anAdjustmentWithoutEvidence_isRefused() {
            fixture.given(issued(issue()))
                    .when(new AdjustScoreCardCommand(CARD, "A-1", null, BigDecimal.ONE, "原因", List.of(), NOW),
                            INSPECTOR)
                    .expectNoEvents()
                    .expectExceptionMessage(startsWith("evidence:"));
        }

        @Test
        void anAdjustmentBeyond100_orForAnIndicatorTheCardHasNot_isRefused() {
            fixture.given(issued(issue()))
                    .when(new AdjustScoreCardCommand(CARD, "A-1", null, new BigDecimal("50.01"), "原因",
                            List.of("证据"), NOW), INSPECTOR)
                    .expectExceptionMessage(startsWith("pointsDelta: would take the total"));
            fixture.given(issued(issue()))
                    .when(new AdjustScoreCardCommand(CARD, "A-1", "NO_SUCH", BigDecimal.ONE, "原因", List.of("证据"),
                            NOW), INSPECTOR)
                    .expectExceptionMessage(startsWith("indicatorCode:"));
        }

        @Test
        void aCardNotIssued_cannotBeAdjusted_forThereIsNoSuchCard() {
            fixture.givenNoPriorActivity()
                    .when(new AdjustScoreCardCommand(CARD, "A-1", null, BigDecimal.ONE, "原因", List.of("证据"), NOW),
                            INSPECTOR)
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aCountyScopedUser_cannotAdjustAnotherCountysCard() {
            fixture.given(issued(issue()))
                    .when(new AdjustScoreCardCommand(CARD, "A-1", null, BigDecimal.ONE, "原因", List.of("证据"), NOW),
                            Map.of(ActorMetadata.USER, "wenshui-inspector", ActorMetadata.ROLE, "INSPECTOR",
                                    ActorMetadata.DIVISION, "141121"))
                    .expectException(OutOfScopeException.class);
        }
    }

    @Nested
    class Appeals {

        private final LodgeScoreCardAppealCommand appeal = new LodgeScoreCardAppealCommand(CARD, "P-1",
                "ON_TIME_CONCLUSION", "3件超期案件系申请人主动申请延期", List.of("离石区政务服务中心说明"), NOW);

        @Test
        void theCountysOwnSupervisor_lodgesAnAppeal() {
            fixture.given(issued(issue()))
                    .when(appeal, LISHI_SUPERVISOR)
                    .expectEvents(new ScoreCardAppealLodgedEvent(CARD, "P-1", "ON_TIME_CONCLUSION",
                            "3件超期案件系申请人主动申请延期", List.of("离石区政务服务中心说明"), "lishi-supervisor", null, NOW))
                    .expectResultMessagePayload("P-1");
        }

        @Test
        void anotherCountysSupervisor_orACityWideOne_cannotAppealForTheCounty() {
            fixture.given(issued(issue()))
                    .when(appeal, Map.of(ActorMetadata.USER, "fenyang-supervisor", ActorMetadata.ROLE, "SUPERVISOR",
                            ActorMetadata.DIVISION, "141182"))
                    .expectException(OutOfScopeException.class);
            fixture.given(issued(issue()))
                    .when(appeal, Map.of(ActorMetadata.USER, "supervisor", ActorMetadata.ROLE, "SUPERVISOR"))
                    .expectException(OutOfScopeException.class);
        }

        @Test
        void aLeadUnitsOwnStaff_appealAgainstItsCard_andOtherUnitsCannot() {
            ScoreCardIssuedEvent unitCard = issued(issue(UNIT_CARD, ScoredSubjectKind.LEAD_UNIT, "CITY_HRSS", null,
                    HASH, new BigDecimal("50.00")));
            LodgeScoreCardAppealCommand unitAppeal = new LodgeScoreCardAppealCommand(UNIT_CARD, "P-2", null, "理由",
                    List.of(), NOW);
            fixture.given(unitCard)
                    .when(unitAppeal, Map.of(ActorMetadata.USER, "hrss-clerk", ActorMetadata.ROLE, "WINDOW_CLERK",
                            ActorMetadata.UNIT, "CITY_HRSS"))
                    .expectEvents(new ScoreCardAppealLodgedEvent(UNIT_CARD, "P-2", null, "理由", List.of(),
                            "hrss-clerk", "CITY_HRSS", NOW));
            fixture.given(unitCard)
                    .when(unitAppeal, Map.of(ActorMetadata.USER, "city-tax-officer", ActorMetadata.ROLE,
                            "UNIT_OFFICER", ActorMetadata.UNIT, "CITY_TAX"))
                    .expectException(UnitNotAllowedException.class);
        }

        @Test
        void aGrantedAppeal_correctsTheScore() {
            fixture.given(issued(issue()), lodged())
                    .when(new DecideScoreCardAppealCommand(CARD, "P-1", AppealOutcome.GRANTED, new BigDecimal("1.2"),
                            "延期系申请人申请，核减超期2件", NOW), INSPECTOR)
                    .expectEvents(new ScoreCardAppealDecidedEvent(CARD, "P-1", AppealOutcome.GRANTED,
                            new BigDecimal("1.20"), "延期系申请人申请，核减超期2件", "inspector", new BigDecimal("51.20"),
                            NOW));
        }

        @Test
        void aDismissedAppeal_leavesTheScore_andCannotCarryPoints() {
            fixture.given(issued(issue()), lodged())
                    .when(new DecideScoreCardAppealCommand(CARD, "P-1", AppealOutcome.DISMISSED, null, "证据不足",
                            NOW), INSPECTOR)
                    .expectEvents(new ScoreCardAppealDecidedEvent(CARD, "P-1", AppealOutcome.DISMISSED,
                            new BigDecimal("0.00"), "证据不足", "inspector", new BigDecimal("50.00"), NOW));
            fixture.given(issued(issue()), lodged())
                    .when(new DecideScoreCardAppealCommand(CARD, "P-1", AppealOutcome.DISMISSED, BigDecimal.ONE,
                            "证据不足", NOW), INSPECTOR)
                    .expectExceptionMessage(startsWith("pointsDelta: a dismissed appeal"));
        }

        @Test
        void anAppeal_isDecidedOnce() {
            fixture.given(issued(issue()), lodged(), new ScoreCardAppealDecidedEvent(CARD, "P-1",
                            AppealOutcome.DISMISSED, BigDecimal.ZERO, "证据不足", "inspector", new BigDecimal("50.00"),
                            NOW))
                    .when(new DecideScoreCardAppealCommand(CARD, "P-1", AppealOutcome.GRANTED, BigDecimal.ONE, "复议",
                            NOW), INSPECTOR)
                    .expectException(CaseStateException.class);
            fixture.given(issued(issue()))
                    .when(new DecideScoreCardAppealCommand(CARD, "P-9", AppealOutcome.GRANTED, BigDecimal.ONE, "复议",
                            NOW), INSPECTOR)
                    .expectExceptionMessage(startsWith("appealId:"));
        }

        private ScoreCardAppealLodgedEvent lodged() {
            return new ScoreCardAppealLodgedEvent(CARD, "P-1", "ON_TIME_CONCLUSION", "理由", List.of(),
                    "lishi-supervisor", null, NOW);
        }
    }
}
