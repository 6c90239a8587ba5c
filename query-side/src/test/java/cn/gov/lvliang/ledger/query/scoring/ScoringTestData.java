package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Processors;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * The scoring tests' rubrics: version 1 is the command side's own data file, read where it lies, so the query side is
 * tested against the rubric the ledger really publishes; version 2 is version 1 with the on-time weight moved to the
 * one-visit share, as a later rubric might do.
 */
final class ScoringTestData {

    static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final Instant RUBRIC_PUBLISHED = Instant.parse("2024-08-07T00:00:00Z");
    static final Path RUBRIC_V1 = Path.of("../command-side/src/main/resources/scoring/rubric-v1.json");

    private ScoringTestData() {
    }

    static ScoringRubricPublishedEvent rubricV1() {
        RubricFile file = read();
        return new ScoringRubricPublishedEvent(ScoringRubricPublishedEvent.RUBRIC_ID, file.version(),
                "sha256-test-rubric-1", file.name(), file.source(), file.indicators(), file.penalties(),
                RUBRIC_PUBLISHED);
    }

    /** Version 1 with four points moved from 按期办结率 to “最多跑一次”办结占比. */
    static ScoringRubricPublishedEvent rubricV2() {
        ScoringRubricPublishedEvent v1 = rubricV1();
        List<RubricIndicator> indicators = new ArrayList<>();
        for (RubricIndicator indicator : v1.indicators()) {
            BigDecimal weight = switch (indicator.code()) {
                case "ON_TIME_CONCLUSION" -> indicator.weight().subtract(BigDecimal.valueOf(4));
                case "ONE_VISIT" -> indicator.weight().add(BigDecimal.valueOf(4));
                default -> indicator.weight();
            };
            indicators.add(new RubricIndicator(indicator.code(), indicator.name(), indicator.subjects(),
                    indicator.measure(), weight, indicator.direction(), indicator.curve(), indicator.basis()));
        }
        return new ScoringRubricPublishedEvent(v1.rubricId(), 2, "sha256-test-rubric-2", v1.name().replace("第1版",
                "第2版"), v1.source(), indicators, v1.penalties(), RUBRIC_PUBLISHED.plusSeconds(86_400));
    }

    /** The card the command side records when an inspector issues the given score. */
    static ScoreCardIssuedEvent issued(SubjectScore score, Instant at) {
        return new ScoreCardIssuedEvent(
                ScoreCardIssuedEvent.cardId(score.subjectKind(), score.subjectCode(), score.period(),
                        score.rubricVersion()),
                score.subjectKind(), score.subjectCode(), score.subjectName(), score.subjectDivision(),
                score.period(), score.from(), score.to(), score.rubricVersion(), score.inputHash(),
                score.indicators().stream().map(i -> new ScoredIndicator(i.code(), i.applicable(), i.value(),
                        i.numerator(), i.denominator(), i.points(), i.rank(), i.rankedAmong())).toList(),
                score.penalties().stream().map(p -> new ScoredPenalty(p.code(), p.caseIds(), p.points())).toList(),
                score.baseScore(), score.penaltyPoints(), score.totalScore(), score.rank(), score.rankedAmong(),
                "inspector", at);
    }

    /**
     * The shared test database's reference data, catalog and rubric version 1, as the scoring tests on it need them;
     * each is published only if absent.
     */
    static void publishReferenceCatalogAndRubric(ApplicationContext context, EventProcessingConfiguration processing) {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
        Feed.into(context.getBean(RubricProjection.class)).event(rubricV1(), RUBRIC_PUBLISHED);
    }

    /** Bundle-case events straight into the running context's bundle-case projection, each case's in order. */
    static void feedBundleCases(ApplicationContext context, List<? extends BundleCaseEvent> events) {
        Feed bundle = Feed.into(context.getBean("bundleCaseProjection"));
        Map<String, Long> sequences = new HashMap<>();
        for (BundleCaseEvent event : events) {
            bundle.domainEvent("BundleCase", event.caseId(), sequences.merge(event.caseId(), 1L, Long::sum) - 1,
                    event, event.businessTime());
        }
    }

    private static RubricFile read() {
        try {
            return MAPPER.readValue(RUBRIC_V1.toFile(), RubricFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RUBRIC_V1.toAbsolutePath(), e);
        }
    }

    /** The command side's rubric data file. */
    record RubricFile(int version, String name, String source, List<RubricIndicator> indicators,
                      List<RubricPenalty> penalties) {
    }
}
