package cn.gov.lvliang.ledger.command.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.command.fundraising.CampaignCalendar;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.scoring.CurveKind;
import cn.gov.lvliang.ledger.events.scoring.CurveStep;
import cn.gov.lvliang.ledger.events.scoring.IndicatorMeasure;
import cn.gov.lvliang.ledger.events.scoring.PublishScoringRubricCommand;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoreDirection;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringCurve;
import cn.gov.lvliang.ledger.events.scoring.ScoringProgramme;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rubric data files: what version 1 holds, and the start-up checks that keep a broken version out. */
class RubricsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final CampaignCalendar CALENDAR = new CampaignCalendar(MAPPER, new ReferenceData(MAPPER));

    private final Rubrics rubrics = new Rubrics(MAPPER, CALENDAR);

    @Test
    void versionOne_scoresEveryMeasureOfBothProgrammes_withWeightsAddingUpTo100() {
        Rubrics.RubricFile first = rubrics.version(1).orElseThrow();

        assertThat(rubrics.versions()).startsWith(1);
        assertThat(first.indicators()).extracting(RubricIndicator::measure)
                .containsExactlyInAnyOrder(IndicatorMeasure.values());
        assertThat(first.indicators().stream().map(RubricIndicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(weightOf(first, ScoringProgramme.ONE_THING)).isEqualByComparingTo("60");
        assertThat(weightOf(first, ScoringProgramme.FUNDRAISING)).isEqualByComparingTo("40");
        assertThat(first.indicators()).filteredOn(i -> i.measure() == IndicatorMeasure.CASE_CLOSURE_RATE)
                .extracting(RubricIndicator::name).containsExactly("存量结案率");
        assertThat(first.penalties()).extracting(RubricPenalty::countsFrom)
                .containsExactly(LocalDate.of(2026, 1, 1));
    }

    @Test
    void thePublishCommand_carriesTheVersionWithTheHashOfItsFile() {
        PublishScoringRubricCommand command = rubrics.publishCommand(1, Instant.EPOCH);

        assertThat(command.rubricId()).isEqualTo(ScoringRubricPublishedEvent.RUBRIC_ID);
        assertThat(command.contentHash()).matches("[0-9a-f]{64}");
        assertThat(command.indicators()).hasSize(14);
        assertThatThrownBy(() -> rubrics.publishCommand(99, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rubricVersion:");
    }

    @Test
    void weightsThatDoNotAddUpTo100_failTheStartUp() {
        assertRefused(indicators -> {
            indicators.set(0, withWeight(indicators.get(0), new BigDecimal("13")));
            return indicators;
        }, "weights add up to 101, not 100");
    }

    @Test
    void aLinearCurveThatPointsTheWrongWay_failsTheStartUp() {
        assertRefused(indicators -> {
            RubricIndicator first = indicators.get(0);
            indicators.set(0, new RubricIndicator(first.code(), first.name(), first.subjects(), first.measure(),
                    first.weight(), ScoreDirection.LOWER_IS_BETTER, first.curve(), first.basis()));
            return indicators;
        }, "fullAt must be better than its zeroAt");
    }

    @Test
    void aCampaignIndicatorForLeadUnits_failsTheStartUp() {
        assertRefused(indicators -> {
            RubricIndicator last = indicators.get(indicators.size() - 1);
            indicators.set(indicators.size() - 1, new RubricIndicator(last.code(), last.name(),
                    List.of(ScoredSubjectKind.COUNTY, ScoredSubjectKind.LEAD_UNIT), last.measure(), last.weight(),
                    last.direction(), last.curve(), last.basis()));
            return indicators;
        }, "not to lead units");
    }

    @Test
    void stepsThatDoNotFallFromTheBest_failTheStartUp() {
        assertRefused(indicators -> {
            RubricIndicator first = indicators.get(0);
            indicators.set(0, new RubricIndicator(first.code(), first.name(), first.subjects(), first.measure(),
                    first.weight(), first.direction(), new ScoringCurve(CurveKind.STEPS, null, null, List.of(
                    new CurveStep(new BigDecimal("0.5"), new BigDecimal("0.4")),
                    new CurveStep(BigDecimal.ONE, BigDecimal.ONE))),
                    first.basis()));
            return indicators;
        }, "steps go from the best threshold down");
    }

    @Test
    void aPenaltyThatDisagreesWithTheCampaignCalendar_failsTheStartUp() {
        Rubrics.RubricFile first = rubrics.version(1).orElseThrow();
        RubricPenalty penalty = first.penalties().get(0);
        RubricPenalty early = new RubricPenalty(penalty.code(), penalty.name(), penalty.rule(), penalty.subjects(),
                penalty.pointsEach(), penalty.maxPoints(), LocalDate.of(2025, 12, 1), penalty.determinationDays(),
                penalty.petitionDays(), penalty.basis());
        Rubrics.RubricFile edited = new Rubrics.RubricFile(1, first.name(), first.source(), first.indicators(),
                List.of(early));

        assertThatThrownBy(() -> Rubrics.check("scoring/rubric-v1.json", 1, edited, CALENDAR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the day after the campaign (2025-12-31)");
    }

    @Test
    void aFileWhoseVersionDisagreesWithItsName_failsTheStartUp() {
        Rubrics.RubricFile first = rubrics.version(1).orElseThrow();

        assertThatThrownBy(() -> Rubrics.check("scoring/rubric-v2.json", 2, first, CALENDAR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scoring/rubric-v2.json: says version 1 but is named v2");
    }

    private void assertRefused(UnaryOperator<List<RubricIndicator>> edit, String problem) {
        Rubrics.RubricFile first = rubrics.version(1).orElseThrow();
        Rubrics.RubricFile edited = new Rubrics.RubricFile(1, first.name(), first.source(),
                edit.apply(new ArrayList<>(first.indicators())), first.penalties());

        assertThatThrownBy(() -> Rubrics.check("scoring/rubric-v1.json", 1, edited, CALENDAR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("scoring/rubric-v1.json: ")
                .hasMessageContaining(problem);
    }

    private static RubricIndicator withWeight(RubricIndicator indicator, BigDecimal weight) {
        return new RubricIndicator(indicator.code(), indicator.name(), indicator.subjects(), indicator.measure(),
                weight, indicator.direction(), indicator.curve(), indicator.basis());
    }

    private static BigDecimal weightOf(Rubrics.RubricFile rubric, ScoringProgramme programme) {
        return rubric.indicators().stream().filter(i -> i.measure().programme() == programme)
                .map(RubricIndicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
