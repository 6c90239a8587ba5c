package cn.gov.lvliang.ledger.query.web;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.accepted;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.at;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.dispatched;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.query.audit.CaseHistories;
import cn.gov.lvliang.ledger.query.audit.StoredCases;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.EventRows;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.LedgerNotary;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page's ledger badge in a real headless Chromium: a case whose events are all in the latest signed
 * checkpoint shows as verified, one with an event newer than the checkpoint as not yet covered, and one with a
 * tampered event row as failed, naming the event's sequence and what was changed. The events are stored in the event
 * store and sealed and signed as the command side's notary does ({@link LedgerNotary}).
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerProofBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    HeadlessChromium browser;
    String caseId;
    Checkpoint checkpoint;

    @BeforeAll
    void browserAndNames() {
        browser = HeadlessChromium.startOrSkip();
        // An auditor: reads audit trails, and every read of them is logged.
        browser.signIn(base(), "auditor", TestAuthentication.PASSWORD);
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A case of four events, projected, then sealed and signed. */
    @BeforeEach
    void aCaseInASignedCheckpoint() {
        caseId = newCaseId();
        StoredCases.into(eventStore)
                .event(submitted(caseId, "CITY_APPROVAL"), at("2025-03-03T01:30:01Z"), Map.of())
                .event(accepted(caseId), at("2025-03-03T02:00:01Z"), Map.of())
                .event(dispatched(caseId, 1, "CITY_APPROVAL"), at("2025-03-03T03:00:01Z"), Map.of())
                .event(visit(1), at("2025-03-03T03:30:01Z"), Map.of())
                .store();
        await("the case projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> lastEventSequence() == 3);
        checkpoint = LedgerNotary.sealAndCheckpoint(dataSource, FixedClockConfiguration.NOW);
    }

    @Test
    void aCaseInTheLatestCheckpoint_showsAsVerified_withTheCheckpointsIdAndTime() {
        openCase();

        assertThat(badge().getDomAttribute("data-status")).isEqualTo("VERIFIED");
        assertThat(badge().getDomAttribute("class")).contains("verified");
        assertThat(text("ledger-proof-status")).isEqualTo("账本校验：已通过校验");
        assertThat(text("ledger-proof-detail"))
                .isEqualTo("4 个事件均与最新检查点 " + checkpoint.id() + "（2025-03-14 12:00:00，北京时间）一致");
    }

    @Test
    void anEventNewerThanTheLatestCheckpoint_showsAsNotYetCovered_untilTheNextCheckpoint() {
        eventStore.publish(new GenericDomainEventMessage<>(CaseHistories.AGGREGATE_TYPE, caseId, 4, visit(2),
                Map.of()));

        openCase();
        assertThat(badge().getDomAttribute("data-status")).isEqualTo("NOT_YET_CHECKPOINTED");
        assertThat(text("ledger-proof-status")).isEqualTo("账本校验：尚未纳入检查点");
        assertThat(text("ledger-proof-detail")).isEqualTo("1 个事件晚于最新检查点 " + checkpoint.id()
                + "（2025-03-14 12:00:00，北京时间），尚未纳入；此前 4 个事件校验一致");

        Checkpoint next = LedgerNotary.sealAndCheckpoint(dataSource, FixedClockConfiguration.NOW);
        openCase();
        assertThat(badge().getDomAttribute("data-status")).isEqualTo("VERIFIED");
        assertThat(text("ledger-proof-detail")).startsWith("5 个事件均与最新检查点 " + next.id());
    }

    @Test
    void aTamperedEventRow_turnsTheBadgeToFailed_andNamesItsSequenceAndWhatChanged() {
        byte[] original = EventRows.payload(jdbc, caseId, 2);
        long position = EventRows.journalPosition(jdbc, caseId, 2);
        try {
            EventRows.setPayload(jdbc, caseId, 2, new String(original, StandardCharsets.UTF_8)
                    .replace("CITY_APPROVAL", "CITY_TAX").getBytes(StandardCharsets.UTF_8));

            openCase();
            assertThat(badge().getDomAttribute("data-status")).isEqualTo("FAILED");
            assertThat(badge().getDomAttribute("class")).contains("failed");
            assertThat(text("ledger-proof-status")).isEqualTo("账本校验：校验未通过");
            assertThat(text("ledger-proof-detail"))
                    .isEqualTo("第一处断链：第 2 号事件（账本位置 " + position + "），事件内容被改动");

            open("/cases/" + caseId + "?lang=en");
            assertThat(text("ledger-proof-status")).isEqualTo("Ledger proof: failed");
            assertThat(text("ledger-proof-detail"))
                    .isEqualTo("first broken link: event #2 (journal position " + position + "), payload changed");
        } finally {
            EventRows.setPayload(jdbc, caseId, 2, original);
            open("/cases/" + caseId + "?lang=zh-CN");
        }
        assertThat(badge().getDomAttribute("data-status")).isEqualTo("VERIFIED");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private VisitRecordedEvent visit(int number) {
        return new VisitRecordedEvent(caseId, number, CaseHistories.LISHI_HALL, CaseHistories.ONE_THING_WINDOW,
                VisitPurpose.CONSULTATION, at("2025-03-03T03:30:00Z"));
    }

    private void openCase() {
        open("/cases/" + caseId);
        assertThat(text("case-id")).isEqualTo(caseId);
    }

    private WebElement badge() {
        return browser.driver().findElement(By.id("ledger-proof"));
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private long lastEventSequence() {
        ResponseEntity<String> response = http.getForEntity("/api/bundle-cases/" + caseId, String.class);
        return response.getStatusCode() == HttpStatus.OK
                ? Json.parse(response.getBody()).get("lastEventSequence").asLong() : -1;
    }


    private void open(String path) {
        browser.driver().get(base() + path);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
