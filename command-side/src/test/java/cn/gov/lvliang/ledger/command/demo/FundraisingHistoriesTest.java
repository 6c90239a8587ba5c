package cn.gov.lvliang.ledger.command.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.command.OwnSchema;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.demo.StoredSteps.Step;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's fundraising campaign, generated small (40 clues, 8 cases and the six legacy cases) through the real
 * command side on PostgreSQL. It runs on a schema of its own, as {@code RestartTest} does, so that no other test's
 * deadline scheduler or event counts mix with it, and drops the schema afterwards. Deadlines that are already due
 * wait a short import grace, as in the demo, so that the generator delivers each clue's history before its deadline
 * looks at it; the campaign is generated once and every test reads what it left.
 */
// Declared before @SpringBootTest, so that its afterAll runs after Spring's has closed the context.
@ExtendWith(OwnSchema.class)
@SpringBootTest(properties = {"ledger.deadlines.import-grace=10s", "db-scheduler.polling-interval=1s",
        "ledger.notary.schedule=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FundraisingHistoriesTest {

    private static final long SEED = 20240807L;
    private static final int CLUES = 40;
    private static final int CASES = 8;
    private static final String FUNDRAISING_EVENTS = "cn.gov.lvliang.ledger.events.fundraising.";
    private static final Instant CAMPAIGN_FROM = Instant.parse("2024-05-31T16:00:00Z");

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.use(registry, FundraisingHistoriesTest.class, "demo_fundraising_");
    }

    @Autowired
    IdempotentCommandGateway commands;
    @Autowired
    ReferenceData reference;
    @Autowired
    UnitDirectory units;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    private FundraisingHistories.Report firstRun;

    @BeforeAll
    void generateTheCampaign() {
        firstRun = histories().generate(CLUES, CASES);
        // The clues never verified become overdue once their deadlines fire; wait until every deadline has.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM scheduled_tasks") == 0);
    }

    @Test
    void everyClueAndCase_isGenerated_withoutARefusedStep() {
        assertThat(firstRun.failures()).isEmpty();
        assertThat(firstRun.clues()).isEqualTo(CLUES);
        assertThat(firstRun.cases()).isEqualTo(CASES);
        assertThat(firstRun.legacyCases()).isEqualTo(6);
    }

    @Test
    void theEventStore_holdsTheClues_theCasesOpenedFromThem_andAllSixLegacyImports() {
        assertThat(countOf("RiskClueRecordedEvent")).isEqualTo(CLUES);
        assertThat(countOf("DisposalCaseOpenedEvent")).isEqualTo(CASES);
        assertThat(jdbc.sql("SELECT aggregateidentifier FROM domainevententry WHERE payloadtype = :type")
                .param("type", FUNDRAISING_EVENTS + "LegacyCaseImportedEvent").query(String.class).list())
                .containsExactlyInAnyOrder("legacy-141125-1", "legacy-141125-2", "legacy-141102-1",
                        "legacy-141182-1", "legacy-141182-2", "legacy-141129-1");
        // Every case took at least one clue with it.
        assertThat(countOf("RiskClueTakenIntoCaseEvent")).isGreaterThanOrEqualTo(CASES);
    }

    @Test
    void everyEventTypeOfARiskClueAndADisposalCase_occurs() {
        List<String> stored = jdbc.sql("SELECT DISTINCT payloadtype FROM domainevententry").query(String.class).list();

        assertThat(stored).containsAll(Stream.concat(Stream.of(RiskClueEvent.class.getPermittedSubclasses()),
                Stream.of(DisposalCaseEvent.class.getPermittedSubclasses())).map(Class::getName).toList());
    }

    @Test
    void everyStep_liesInTheCampaign_onAWorkingDayInOfficeHours_inOrderWithinItsAggregate() {
        Instant now = clock.instant();
        List<Step> steps = StoredSteps.of(jdbc, objectMapper, "cn.gov.lvliang.ledger.events.fundraising",
                "CampaignCalendarPublishedEvent");
        // Recorded by the deadline at the end of the due day, not by anyone in office.
        List<Step> staffSteps = steps.stream()
                .filter(step -> !step.type().equals("RiskClueVerificationBecameOverdueEvent")).toList();

        assertThat(StoredSteps.outOfOrder(steps)).isEmpty();
        assertThat(steps).filteredOn(step -> step.businessTime().isBefore(CAMPAIGN_FROM)
                || step.businessTime().isAfter(now)).as("steps outside the campaign").isEmpty();
        assertThat(StoredSteps.outsideOfficeHours(staffSteps, calendar)).isEmpty();
    }

    @Test
    void someLegacyCasesAreClosedAfterTheirJudgment_whileOthersStillHaveOpenPlanMilestones() throws Exception {
        List<String> closed = jdbc.sql("""
                        SELECT aggregateidentifier FROM domainevententry
                        WHERE payloadtype = :type AND aggregateidentifier LIKE 'legacy-%'""")
                .param("type", FUNDRAISING_EVENTS + "DisposalCaseClosedEvent").query(String.class).list();

        assertThat(closed).hasSizeBetween(1, 5);
        for (String caseId : closed) {
            JsonNode closure = objectMapper.readTree(payloadOf(caseId, "DisposalCaseClosedEvent"));
            assertThat(closure.get("resolution").asText()).isEqualTo("CLOSED_AFTER_JUDGMENT");
            assertThat(closure.get("totalRefundedFen").asLong()).isPositive()
                    .isLessThanOrEqualTo(closure.get("totalRecoveredFen").asLong());
        }
        List<String> open = Stream.of("legacy-141125-1", "legacy-141125-2", "legacy-141102-1", "legacy-141182-1",
                "legacy-141182-2", "legacy-141129-1").filter(caseId -> !closed.contains(caseId)).toList();
        for (String caseId : open) {
            int planned = objectMapper.readTree(payloadOf(caseId, "DisposalPlanAdoptedEvent")).get("milestones").size();
            long reached = jdbc.sql("""
                            SELECT count(*) FROM domainevententry
                            WHERE aggregateidentifier = :id AND payloadtype = :type""")
                    .param("id", caseId).param("type", FUNDRAISING_EVENTS + "PlanMilestoneCompletedEvent")
                    .query(Long.class).single();
            assertThat(reached).as(caseId).isLessThan(planned);
        }
    }

    @Test
    void aSecondRun_addsNoEvent() {
        long events = count("SELECT count(*) FROM domainevententry");
        long requests = count("SELECT count(*) FROM processed_request");

        FundraisingHistories.Report secondRun = histories().generate(CLUES, CASES);

        assertThat(secondRun.failures()).isEmpty();
        assertThat(secondRun.cases()).isEqualTo(firstRun.cases());
        assertThat(count("SELECT count(*) FROM domainevententry")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM processed_request")).isEqualTo(requests);
        assertThat(count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    private FundraisingHistories histories() {
        return new FundraisingHistories(commands, reference, units, calendar, clock, objectMapper,
                FundraisingHistories.Figures.from(environment), SEED);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long countOf(String type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = :type")
                .param("type", FUNDRAISING_EVENTS + type).query(Long.class).single();
    }

    private String payloadOf(String aggregateId, String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype = :type""")
                .param("id", aggregateId).param("type", FUNDRAISING_EVENTS + type).query(String.class).single();
    }
}
