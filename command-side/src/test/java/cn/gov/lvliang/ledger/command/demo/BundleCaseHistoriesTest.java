package cn.gov.lvliang.ledger.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.command.OwnSchema;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.demo.StoredSteps.Step;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's bundle cases, a few dozen of their back-dated histories generated through the real command side on
 * PostgreSQL, on a schema of their own as in {@link FundraisingHistoriesTest}: what the staff did happened in office
 * hours on working days, one step after another.
 */
// Declared before @SpringBootTest, so that its afterAll runs after Spring's has closed the context.
@ExtendWith(OwnSchema.class)
@SpringBootTest(properties = "ledger.notary.schedule=false")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BundleCaseHistoriesTest {

    private static final long SEED = 20240807L;
    private static final int CASES = 40;
    private static final String BUNDLE_EVENTS = "cn.gov.lvliang.ledger.events.bundle";

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.use(registry, BundleCaseHistoriesTest.class, "demo_bundle_");
    }

    @Autowired
    IdempotentCommandGateway commands;
    @Autowired
    BundleCatalog catalog;
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
    JdbcClient jdbc;

    @BeforeAll
    void generateTheCases() {
        BundleCaseHistories histories = new BundleCaseHistories(commands, catalog, reference, units, calendar, clock,
                SEED);
        for (int n = 0; n < CASES; n++) {
            histories.generate(n);
        }
    }

    @Test
    void everyCase_isSubmitted() {
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype = :type")
                .param("type", BUNDLE_EVENTS + ".BundleCaseSubmittedEvent").query(Long.class).single())
                .isEqualTo(CASES);
    }

    @Test
    void everyStep_liesOnAWorkingDayInOfficeHours_inOrderWithinItsCase() {
        List<Step> steps = StoredSteps.of(jdbc, objectMapper, BUNDLE_EVENTS);
        // An overdue step is stamped by its deadline with the end of the due day, whenever it fires: for a
        // back-dated case, after the steps that followed, and out of office hours.
        List<Step> staffSteps = steps.stream().filter(step -> !step.type().endsWith("BecameOverdueEvent")).toList();

        assertThat(steps).hasSizeGreaterThan(CASES * 5);
        assertThat(StoredSteps.outOfOrder(staffSteps)).isEmpty();
        assertThat(StoredSteps.outsideOfficeHours(staffSteps, calendar)).isEmpty();
    }
}
