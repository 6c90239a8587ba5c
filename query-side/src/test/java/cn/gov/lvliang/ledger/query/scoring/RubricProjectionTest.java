package cn.gov.lvliang.ledger.query.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.scoring.IndicatorMeasure;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringProgramme;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingDatabase;
import cn.gov.lvliang.ledger.query.support.Feed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rubric read model on PostgreSQL, in a fresh schema: every version kept as published. */
class RubricProjectionTest {

    FundraisingDatabase database;
    RubricProjection projection;

    @BeforeEach
    void freshSchema() {
        database = FundraisingDatabase.postgres();
        projection = new RubricProjection(database.jdbc(), ScoringTestData.MAPPER);
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void beforeAnyPublication_thereIsNoRubric() {
        assertThat(projection.handle(new FindRubricQuery(null))).isEmpty();
        assertThat(projection.handle(new ListRubricsQuery())).isEmpty();
    }

    @Test
    void thePublishedVersion_isServedExactlyAsTheEventCarriesIt() {
        ScoringRubricPublishedEvent v1 = ScoringTestData.rubricV1();
        Feed.into(projection).event(v1, ScoringTestData.RUBRIC_PUBLISHED);

        RubricView served = projection.handle(new FindRubricQuery(1)).orElseThrow();
        assertThat(served.indicators()).isEqualTo(v1.indicators());
        assertThat(served.penalties()).isEqualTo(v1.penalties());
        assertThat(served.name()).isEqualTo(v1.name());
        assertThat(served.contentHash()).isEqualTo(v1.contentHash());
        assertThat(served.weightFor(ScoredSubjectKind.COUNTY)).isEqualByComparingTo("100");
        assertThat(served.weightFor(ScoredSubjectKind.LEAD_UNIT)).isEqualByComparingTo("60");
        assertThat(served.indicatorsFor(ScoredSubjectKind.LEAD_UNIT)).extracting(RubricIndicator::measure)
                .allMatch(measure -> measure.programme() == ScoringProgramme.ONE_THING)
                .contains(IndicatorMeasure.ON_TIME_CONCLUSION_RATE);
    }

    @Test
    void aNewVersion_standsBesideTheOld_andARedeliveryChangesNothing() {
        Feed.into(projection).event(ScoringTestData.rubricV1(), ScoringTestData.RUBRIC_PUBLISHED);
        Feed.into(projection).event(ScoringTestData.rubricV2(), ScoringTestData.RUBRIC_PUBLISHED);
        Feed.into(projection).event(ScoringTestData.rubricV1(), ScoringTestData.RUBRIC_PUBLISHED);

        assertThat(projection.handle(new ListRubricsQuery())).extracting(RubricView::version).containsExactly(1, 2);
        assertThat(projection.handle(new FindRubricQuery(null))).map(RubricView::version).contains(2);
        assertThat(projection.handle(new FindRubricQuery(1)).orElseThrow().indicators())
                .isEqualTo(ScoringTestData.rubricV1().indicators());
    }
}
