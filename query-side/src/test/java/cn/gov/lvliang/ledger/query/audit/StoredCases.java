package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Stores a case's events through Axon's event store, as the command side would, with the recorded time and the
 * metadata of each under the test's control. Public, since the rebuild tests store cases the same way.
 */
public final class StoredCases {

    private final EventStore eventStore;
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();

    private StoredCases(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public static StoredCases into(EventStore eventStore) {
        return new StoredCases(eventStore);
    }

    /** Every event recorded one second after its business time, without metadata. */
    public static void store(EventStore eventStore, List<BundleCaseEvent> events) {
        StoredCases stored = into(eventStore);
        events.forEach(event -> stored.event(event, event.businessTime().plusSeconds(1), Map.of()));
        stored.store();
    }

    /** The next event of the case, recorded at {@code recordedAt} with the given metadata. */
    public StoredCases event(BundleCaseEvent event, Instant recordedAt, Map<String, ?> metadata) {
        return event(CaseHistories.AGGREGATE_TYPE, event.caseId(), event, recordedAt, metadata);
    }

    /** The next event of any aggregate (a risk clue, a disposal case), recorded at {@code recordedAt}. */
    public StoredCases event(String aggregateType, String aggregateId, Object event, Instant recordedAt,
                             Map<String, ?> metadata) {
        long sequence = messages.stream().filter(message -> message.getAggregateIdentifier().equals(aggregateId))
                .count();
        messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event, metadata,
                UUID.randomUUID().toString(), recordedAt));
        return this;
    }

    public void store() {
        eventStore.publish(messages);
        messages.clear();
    }
}
