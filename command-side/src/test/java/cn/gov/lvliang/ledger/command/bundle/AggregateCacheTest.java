package cn.gov.lvliang.ledger.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.command.infra.AggregateCache;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aggregate cache over real HTTP and PostgreSQL: a command node keeps the cases it decided in memory, and still
 * decides every command on the state the event store holds when another node wrote to the case in between.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AggregateCacheTest {

    /** The county approval bureau acts for the city's lead unit of bundle 2024-01 on a Lishi case. */
    private static final String LEAD = "141102_APPROVAL";
    private static final String SUBMITTED_AT = "2025-03-03T01:00:00Z";
    private static final String LATER = "2025-03-03T02:00:00Z";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AggregateCache cache;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    BundleCaseApi api;

    @BeforeEach
    void setUp() {
        api = new BundleCaseApi(http, jdbc);
    }

    @Test
    void aCaseThisNodeDecidedIsKeptAtTheVersionTheStoreHolds() {
        String caseId = api.submit("2024-01", "141102", null, null, SUBMITTED_AT);
        // Materials start no statutory clock: no deadline can append to the case behind the test's back.
        api.ok("/api/bundle-cases/" + caseId + "/materials", """
                {"requestId": "%s", "submitted": ["申请表"], "waived": []}""".formatted(BundleCaseApi.requestId()));

        AggregateCacheEntry<?> entry = cache.get(caseId);

        assertThat(entry).as("the case is cached after the commands that decided it").isNotNull();
        assertThat(AggregateCache.versionOf(entry)).isEqualTo(lastSequenceNumber(caseId));
    }

    @Test
    void aCaseAnotherNodeWroteToIsDecidedOnTheStoredState() {
        String caseId = api.submit("2024-01", "141102", null, null, SUBMITTED_AT);
        assertThat((Object) cache.get(caseId)).as("cached after the submission").isNotNull();

        // Another command node accepts the case: its event reaches the shared store, not this node's cache.
        long next = lastSequenceNumber(caseId) + 1;
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("BundleCase",
                caseId, next, new BundleCaseAcceptedEvent(caseId, LEAD, 1, LocalDate.of(2025, 3, 3),
                        LocalDate.of(2025, 3, 3), Instant.parse(LATER)))));

        // Dispatching needs the acceptance: decided on the cached state it would be refused as not accepted yet.
        api.ok("/api/bundle-cases/" + caseId + "/items/1/dispatch", api.unitStep(LEAD, LATER));

        List<String> steps = api.storedTypes(caseId);
        assertThat(steps).containsSubsequence("BundleCaseSubmittedEvent", "BundleCaseAcceptedEvent",
                "ItemDispatchedEvent");
    }

    private long lastSequenceNumber(String caseId) {
        return jdbc.sql("SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }
}
