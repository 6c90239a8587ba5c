package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Feeds clue and case events to the two projections the way their processors would: each aggregate's events in
 * order with their sequence numbers, stored a minute after their business time. Remembers what it fed, so that a test
 * can deliver everything again.
 */
public final class FundraisingEvents {

    static final String CLUE_AGGREGATE = "RiskClue";
    static final String CASE_AGGREGATE = "DisposalCase";
    private static final Duration STORED_AFTER = Duration.ofMinutes(1);

    private final Feed clues;
    private final Feed cases;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Delivered> delivered = new ArrayList<>();

    private FundraisingEvents(Object clueProjection, Object caseProjection) {
        this.clues = Feed.into(clueProjection);
        this.cases = Feed.into(caseProjection);
    }

    public static FundraisingEvents into(Object clueProjection, Object caseProjection) {
        return new FundraisingEvents(clueProjection, caseProjection);
    }

    public FundraisingEvents apply(List<?> events) {
        events.forEach(this::apply);
        return this;
    }

    public FundraisingEvents apply(Object event) {
        deliver(recorded(event));
        return this;
    }

    /**
     * Feeds the events as the processors would, in batches of {@code batchSize}: each batch the clue projection's and
     * the case projection's in a transaction of {@code transactions} each.
     */
    public FundraisingEvents applyInBatches(List<?> events, int batchSize, TransactionOperations transactions) {
        deliverInBatches(events.stream().map(this::recorded).toList(), batchSize, transactions);
        return this;
    }

    /** The event with its aggregate's next sequence number, remembered as fed. */
    private Delivered recorded(Object event) {
        String id = aggregateId(event);
        Delivered delivery = new Delivered(id, sequences.merge(id, 1L, Long::sum) - 1, event);
        delivered.add(delivery);
        return delivery;
    }

    /** Every event fed so far once more, in the same order and with the same sequence numbers, in batches. */
    void redeliverAllInBatches(int batchSize, TransactionOperations transactions) {
        deliverInBatches(List.copyOf(delivered), batchSize, transactions);
    }

    private void deliverInBatches(List<Delivered> deliveries, int batchSize, TransactionOperations transactions) {
        List<EventMessage<?>> messages = deliveries.stream().<EventMessage<?>>map(delivery ->
                new GenericDomainEventMessage<>(aggregateType(delivery.event()), delivery.aggregateId(),
                        delivery.sequence(), delivery.event(), Map.of(), UUID.randomUUID().toString(),
                        recordedAt(delivery.event()))).toList();
        for (int from = 0; from < messages.size(); from += batchSize) {
            List<EventMessage<?>> batch = messages.subList(from, Math.min(messages.size(), from + batchSize));
            clues.batch(batch, transactions);
            cases.batch(batch, transactions);
        }
    }

    /** Every event fed so far once more, in the same order and with the same sequence numbers. */
    void redeliverAll() {
        List.copyOf(delivered).forEach(this::deliver);
    }

    static Instant recordedAt(Object event) {
        Instant businessTime = event instanceof RiskClueEvent clue ? clue.businessTime()
                : ((DisposalCaseEvent) event).businessTime();
        return businessTime.plus(STORED_AFTER);
    }

    static String aggregateType(Object event) {
        return event instanceof RiskClueEvent ? CLUE_AGGREGATE : CASE_AGGREGATE;
    }

    static String aggregateId(Object event) {
        if (event instanceof RiskClueEvent clue) {
            return clue.clueId();
        }
        if (event instanceof DisposalCaseEvent disposalCase) {
            return disposalCase.caseId();
        }
        throw new IllegalArgumentException("Not a clue or case event: " + event);
    }

    private void deliver(Delivered delivery) {
        Feed feed = delivery.event() instanceof RiskClueEvent ? clues : cases;
        feed.domainEvent(aggregateType(delivery.event()), delivery.aggregateId(), delivery.sequence(),
                delivery.event(), recordedAt(delivery.event()));
    }

    private record Delivered(String aggregateId, long sequence, Object event) {
    }
}
