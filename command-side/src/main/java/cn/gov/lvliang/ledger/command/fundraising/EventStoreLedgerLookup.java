package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Tells aggregates apart by the first event of their stream, which is what created them. The event store is keyed by
 * aggregate id alone, so this is also what keeps a clue's id from being taken for a case's.
 */
@Component
class EventStoreLedgerLookup implements LedgerLookup {

    private final EventStore eventStore;

    EventStoreLedgerLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isRiskClue(String id) {
        return firstPayloadType(id) == RiskClueRecordedEvent.class;
    }

    @Override
    public boolean isDisposalCase(String id) {
        Class<?> type = firstPayloadType(id);
        return type == DisposalCaseOpenedEvent.class || type == LegacyCaseImportedEvent.class;
    }

    private Class<?> firstPayloadType(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        DomainEventStream events = eventStore.readEvents(id);
        return events.hasNext() ? events.peek().getPayloadType() : null;
    }
}
