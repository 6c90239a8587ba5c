package cn.gov.lvliang.ledger.query.infra.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, but for one thing in the event stream every processor and rebuild reads: each event's
 * timestamp is parsed once and cheaply ({@link EventTimestamps}). Axon's engine parses it with a
 * {@code DateTimeFormatter} for every event it streams, only to decide whether a gap before the event may still
 * fill, and again whenever a handler asks for the event's time. With seven projections each reading every event,
 * that parsing took a third of the rebuild threads' samples while all seven rebuilt at once.
 *
 * <p>{@link #getTrackedEventData} does what Axon 4.13's does, with the same gap settings, which this class therefore
 * sets itself ({@link #configure}); {@code TrackedEventsJdbcEngineTest} reads the same store through both engines
 * and compares every event and token.
 */
final class TrackedEventsJdbcEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set explicitly since this class reads them. */
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    TrackedEventsJdbcEngine(Builder builder) {
        super(configure(builder));
    }

    /** The gap settings this engine reads events with, set on a builder (Axon's own engine built from it agrees). */
    static Builder configure(Builder builder) {
        builder.maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS);
        return builder;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Object storedTimestamp = readTimeStamp(resultSet, schema.timestampColumn());
        Instant timestamp = EventTimestamps.parse(storedTimestamp.toString());
        ParsedTimestampEntry domainEvent = new ParsedTimestampEntry(
                resultSet.getString(schema.typeColumn()),
                // An event of no aggregate is stored with its own identifier as the aggregate's.
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                storedTimestamp,
                timestamp,
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));

        // A gap before an event younger than the gap timeout may still fill (a transaction that has not committed).
        boolean allowGaps = timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                    .boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    /** A stored event whose timestamp was parsed as it was read. */
    private static final class ParsedTimestampEntry extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        ParsedTimestampEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                             Object storedTimestamp, Instant timestamp, String payloadType, String payloadRevision,
                             Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTimestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
