package cn.gov.lvliang.ledger.verifier;

/**
 * One row of Axon's {@code domainevententry}, exactly as stored: strings as the database returns them, payload and
 * metadata as their bytes (UTF-8 JSON). {@code type}, {@code payloadRevision} and {@code metadata} may be null.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metadata) {
}
