package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseProjections;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingDatabase;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingEvents;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ledger of its own for a scoring test: a fresh database (H2 as the demo runs it, or a fresh PostgreSQL schema)
 * holding only what the test feeds, with the read models the scores are computed from, the campaign's own query
 * handlers on a query bus, rubric version 1 published, and {@link Scoring} over all of it. Events go to the
 * projections as their processors would deliver them, in order with their sequence numbers. The clock stands at
 * {@link #NOW}, after every period the tests score.
 */
final class ScoringLedger implements AutoCloseable {

    /** Monday 15 June 2026, noon in Lvliang: every period of 2024–2026 H1 has begun. */
    static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String LISHI = "141102";
    static final String WENSHUI = "141121";
    static final String CITY_APPROVAL = "CITY_APPROVAL";
    static final ScoringPeriod Q1_2025 = ScoringPeriod.parse("2025-Q1");

    private final FundraisingDatabase database;
    private final Object bundleProjection;
    private final Object clueProjection;
    private final Object caseProjection;
    private final RubricProjection rubrics;
    private final ScoreCardProjection cards;
    private final Scoring scoring;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<BundleCaseEvent> bundleEvents = new ArrayList<>();
    private final List<Object> fundraisingEvents = new ArrayList<>();
    private final List<ScoringRubricPublishedEvent> publishedRubrics = new ArrayList<>();
    private FundraisingEvents fundraising;

    private ScoringLedger(FundraisingDatabase database) {
        this.database = database;
        JdbcClient jdbc = database.jdbc();
        CatalogTestData.publish(jdbc);
        this.bundleProjection = BundleCaseProjections.on(jdbc, CLOCK);
        this.clueProjection = construct("cn.gov.lvliang.ledger.query.fundraising.RiskClueProjection",
                new Class<?>[] {JdbcClient.class}, jdbc);
        this.caseProjection = construct("cn.gov.lvliang.ledger.query.fundraising.DisposalCaseProjection",
                new Class<?>[] {JdbcClient.class, Clock.class}, jdbc, CLOCK);
        Object calendar = construct("cn.gov.lvliang.ledger.query.fundraising.CampaignCalendarProjection",
                new Class<?>[] {JdbcClient.class}, jdbc);
        Feed.into(calendar).event(FundraisingTestData.calendar(1), FundraisingTestData.CALENDAR_PUBLISHED);
        Object statistics = construct("cn.gov.lvliang.ledger.query.fundraising.FundraisingStatistics",
                new Class<?>[] {JdbcClient.class, Clock.class, calendar.getClass()}, jdbc, CLOCK, calendar);
        this.fundraising = FundraisingEvents.into(clueProjection, caseProjection);

        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(statistics).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(caseProjection).subscribe(bus);
        QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(bus).build();

        this.rubrics = new RubricProjection(jdbc, ScoringTestData.MAPPER);
        this.cards = new ScoreCardProjection(jdbc, rubrics);
        publish(ScoringTestData.rubricV1());
        this.scoring = new Scoring(new ScoringFacts(jdbc, queryGateway), rubrics, cards, CLOCK);
    }

    static ScoringLedger h2() {
        return new ScoringLedger(FundraisingDatabase.h2());
    }

    static ScoringLedger postgres() {
        return new ScoringLedger(FundraisingDatabase.postgres());
    }

    Scoring scoring() {
        return scoring;
    }

    JdbcClient jdbc() {
        return database.jdbc();
    }

    /** Publishes a rubric version. */
    void publish(ScoringRubricPublishedEvent rubric) {
        publishedRubrics.add(rubric);
        Feed.into(rubrics).event(rubric, ScoringTestData.RUBRIC_PUBLISHED);
    }

    /** Issues a card as the command side records it: its first event. */
    void issue(ScoreCardIssuedEvent card) {
        Feed.into(cards).domainEvent("ScoreCard", card.cardId(), 0, card, card.businessTime());
    }

    /** An issued card, as the API answers it. */
    ScoreCardView card(String cardId) {
        return cards.handle(new FindScoreCardQuery(cardId)).orElseThrow();
    }

    /**
     * Rebuilds the read models the scores are computed from as a replay from the first event would: each
     * projection's reset handler clears it, then every event fed so far is delivered again in its order. The score
     * cards stay: their numbers are the events', not computed.
     */
    void rebuildFromTheEvents() {
        for (Object projection : List.of(bundleProjection, clueProjection, caseProjection, rubrics)) {
            Feed.into(projection).reset();
        }
        assertEmpty("bundle_case", "fundraising_clue", "fundraising_case", "scoring_rubric");
        publishedRubrics.forEach(rubric -> Feed.into(rubrics).event(rubric, ScoringTestData.RUBRIC_PUBLISHED));
        sequences.clear();
        List<BundleCaseEvent> bundle = List.copyOf(bundleEvents);
        bundleEvents.clear();
        bundle(bundle.toArray(BundleCaseEvent[]::new));
        fundraising = FundraisingEvents.into(clueProjection, caseProjection);
        fundraising.apply(fundraisingEvents);
    }

    private void assertEmpty(String... tables) {
        for (String table : tables) {
            if (database.count(table) != 0) {
                throw new AssertionError(table + " was not cleared by its reset handler");
            }
        }
    }

    /** One subject's score, as the API answers it. */
    SubjectScore score(ScoredSubjectKind kind, String code, ScoringPeriod period) {
        return scoring.score(kind, code, period, 1);
    }

    /** One indicator of a county's score in a period. */
    IndicatorScore county(String division, ScoringPeriod period, String indicator) {
        return score(ScoredSubjectKind.COUNTY, division, period).indicator(indicator).orElseThrow();
    }

    /** Bundle-case events, each case's in order. */
    ScoringLedger bundle(BundleCaseEvent... events) {
        for (BundleCaseEvent event : events) {
            bundleEvents.add(event);
            long sequence = sequences.merge(event.caseId(), 1L, Long::sum) - 1;
            Feed.into(bundleProjection).domainEvent("BundleCase", event.caseId(), sequence, event,
                    event.businessTime().plusSeconds(60));
        }
        return this;
    }

    /** Clue and disposal-case events, each aggregate's in order. */
    ScoringLedger fundraising(Object... events) {
        fundraisingEvents.addAll(List.of(events));
        fundraising.apply(List.of(events));
        return this;
    }

    @Override
    public void close() {
        database.close();
    }

    // ---- bundle-case events, with only what the scores read set with care ----------------------------------------

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A moment in Beijing time, e.g. {@code 2025-01-05T10:00}. */
    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessDay.ZONE).toInstant();
    }

    /** A moment in Beijing time on a day of a period, e.g. day 3 at {@code 09:00}. */
    static Instant on(ScoringPeriod period, int day, String time) {
        return period.from().plusDays(day - 1L).atTime(LocalTime.parse(time)).atZone(BusinessDay.ZONE)
                .toInstant();
    }

    /**
     * A case of a county submitted on a day of a month with a visit, accepted, and concluded twelve days later: on
     * time, or (when {@code late}) after going overdue two days before.
     */
    static List<BundleCaseEvent> concludedCase(String caseId, String division, ScoringPeriod month, int day,
                                               boolean late) {
        List<BundleCaseEvent> events = new ArrayList<>(List.of(
                submitted(caseId, division, on(month, day, "09:00")),
                visit(caseId, 1, on(month, day, "09:00")),
                accepted(caseId, on(month, day, "10:00"))));
        if (late) {
            events.add(overdue(caseId, on(month, day + 10, "00:00")));
        }
        events.add(concluded(caseId, on(month, day + 12, "10:00")));
        return events;
    }

    /** An enterprise opening (2024-01, led by 市行政审批局) submitted online in a county. */
    static BundleCaseSubmittedEvent submitted(String caseId, String division, Instant at) {
        return submitted(caseId, division, "2024-01", CITY_APPROVAL, at);
    }

    static BundleCaseSubmittedEvent submitted(String caseId, String division, String bundle, String leadUnit,
                                              Instant at) {
        return new BundleCaseSubmittedEvent(caseId, bundle, CatalogTestData.CASE_CATALOG_VERSION, leadUnit,
                List.of(new CaseItem(1, "企业设立登记", CITY_APPROVAL)),
                new Applicant(ApplicantKind.ENTERPRISE, "吕梁示范商贸有限公司", "91141100MA0ABCDE12", "13912345678"),
                division, null, Channel.ONLINE_PLATFORM, null, at);
    }

    static BundleCaseAcceptedEvent accepted(String caseId, Instant at) {
        LocalDate day = at.atZone(BusinessDay.ZONE).toLocalDate();
        return new BundleCaseAcceptedEvent(caseId, CITY_APPROVAL, 5, day.plusDays(7), day.plusDays(6), at);
    }

    static BundleCaseAcceptanceRefusedEvent refused(String caseId, Instant at) {
        return new BundleCaseAcceptanceRefusedEvent(caseId, CITY_APPROVAL, "材料不齐", at);
    }

    static BundleCaseBecameOverdueEvent overdue(String caseId, Instant at) {
        return new BundleCaseBecameOverdueEvent(caseId, at.atZone(BusinessDay.ZONE).toLocalDate().minusDays(1), at);
    }

    static BundleCaseConcludedEvent concluded(String caseId, Instant at) {
        return new BundleCaseConcludedEvent(caseId, CITY_APPROVAL, CaseOutcome.APPROVED, 1, 0, at);
    }

    static VisitRecordedEvent visit(String caseId, int number, Instant at) {
        return new VisitRecordedEvent(caseId, number, null, null,
                number == 1 ? VisitPurpose.SUBMISSION : VisitPurpose.SUPPLEMENT, at);
    }

    /** Materials recorded at once: so many submitted by the applicant, so many waived. */
    static MaterialsRecordedEvent materials(String caseId, int submitted, int waived, Instant at) {
        List<String> given = new ArrayList<>();
        for (int i = 1; i <= submitted; i++) {
            given.add("申请材料" + i);
        }
        List<WaivedMaterial> obtained = new ArrayList<>();
        for (int i = 1; i <= waived; i++) {
            obtained.add(new WaivedMaterial("共享材料" + i, WaiverBasis.DATA_SHARING));
        }
        return new MaterialsRecordedEvent(caseId, given, obtained, at);
    }

    static ComplaintLodgedEvent lodged(String caseId, String complaintId, Instant at) {
        return new ComplaintLodgedEvent(caseId, complaintId, "办不成事", at);
    }

    static ComplaintResolvedEvent resolved(String caseId, String complaintId, Instant at) {
        return new ComplaintResolvedEvent(caseId, complaintId, CITY_APPROVAL, "已办结", at);
    }

    static ServiceRatedEvent rated(String caseId, int score, Instant at) {
        return new ServiceRatedEvent(caseId, score, List.of(), null, at);
    }

    private static Object construct(String type, Class<?>[] parameterTypes, Object... arguments) {
        try {
            Constructor<?> constructor = Class.forName(type).getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make " + type + " outside Spring", e);
        }
    }
}
