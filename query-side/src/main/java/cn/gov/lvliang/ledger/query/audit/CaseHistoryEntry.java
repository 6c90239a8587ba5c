package cn.gov.lvliang.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event of a case, as the event store holds it.
 *
 * @param sequence     the event's sequence number within the case, from 0
 * @param globalIndex  its position in the whole event log
 * @param eventId      the event's unique identifier
 * @param type         the event type's simple name, e.g. {@code BundleCaseSubmittedEvent}
 * @param revision     the payload revision it was stored with
 * @param businessTime when the fact happened in business terms, from the payload
 * @param recordedAt   when the event store recorded it
 * @param payload      the stored JSON payload
 * @param metadata     the stored JSON metadata
 */
public record CaseHistoryEntry(
        long sequence,
        long globalIndex,
        String eventId,
        String type,
        String revision,
        Instant businessTime,
        Instant recordedAt,
        JsonNode payload,
        JsonNode metadata) {
}
