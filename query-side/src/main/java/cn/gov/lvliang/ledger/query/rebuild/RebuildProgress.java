package cn.gov.lvliang.ledger.query.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a rebuild has read the event store, how fast, and how long the rest will take at that pace.
 *
 * @param fraction         the position reached as a share of the event store's head global index, 0 to 1
 * @param eventsPerSecond  events read per second since the start; absent until time has passed
 * @param secondsRemaining the events up to the head at that pace; absent while the pace is unknown
 */
public record RebuildProgress(Double fraction, Double eventsPerSecond, Long secondsRemaining) {

    /**
     * The progress of a rebuild that started at {@code startedAt} and, at {@code updatedAt}, had read
     * {@code eventsProcessed} events up to global index {@code position}, with the store's head at {@code head}.
     */
    static RebuildProgress of(Instant startedAt, Instant updatedAt, long eventsProcessed, Long position, Long head) {
        Double fraction = null;
        if (head != null && head > 0) {
            fraction = Math.min(1.0, Math.max(0.0, (position == null ? 0 : position) / (double) head));
        } else if (head != null) {
            fraction = 1.0;
        }
        double seconds = Duration.between(startedAt, updatedAt).toMillis() / 1000.0;
        if (seconds <= 0 || eventsProcessed == 0) {
            return new RebuildProgress(fraction, null, null);
        }
        double rate = eventsProcessed / seconds;
        Long remaining = null;
        if (head != null) {
            long left = Math.max(0, head - (position == null ? 0 : position));
            remaining = (long) Math.ceil(left / rate);
        }
        return new RebuildProgress(fraction, rate, remaining);
    }
}
