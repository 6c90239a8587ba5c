package cn.gov.lvliang.ledger.command.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.command.OwnSchema;
import cn.gov.lvliang.ledger.command.TestAuthentication;
import cn.gov.lvliang.ledger.command.calendar.OfficeHoursCheck;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.generator.CasePlanner.CasePlan;
import cn.gov.lvliang.ledger.command.generator.CasePlanner.Step;
import cn.gov.lvliang.ledger.command.generator.ScaleGenerator.GenerationReport;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDispatchedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementRequestedEvent;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scale data generator, small: sixty cases over the eight weeks before a fixed "now", on PostgreSQL, in a schema
 * of its own. It checks that what the fast path writes is what the command side writes: the same events with the same
 * metadata for the same commands, requests a repeat is answered from, cases that take their next real command over
 * HTTP, a chain that seals and verifies, and deadlines the live scheduler takes over. The scheduler polls only when
 * told to, so that deadlines fire in the one test about them, last.
 */
// Declared before @SpringBootTest, so that its afterAll runs after Spring's has closed the context.
@ExtendWith(OwnSchema.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=1h", "ledger.notary.schedule=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScaleGeneratorTest {

    /** Monday 30 June 2025, 16:00 in Lvliang. */
    private static final Instant NOW = Instant.parse("2025-06-30T08:00:00Z");
    private static final int CASES = 60;
    private static final int PERSONS = 30;
    private static final int ENTERPRISES = 10;
    private static final GeneratorSettings SETTINGS = new GeneratorSettings(CASES, 7L, LocalDate.of(2025, 5, 6),
            LocalDate.of(2025, 6, 30), PERSONS, ENTERPRISES, 200, true, false, null);
    private static final String OVERDUE = "%BecameOverdueEvent";

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.use(registry, ScaleGeneratorTest.class, "generator_");
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    ScaleGenerator generator;
    @Autowired
    IdempotentCommandGateway gateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    Scheduler scheduler;
    @Autowired
    WorkingCalendar calendar;

    private GenerationReport report;
    private CasePlanner planner;
    private List<String> caseIds;
    private long scheduledAfterGeneration;

    @BeforeAll
    void generate() {
        report = generator.generate(SETTINGS);
        planner = generator.planner(SETTINGS, ScaleGenerator.NAMESPACE);
        caseIds = IntStream.range(0, CASES).mapToObj(planner::caseId).toList();
        scheduledAfterGeneration = count("SELECT count(*) FROM scheduled_tasks");
    }

    @Test
    @Order(1)
    void everyCaseIsWritten_withARequestRowPerCommand_andTheApplicantsKeysAreThePoolsNotOnePerCase() {
        assertThat(report.casesFound()).isZero();
        assertThat(report.casesWritten()).isEqualTo(CASES);
        assertThat(eventsOf(caseIds)).isEqualTo(report.eventsWritten());
        assertThat(report.eventsWritten()).isGreaterThan(10L * CASES);
        long requests = count("SELECT count(*) FROM processed_request WHERE request_id LIKE 'gen-7-%'");
        assertThat(requests).isEqualTo(report.requestsWritten());
        // Every event a command caused names a recorded request; deadlines record theirs without one, as live.
        assertThat(count("""
                SELECT count(*) FROM domainevententry e WHERE e.payloadtype NOT LIKE '%BecameOverdueEvent'
                AND e.payloadtype LIKE '%.bundle.%' AND NOT EXISTS (SELECT 1 FROM processed_request r
                    WHERE r.request_id = convert_from(e.metadata, 'UTF8')::jsonb ->> 'requestId')""")).isZero();
        long applicants = jdbc.sql("""
                        SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb #>> '{applicant,identifier,subject}'
                        FROM domainevententry WHERE payloadtype LIKE '%BundleCaseSubmittedEvent'""")
                .query(String.class).list().size();
        assertThat(applicants).as("applicants, each a data subject").isLessThanOrEqualTo(PERSONS + ENTERPRISES);
        assertThat(count("SELECT count(*) FROM personal_data_key WHERE destroyed_at IS NULL AND generation = 1"))
                .as("one live key per applicant").isEqualTo(applicants)
                .isEqualTo(count("SELECT count(*) FROM personal_data_key"));
        assertThat(report.openCases()).isBetween(1L, CASES / 2L);
        assertThat(report.liveDeadlines()).isPositive().isEqualTo(scheduledAfterGeneration);
    }

    @Test
    @Order(2)
    void generatedEvents_areTheEventsTheCommandSideStoresForTheSameCommands() {
        CasePlanner realPlanner = generator.planner(SETTINGS, "real");
        List<Integer> compared = new ArrayList<>();
        for (int n = 0; n < CASES && compared.size() < 4; n++) {
            CasePlan generated = planner.plan(n);
            if (!ended(generated.caseId()) || overdueOf(List.of(generated.caseId())) > 0) {
                // A case with an overdue event differs on purpose: there the deadline fired in business time, while
                // commands sent now with back-dated times beat their deadline's import grace.
                continue;
            }
            CasePlan real = realPlanner.plan(n);
            assertThat(real.steps()).hasSameSizeAs(generated.steps());
            for (Step step : real.steps()) {
                if (step.creation()) {
                    gateway.create(step.requestId(), real.caseId(), step.command());
                } else {
                    gateway.send(step.requestId(), real.caseId(), step.command());
                }
            }
            assertSameHistory(real.caseId(), generated.caseId());
            compared.add(n);
        }
        assertThat(compared).as("cases compared").hasSize(4);
    }

    private void assertSameHistory(String realCase, String generatedCase) {
        List<? extends DomainEventMessage<?>> real = eventStore.readEvents(realCase).asStream().toList();
        List<? extends DomainEventMessage<?>> generated = eventStore.readEvents(generatedCase).asStream().toList();
        Map<String, String> ids = Map.of(realCase, generatedCase, complaintId(realCase), complaintId(generatedCase));
        assertThat(generated).hasSameSizeAs(real);
        for (int i = 0; i < real.size(); i++) {
            DomainEventMessage<?> expected = real.get(i);
            DomainEventMessage<?> actual = generated.get(i);
            assertThat(actual.getPayloadType()).isEqualTo(expected.getPayloadType());
            assertThat(actual.getType()).isEqualTo(expected.getType());
            assertThat(actual.getSequenceNumber()).isEqualTo(expected.getSequenceNumber());
            assertThat(json(actual.getPayload())).as("payload of " + actual.getPayloadType().getSimpleName())
                    .isEqualTo(replace(json(expected.getPayload()), ids));
            assertThat(actual.getMetaData().keySet()).isEqualTo(expected.getMetaData().keySet());
            assertThat(actual.getMetaData().get("requestId"))
                    .isEqualTo(((String) expected.getMetaData().get("requestId")).replace("real-", "gen-"));
            assertThat(actual.getMetaData().get("actorUser")).isEqualTo(ScaleGenerator.ACTOR);
            assertThat(expected.getMetaData().get("actorUser")).isEqualTo("system:ledger");
        }
        assertThat(storedColumns(generatedCase)).isEqualTo(storedColumns(realCase));
        assertThat(requestRows(generatedCase)).isEqualTo(requestRows(realCase).stream()
                .map(row -> replace(row, ids)).toList());
        String submission = new String(jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :id "
                + "AND sequencenumber = 0").param("id", generatedCase).query(byte[].class).single(),
                StandardCharsets.UTF_8);
        String identifier = ((BundleCaseSubmittedEvent) generated.get(0).getPayload()).applicant().identifier();
        assertThat(submission).contains("\"encrypted\":\"AES-256-GCM\"").doesNotContain(identifier);
    }

    @Test
    @Order(3)
    void aGeneratedOpenCase_takesItsNextStepOverHttp_andAnEndedOneRefusesToEndTwice() {
        Map.Entry<String, ItemDispatchedEvent> open = openCaseWithUndecidedItem();
        String caseId = open.getKey();
        ItemDispatchedEvent item = open.getValue();
        long before = count("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = '"
                + caseId + "'");

        ResponseEntity<String> approved = post("/api/bundle-cases/" + caseId + "/items/" + item.itemSeq()
                + "/approval", """
                {"requestId": "after-generation-1", "actingUnit": "%s", "result": "LL-HTTP-1"}"""
                .formatted(item.responsibleUnit()));

        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId).asStream().toList();
        DomainEventMessage<?> last = events.get(events.size() - 1);
        assertThat(last.getPayload()).isInstanceOf(ItemApprovedEvent.class);
        assertThat(last.getSequenceNumber()).isEqualTo(before + 1);
        assertThat(last.getMetaData().get("actorUser")).isEqualTo(TestAuthentication.DEFAULT_USER);

        String ended = caseIds.stream().filter(this::concluded).findFirst().orElseThrow();
        String lead = eventStore.readEvents(ended).asStream().map(DomainEventMessage::getPayload)
                .filter(BundleCaseConcludedEvent.class::isInstance)
                .map(BundleCaseConcludedEvent.class::cast)
                .findFirst().orElseThrow().actingUnit();
        ResponseEntity<String> again = post("/api/bundle-cases/" + ended + "/conclusion", """
                {"requestId": "after-generation-2", "actingUnit": "%s"}""".formatted(lead));
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
        ResponseEntity<String> complaint = post("/api/bundle-cases/" + ended + "/complaints", """
                {"requestId": "after-generation-3", "content": "证照邮寄地址有误"}""");
        assertThat(complaint.getStatusCode().is2xxSuccessful()).as(complaint.getBody()).isTrue();
    }

    @Test
    @Order(4)
    void aGeneratedRequestSentAgainOverHttp_isAnsweredAsTheReplayItIs() {
        CasePlan plan = planner.plan(0);
        Step materials = plan.steps().get(1);
        ResponseEntity<String> repeat = post("/api/bundle-cases/" + plan.caseId() + "/materials", """
                {"requestId": "%s", "submitted": ["申请表"]}""".formatted(materials.requestId()));

        assertThat(repeat.getStatusCode().is2xxSuccessful()).as(repeat.getBody()).isTrue();
        assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    @Order(5)
    void theGeneratedLedger_isSealed_andVerifies() {
        assertThat(report.sealed()).isGreaterThanOrEqualTo(report.eventsWritten());
        asAdmin().postForEntity("/api/ledger/seal", null, String.class);

        JsonNode verification = json(asAdmin().postForEntity("/api/ledger/verification", null, String.class)
                .getBody());

        assertThat(verification.get("ok").asBoolean()).as(verification.toPrettyString()).isTrue();
        assertThat(verification.get("pendingRows").asLong()).isZero();
        assertThat(verification.get("journalEntries").asLong())
                .isEqualTo(count("SELECT count(*) FROM domainevententry"));
    }

    @Test
    @Order(6)
    void plannedSteps_lieInOfficeHoursOfWorkingDays_inOrder_andNotAfterNow() {
        int cases = 2_000;
        CasePlanner many = generator.planner(SETTINGS.withCases(cases), ScaleGenerator.NAMESPACE);
        List<String> wrong = new ArrayList<>();
        int steps = 0;
        for (int n = 0; n < cases; n++) {
            Instant previous = Instant.MIN;
            for (Step step : many.plan(n).steps()) {
                Instant at = step.businessTime();
                String described = "case " + n + ", " + step.command().getClass().getSimpleName() + " at " + at;
                if (!OfficeHoursCheck.inOfficeHours(at, calendar)) {
                    wrong.add(described + " is not in office hours on a working day");
                }
                if (at.isBefore(previous)) {
                    wrong.add(described + " lies before the step before it, at " + previous);
                }
                if (at.isAfter(NOW)) {
                    wrong.add(described + " lies after now");
                }
                previous = at;
                steps++;
            }
        }

        assertThat(steps).isGreaterThan(cases * 5);
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(6)
    void theSameSeed_plansTheSameCases_anotherSeedOthers_andARunAgainResumesWhereTheStoreEnds() {
        CasePlanner again = generator.planner(SETTINGS, ScaleGenerator.NAMESPACE);
        CasePlanner otherSeed = generator.planner(new GeneratorSettings(CASES, 8L, SETTINGS.from(),
                SETTINGS.until(), PERSONS, ENTERPRISES, 200, true, false, null), ScaleGenerator.NAMESPACE);
        for (int n = 0; n < CASES; n++) {
            assertThat(again.plan(n)).isEqualTo(planner.plan(n));
            assertThat(otherSeed.plan(n).caseId()).isNotEqualTo(planner.plan(n).caseId());
        }
        assertThat(IntStream.range(0, CASES).mapToObj(n -> submission(otherSeed.plan(n))).toList())
                .as("bundles and applicants under another seed")
                .isNotEqualTo(IntStream.range(0, CASES).mapToObj(n -> submission(planner.plan(n))).toList());

        long events = count("SELECT count(*) FROM domainevententry");
        GenerationReport rerun = generator.generate(SETTINGS);
        assertThat(rerun.casesFound()).isEqualTo(CASES);
        assertThat(rerun.casesWritten()).isZero();
        assertThat(count("SELECT count(*) FROM domainevententry")).isEqualTo(events);

        GenerationReport more = generator.generate(SETTINGS.withCases(CASES + 3));
        assertThat(more.casesFound()).isEqualTo(CASES);
        assertThat(more.casesWritten()).isEqualTo(3);
    }

    @Test
    @Order(7)
    void theProductionProfile_refusesToGenerate() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        MockEnvironment bench = new MockEnvironment();
        bench.setActiveProfiles("test");

        assertThatThrownBy(() -> ScaleGenerator.refuseInProduction(production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("production");
        ScaleGenerator.refuseInProduction(bench);
    }

    @Test
    @Order(8)
    void theDeadlinesHandedOver_fireInTheCommandSide_andRecordWhatTheGeneratedOnesRecorded() {
        long generatedOverdue = overdueOf(caseIds);
        assertThat(generatedOverdue).as("deadlines that fell due before now, fired by the generator").isPositive();

        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT count(*) FROM scheduled_tasks") == 0);

        assertThat(overdueOf(caseIds)).as("overdue recorded by the live scheduler").isGreaterThan(generatedOverdue);
        // A deadline's event carries no metadata when the command side's scheduler records it; nor the generator's.
        assertThat(jdbc.sql("SELECT DISTINCT convert_from(metadata, 'UTF8') FROM domainevententry WHERE payloadtype "
                + "LIKE '" + OVERDUE + "'").query(String.class).list()).containsExactly("{}");
    }

    /** What a plan submits, without the case's own id: bundle, applicant, county, channel and time. */
    private static String submission(CasePlan plan) {
        SubmitBundleCaseCommand submit = (SubmitBundleCaseCommand) plan.steps().get(0).command();
        return submit.bundleCode() + " " + submit.applicant() + " " + submit.divisionCode() + " " + submit.channel()
                + " " + submit.businessTime();
    }

    private Map.Entry<String, ItemDispatchedEvent> openCaseWithUndecidedItem() {
        for (String caseId : caseIds) {
            if (ended(caseId)) {
                continue;
            }
            List<Object> payloads = eventStore.readEvents(caseId).asStream().map(DomainEventMessage::getPayload)
                    .map(Object.class::cast).toList();
            long paused = payloads.stream().filter(SupplementRequestedEvent.class::isInstance).count()
                    - payloads.stream().filter(SupplementSuppliedEvent.class::isInstance).count();
            Set<Integer> decided = new HashSet<>();
            payloads.stream().filter(ItemApprovedEvent.class::isInstance)
                    .forEach(event -> decided.add(((ItemApprovedEvent) event).itemSeq()));
            payloads.stream().filter(ItemRejectedEvent.class::isInstance)
                    .forEach(event -> decided.add(((ItemRejectedEvent) event).itemSeq()));
            var undecided = payloads.stream().filter(ItemDispatchedEvent.class::isInstance)
                    .map(ItemDispatchedEvent.class::cast).filter(event -> !decided.contains(event.itemSeq()))
                    .findFirst();
            if (paused == 0 && undecided.isPresent()) {
                return Map.entry(caseId, undecided.get());
            }
        }
        throw new AssertionError("no open generated case with an undecided item");
    }

    private boolean ended(String caseId) {
        return count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '" + caseId + "' AND ("
                + "payloadtype LIKE '%BundleCaseConcludedEvent' OR payloadtype LIKE '%BundleCaseWithdrawnEvent' OR "
                + "payloadtype LIKE '%BundleCaseAcceptanceRefusedEvent')") > 0;
    }

    private boolean concluded(String caseId) {
        return count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '" + caseId
                + "' AND payloadtype LIKE '%BundleCaseConcludedEvent'") > 0;
    }

    private long eventsOf(List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (:ids)")
                .param("ids", ids).query(Long.class).single();
    }

    private long overdueOf(List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (:ids) AND payloadtype "
                + "LIKE :type").param("ids", ids).param("type", OVERDUE).query(Long.class).single();
    }

    /** What the store holds beside payload and metadata: aggregate type, payload type and revision, in order. */
    private List<String> storedColumns(String caseId) {
        return jdbc.sql("SELECT type, payloadtype, payloadrevision FROM domainevententry "
                        + "WHERE aggregateidentifier = :id ORDER BY sequencenumber")
                .param("id", caseId)
                .query((row, n) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3))
                .list();
    }

    private List<String> requestRows(String caseId) {
        return jdbc.sql("SELECT command_type, result FROM processed_request WHERE aggregate_id = :id "
                        + "ORDER BY processed_at, request_id")
                .param("id", caseId)
                .query((row, n) -> row.getString(1) + " " + row.getString(2))
                .list();
    }

    private static String complaintId(String caseId) {
        return UUID.nameUUIDFromBytes((caseId + "-complaint").getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String json(Object payload) {
        return objectMapper.valueToTree(payload).toString();
    }

    private JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static String replace(String text, Map<String, String> ids) {
        String replaced = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            replaced = replaced.replace(id.getKey(), id.getValue());
        }
        return replaced;
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth("admin", TestAuthentication.PASSWORD);
    }

    private long count(String sql) {
        Long value = jdbc.sql(sql).query(Long.class).single();
        return value == null ? 0 : value;
    }

}
