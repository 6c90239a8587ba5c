package cn.gov.lvliang.ledger.query.audit;

import java.time.Instant;

/**
 * One event of a case as the event store hands it out (upcast and deserialized), with both its times.
 *
 * @param sequence     its sequence number within the case
 * @param type         the payload type's simple name
 * @param businessTime when the fact happened; the recorded time for an event without one
 * @param recordedAt   when the ledger recorded it
 * @param payload      the event
 */
record TimelineEvent(long sequence, String type, Instant businessTime, Instant recordedAt, Object payload) {

    /** The event without its payload, for listing which events a state is made of. */
    EventRef ref() {
        return new EventRef(sequence, type, businessTime, recordedAt);
    }

    /**
     * An event named by its sequence, type and times.
     *
     * @param sequence     its sequence number within the case
     * @param type         the payload type's simple name
     * @param businessTime when the fact happened
     * @param recordedAt   when the ledger recorded it
     */
    public record EventRef(long sequence, String type, Instant businessTime, Instant recordedAt) {
    }
}
