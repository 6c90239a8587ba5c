package cn.gov.lvliang.ledger.query.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.scoring.CurveKind;
import cn.gov.lvliang.ledger.events.scoring.CurveStep;
import cn.gov.lvliang.ledger.events.scoring.ScoreDirection;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringCurve;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.BundleFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Conclusion;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.FundraisingFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.MajorCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How points become a score and scores a ranking, on facts made by hand: curves, the scale of 100 over the
 * indicators that apply, penalties, and ranks with ties. Pure arithmetic, no database.
 */
class ScoreCalculatorTest {

    private static final ScoringPeriod PERIOD = ScoringPeriod.parse("2025-Q1");
    private static final Instant IN_PERIOD = Instant.parse("2025-02-10T02:00:00Z");
    private static final RubricView RUBRIC = rubric(ScoringTestData.rubricV1());

    @Test
    void aLinearCurve_givesNothingAtItsZero_allAtItsTarget_andInProportionBetween_inEitherDirection() {
        ScoringCurve higher = new ScoringCurve(CurveKind.LINEAR, new BigDecimal("0.80"), BigDecimal.ONE, null);
        assertThat(ScoreCalculator.share(higher, ScoreDirection.HIGHER_IS_BETTER, new BigDecimal("0.70")))
                .isEqualByComparingTo("0");
        assertThat(ScoreCalculator.share(higher, ScoreDirection.HIGHER_IS_BETTER, new BigDecimal("0.9000")))
                .isEqualByComparingTo("0.5");
        assertThat(ScoreCalculator.share(higher, ScoreDirection.HIGHER_IS_BETTER, new BigDecimal("1.0000")))
                .isEqualByComparingTo("1");
        ScoringCurve lower = new ScoringCurve(CurveKind.LINEAR, new BigDecimal("15"), new BigDecimal("3"), null);
        assertThat(ScoreCalculator.share(lower, ScoreDirection.LOWER_IS_BETTER, new BigDecimal("1.50")))
                .isEqualByComparingTo("1");
        assertThat(ScoreCalculator.share(lower, ScoreDirection.LOWER_IS_BETTER, new BigDecimal("9.00")))
                .isEqualByComparingTo("0.5");
        assertThat(ScoreCalculator.share(lower, ScoreDirection.LOWER_IS_BETTER, new BigDecimal("30")))
                .isEqualByComparingTo("0");
    }

    @Test
    void aStepCurve_givesTheShareOfTheFirstStepReached() {
        ScoringCurve steps = new ScoringCurve(CurveKind.STEPS, null, null, List.of(
                new CurveStep(BigDecimal.ONE, BigDecimal.ONE), new CurveStep(new BigDecimal("0.50"),
                        new BigDecimal("0.40"))));
        assertThat(ScoreCalculator.share(steps, ScoreDirection.HIGHER_IS_BETTER, new BigDecimal("1.0000")))
                .isEqualByComparingTo("1");
        assertThat(ScoreCalculator.share(steps, ScoreDirection.HIGHER_IS_BETTER, new BigDecimal("0.6667")))
                .isEqualByComparingTo("0.40");
        assertThat(ScoreCalculator.share(steps, ScoreDirection.HIGHER_IS_BETTER, new BigDecimal("0.4999")))
                .isEqualByComparingTo("0");
    }

    @Test
    void theBaseScore_isThePointsOfTheIndicatorsThatApply_overTheirWeights_onAScaleOf100() {
        // 9 of 10 concluded on time (0.9: half of 12 = 6.00) and none with a visit (1.0: all 10 points); nothing
        // else to count. (6 + 10) ÷ (12 + 10) × 100 = 72.7272… → 72.73
        SubjectScore county = score(county("141102", conclusions(9, 1)));

        assertThat(county.indicators()).filteredOn(IndicatorScore::applicable)
                .extracting(IndicatorScore::code, IndicatorScore::points)
                .containsExactly(tuple("ON_TIME_CONCLUSION", new BigDecimal("6.00")),
                        tuple("ONE_VISIT", new BigDecimal("10.00")));
        assertThat(county.indicators()).hasSize(14);
        assertThat(county.baseScore()).isEqualByComparingTo("72.73");
        assertThat(county.penaltyPoints()).isEqualByComparingTo("0");
        assertThat(county.totalScore()).isEqualByComparingTo("72.73");

        SubjectScore leadUnit = score(new ScoreInputs(1, ScoredSubjectKind.LEAD_UNIT, "CITY_APPROVAL",
                PERIOD.code(), conclusions(9, 1).build(), null));
        assertThat(leadUnit.indicators()).as("the bundle indicators only").hasSize(8);
        assertThat(leadUnit.totalScore()).isEqualByComparingTo("72.73");
    }

    @Test
    void aSubjectWithNothingToCount_hasNoScore() {
        SubjectScore empty = score(county("141121", BundleFacts.none()));

        assertThat(empty.baseScore()).isNull();
        assertThat(empty.totalScore()).isNull();
        assertThat(empty.indicators()).noneMatch(IndicatorScore::applicable);
    }

    @Test
    void penalties_areTakenFromTheBase_butTheTotalNeverFallsBelowZero() {
        List<MajorCase> undetermined = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            undetermined.add(new MajorCase("J" + i, Instant.parse("2026-01-05T02:00:00Z"), null, List.of()));
        }
        FundraisingFacts fundraising = new FundraisingFacts(List.of(), List.of(), List.of(), List.of(), List.of(),
                undetermined);
        // Half the on-time points only: 0.8 earns nothing, one visit each earns all → 10 ÷ 22 × 100 = 45.45
        ScoreInputs inputs = new ScoreInputs(1, ScoredSubjectKind.COUNTY, "141102", "2026-Q1",
                conclusions(8, 2).build(), fundraising);

        SubjectScore scored = ScoreCalculator.score(RUBRIC, ScoringPeriod.parse("2026-Q1"), inputs,
                new ScoredSubject("141102", "离石区", "141102"), "hash");
        assertThat(scored.penalties()).singleElement().satisfies(penalty -> {
            assertThat(penalty.caseIds()).hasSize(4);
            assertThat(penalty.points()).isEqualByComparingTo("15.00");
        });
        assertThat(scored.baseScore()).isEqualByComparingTo("45.45");
        assertThat(scored.totalScore()).isEqualByComparingTo("30.45");

        ScoreInputs weak = new ScoreInputs(1, ScoredSubjectKind.COUNTY, "141102", "2026-Q1", conclusions(1, 9)
                .withoutVisitsCounted().build(), fundraising);
        assertThat(ScoreCalculator.score(RUBRIC, ScoringPeriod.parse("2026-Q1"), weak,
                new ScoredSubject("141102", "离石区", "141102"), "hash").totalScore()).isEqualByComparingTo("0");
    }

    @Test
    void ranks_shareTiesAndSkipTheNext_byTotal_andByEachIndicatorsValueInItsBetterDirection() {
        List<SubjectScore> ranked = ScoreCalculator.rank(List.of(
                score(county("A", BundleFacts.none())),
                score(county("B", conclusions(9, 1))),
                score(county("C", conclusions(9, 1))),
                score(county("D", conclusions(5, 5)))));

        assertThat(ranked).extracting(SubjectScore::subjectCode, SubjectScore::rank, SubjectScore::rankedAmong)
                .containsExactly(tuple("B", 1, 3), tuple("C", 1, 3), tuple("D", 3, 3), tuple("A", null, 3));
        assertThat(ranked).extracting(score -> score.indicator("ON_TIME_CONCLUSION").orElseThrow().rank())
                .containsExactly(1, 1, 3, null);
        assertThat(ranked.get(0).indicator("ON_TIME_CONCLUSION").orElseThrow().rankedAmong()).isEqualTo(3);
    }

    // ---- facts made by hand ------------------------------------------------------------------------------------

    /** Concluded cases in the period without a visit: so many on time, so many after going overdue. */
    private static BundleFactsBuilder conclusions(int onTime, int late) {
        return new BundleFactsBuilder(onTime, late);
    }

    private static ScoreInputs county(String code, BundleFacts bundle) {
        return new ScoreInputs(1, ScoredSubjectKind.COUNTY, code, PERIOD.code(), bundle, FundraisingFacts.none());
    }

    private static ScoreInputs county(String code, BundleFactsBuilder bundle) {
        return county(code, bundle.build());
    }

    private static SubjectScore score(ScoreInputs inputs) {
        return ScoreCalculator.score(RUBRIC, PERIOD, inputs, new ScoredSubject(inputs.subjectCode(),
                inputs.subjectCode(), null), InputHash.of(inputs));
    }

    static RubricView rubric(ScoringRubricPublishedEvent event) {
        return new RubricView(event.version(), event.name(), event.source(), event.contentHash(),
                event.businessTime(), event.indicators(), event.penalties());
    }

    /** Concluded cases, each with no visit, or (without visits counted) with two. */
    private record BundleFactsBuilder(int onTime, int late, int visits) {

        BundleFactsBuilder(int onTime, int late) {
            this(onTime, late, 0);
        }

        BundleFactsBuilder withoutVisitsCounted() {
            return new BundleFactsBuilder(onTime, late, 2);
        }

        BundleFacts build() {
            List<Conclusion> conclusions = new ArrayList<>();
            for (int i = 0; i < onTime + late; i++) {
                Instant overdue = i < onTime ? null : IN_PERIOD.minusSeconds(86_400);
                conclusions.add(new Conclusion("case-" + i, IN_PERIOD, overdue, visits));
            }
            return new BundleFacts(conclusions, List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }
}
