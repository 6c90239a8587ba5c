package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A case's events as the event store hands them to an aggregate: through Axon's serializer and any upcasters, with
 * the recorded timestamp of each and the business time its {@link CaseKind} reads from it. Read from the first
 * sequence number, so that a snapshot never stands in for events.
 */
@Component
class CaseTimeline {

    private final EventStore eventStore;

    CaseTimeline(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the case in sequence order; 404 for a case the ledger does not know. */
    List<TimelineEvent> of(String caseId) {
        List<TimelineEvent> events = eventStore.readEvents(caseId, 0).asStream()
                .map(CaseTimeline::event)
                .toList();
        if (events.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        return events;
    }

    private static TimelineEvent event(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        // An event without a business time of its own happened when it was recorded.
        Instant businessTime = CaseKind.ofEvent(payload)
                .map(kind -> kind.businessTime(payload))
                .orElse(message.getTimestamp());
        return new TimelineEvent(
                message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                businessTime,
                message.getTimestamp(),
                payload);
    }
}
