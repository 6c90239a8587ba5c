package cn.gov.lvliang.ledger.query.bundle;

import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.happyPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.newCaseId;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.refusedPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.troubledPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The real path: events stored in the shared event store as the command side stores them (Jackson JSON, revision
 * 1), read by the running pooled processor, then replayed from the start after a token reset. The replayed read
 * model must equal the live one. Since every event type is among the stored ones, this also proves that each
 * type survives serialization.
 */
@QuerySideTest
class BundleCaseReplayTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    BundleCaseProjection projection;

    @Autowired
    ApplicationContext context;

    @Test
    void replayFromTheStart_rebuildsTheSameCases() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
        Map<String, List<BundleCaseEvent>> cases = new LinkedHashMap<>();
        String happy = newCaseId();
        String troubled = newCaseId();
        String refused = newCaseId();
        cases.put(happy, happyPath(happy));
        cases.put(troubled, troubledPath(troubled));
        cases.put(refused, refusedPath(refused));
        cases.forEach((caseId, events) -> eventStore.publish(stored(events)));

        Map<String, BundleCaseView> live = awaitProjected(cases);
        StreamingEventProcessor processor = Processors.of(processing, BundleCaseProjection.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        assertThat(find(happy)).as("cleared by the reset handler before the replay").isEmpty();
        processor.start();
        Processors.awaitCaughtUp(processing, BundleCaseProjection.PROCESSING_GROUP);

        Map<String, BundleCaseView> replayed = awaitProjected(cases);
        assertThat(replayed).isEqualTo(live);
        assertThat(replayed.get(happy).status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(replayed.get(troubled).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(replayed.get(refused).status()).isEqualTo(CaseStatus.REFUSED);
    }

    /** Waits until the processor has applied every event of every case, then reads the cases. */
    private Map<String, BundleCaseView> awaitProjected(Map<String, List<BundleCaseEvent>> cases) {
        await("projection of " + cases.size() + " cases").atMost(Duration.ofSeconds(60)).until(() ->
                cases.entrySet().stream().allMatch(entry -> find(entry.getKey())
                        .map(view -> view.lastEventSequence() == entry.getValue().size() - 1)
                        .orElse(false)));
        Map<String, BundleCaseView> views = new LinkedHashMap<>();
        cases.keySet().forEach(caseId -> views.put(caseId, find(caseId).orElseThrow()));
        return views;
    }

    private Optional<BundleCaseView> find(String caseId) {
        return projection.handle(new FindBundleCaseQuery(caseId));
    }

    private static List<DomainEventMessage<?>> stored(List<BundleCaseEvent> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            BundleCaseEvent event = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>(CaseEvents.AGGREGATE_TYPE, event.caseId(), sequence, event,
                    Map.of(), UUID.randomUUID().toString(), CaseEvents.recordedAt(event)));
        }
        return messages;
    }
}
