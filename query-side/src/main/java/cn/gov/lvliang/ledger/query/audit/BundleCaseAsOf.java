package cn.gov.lvliang.ledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * A bundle case as it stood at an instant, for the case page's view of the past: the state folded from the case's
 * own events on one time axis, and those events in the order they were folded, each named in words.
 *
 * @param caseId the case
 * @param axis   recorded (what the ledger knew at {@code asOf}) or business (what had happened by then)
 * @param asOf   the instant
 * @param state  the state; {@code null} if none of the case's events stood at {@code asOf}
 * @param events the events the state is made of, in the order folded
 * @param later  the case's other events, which came after {@code asOf} on this axis, in the order they would be
 */
public record BundleCaseAsOf(String caseId, TimeAxis axis, Instant asOf, BundleCaseState state, List<Event> events,
                             List<Event> later) {

    /**
     * One event the state is made of.
     *
     * @param sequence     its sequence number within the case
     * @param type         the payload type's simple name
     * @param label        what it means, in Chinese
     * @param businessTime when the fact happened
     * @param recordedAt   when the ledger recorded it
     */
    public record Event(long sequence, String type, String label, Instant businessTime, Instant recordedAt) {
    }
}
