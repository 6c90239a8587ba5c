package cn.gov.lvliang.ledger.query.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands events straight to a projection bean the way a processor would: through Axon's annotation adapter, so the
 * {@code @EventHandler}, {@code @SequenceNumber} and {@code @Timestamp} wiring is exercised too, but in the test's
 * own thread and without the event store.
 */
public final class Feed {

    private final AnnotationEventHandlerAdapter adapter;
    private final String name;

    private Feed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
        this.name = projection.getClass().getSimpleName();
    }

    public static Feed into(Object projection) {
        return new Feed(projection);
    }

    /** An event that is not an aggregate's, e.g. a published data set. */
    public void event(Object payload, Instant recordedAt) {
        handle(new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), recordedAt));
    }

    /** An aggregate's event at the given sequence. */
    public void domainEvent(String aggregateType, String aggregateId, long sequence, Object payload,
                            Instant recordedAt) {
        handle(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), recordedAt));
    }

    /**
     * Messages handled as one batch of a processor: in one transaction of {@code transactions}, each in the batch's
     * unit of work, and those the projection has no handler for passed over, as the processor passes them over.
     */
    public void batch(List<? extends EventMessage<?>> messages, TransactionOperations transactions) {
        List<EventMessage<?>> handled = messages.stream().filter(adapter::canHandle)
                .collect(Collectors.toCollection(ArrayList::new));
        if (handled.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(handled);
        transactions.executeWithoutResult(status -> batch.execute(() -> handle(batch.getMessage())));
    }

    /** What a processor reset does before replaying: call the projection's {@code @ResetHandler}. */
    public void reset() {
        adapter.prepareReset();
    }

    private void handle(EventMessage<?> message) {
        if (!adapter.canHandle(message)) {
            throw new AssertionError(name + " has no @EventHandler for " + message.getPayloadType().getSimpleName());
        }
        try {
            adapter.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed on " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
