package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A case's audit trail: every stored event with who, when (both times), through which channel and as part of which
 * request, generic over the kinds of case, since all of them live in one event table. The few payload fields read
 * here ({@code businessTime}, {@code actingUnit}, {@code channel}) mean the same in every event that has them.
 *
 * <p>Filters run over the case's events in memory: a case has tens of events, hundreds at the most.
 */
@Component
class AuditTrail {

    static final String ACTOR_USER = "actorUser";
    static final String ACTOR_ROLE = "actorRole";
    static final String ACTOR_UNIT = "actorUnit";
    static final String ACTOR_DIVISION = "actorDivision";
    static final String REQUEST_ID = "requestId";
    /** Axon's id of the message that started the exchange. */
    static final String TRACE_ID = "traceId";
    /** Axon's id of the message that caused this one. */
    static final String CORRELATION_ID = "correlationId";

    private final StoredEvents storedEvents;

    AuditTrail(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    /** The case's events that match the filter, in sequence order; 404 for a case the ledger does not know. */
    List<AuditTrailEntry> of(String caseId, AuditTrailFilter filter) {
        List<StoredEvent> events = storedEvents.of(caseId);
        if (events.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        return events.stream().map(this::entry).filter(filter::matches).toList();
    }

    private AuditTrailEntry entry(StoredEvent event) {
        JsonNode payload = storedEvents.tree(event.payload());
        JsonNode metadata = storedEvents.tree(event.metadata());
        return new AuditTrailEntry(
                event.sequence(),
                event.globalIndex(),
                event.eventId(),
                event.aggregateType(),
                event.eventType(),
                EventLabels.of(event.eventType()),
                event.revision(),
                StoredEvents.instant(payload.get("businessTime")),
                event.recordedAt(),
                new AuditTrailEntry.Actor(text(metadata, ACTOR_USER), text(metadata, ACTOR_ROLE),
                        text(metadata, ACTOR_UNIT), text(metadata, ACTOR_DIVISION)),
                text(payload, "actingUnit"),
                text(payload, "channel"),
                text(metadata, TRACE_ID),
                text(metadata, CORRELATION_ID),
                text(metadata, REQUEST_ID),
                oneLine(event.payload(), payload),
                event.metadata() == null ? null : oneLine(event.metadata(), metadata));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /**
     * The stored JSON as it is, unless it spans lines (which Axon's serializer never writes): then its compact form,
     * so that a JSON Lines export keeps one event per line.
     */
    private static String oneLine(String stored, JsonNode tree) {
        return stored.indexOf('\n') < 0 && stored.indexOf('\r') < 0 ? stored : tree.toString();
    }
}
