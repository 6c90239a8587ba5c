package cn.gov.lvliang.ledger.command.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event storage of the generator's own aggregate runs: the events of the cases being generated, in memory, from
 * which the aggregate is sourced for its next command and which the generator then takes to write them to the real
 * event store in one batch. No tracking, no snapshots: nothing but the aggregate reads here.
 */
final class CaseEvents implements EventStorageEngine {

    private final Map<String, List<DomainEventMessage<?>>> byAggregate = new HashMap<>();
    private final List<DomainEventMessage<?>> appended = new ArrayList<>();

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalStateException("The generator stores aggregate events only, not "
                        + event.getPayloadType().getName());
            }
            byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                    .add(domainEvent);
            appended.add(domainEvent);
        }
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventMessage<?>> events = byAggregate.getOrDefault(aggregateIdentifier, List.of());
        return DomainEventStream.of(events.stream()
                .filter(event -> event.getSequenceNumber() >= firstSequenceNumber)
                .toList());
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<DomainEventMessage<?>> events = byAggregate.get(aggregateIdentifier);
        return events == null || events.isEmpty() ? Optional.empty()
                : Optional.of(events.get(events.size() - 1).getSequenceNumber());
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("The generator takes no snapshots");
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        throw new UnsupportedOperationException("The generator's events are read by the aggregate only");
    }

    /** Everything appended since the last call, in order; forgets it all. */
    List<DomainEventMessage<?>> take() {
        List<DomainEventMessage<?>> taken = List.copyOf(appended);
        appended.clear();
        byAggregate.clear();
        return taken;
    }
}
