package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The two times every event carries. They differ when history was imported or a step was recorded late: a
 * back-dated event is recorded now but happened earlier.
 */
public enum TimeAxis {

    /** When the ledger recorded the event: Axon's timestamp. "What did the ledger know at t?" */
    RECORDED,

    /** When the fact happened: the payload's {@code businessTime}. "How did things stand at t?" */
    BUSINESS;

    /** The axis as a request parameter names it. */
    @JsonValue
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The axis a request parameter names ({@code recorded} or {@code business}); recorded if it is absent. */
    public static TimeAxis ofParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            return RECORDED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "recorded" -> RECORDED;
            case "business" -> BUSINESS;
            default -> throw new InvalidParameterException(name, "has an invalid value '" + value
                    + "'; expected recorded or business");
        };
    }

    /**
     * The events that stood at {@code t} on this axis, in the order to fold them: on the recorded axis those recorded
     * by {@code t}, in sequence order; on the business axis those that had happened by {@code t}, by business time and
     * then sequence, so that a back-dated event takes its place among the facts it happened between.
     */
    List<TimelineEvent> asOf(List<TimelineEvent> events, Instant t) {
        return switch (this) {
            case RECORDED -> events.stream()
                    .filter(event -> !event.recordedAt().isAfter(t))
                    .sorted(Comparator.comparingLong(TimelineEvent::sequence))
                    .toList();
            case BUSINESS -> events.stream()
                    .filter(event -> !event.businessTime().isAfter(t))
                    .sorted(Comparator.comparing(TimelineEvent::businessTime)
                            .thenComparingLong(TimelineEvent::sequence))
                    .toList();
        };
    }
}
