package cn.gov.lvliang.ledger.query.audit;

import java.time.Instant;

/**
 * One row of Axon's event table, untouched: the payload and metadata are the stored JSON text, before any upcaster.
 *
 * @param sequence      the event's sequence number within its aggregate, from 0
 * @param globalIndex   its position in the whole event log
 * @param eventId       the event's unique identifier
 * @param aggregateType the kind of aggregate, e.g. {@code BundleCase}
 * @param payloadType   the payload's class name
 * @param revision      the payload revision it was stored with
 * @param recordedAt    when the event store recorded it
 * @param payload       the stored payload, JSON
 * @param metadata      the stored metadata, JSON, or {@code null}
 */
record StoredEvent(
        long sequence,
        long globalIndex,
        String eventId,
        String aggregateType,
        String payloadType,
        String revision,
        Instant recordedAt,
        String payload,
        String metadata) {

    /** The payload type's simple name, e.g. {@code BundleCaseSubmittedEvent}. */
    String eventType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
