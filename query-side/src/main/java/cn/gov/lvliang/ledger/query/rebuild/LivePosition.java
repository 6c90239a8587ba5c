package cn.gov.lvliang.ledger.query.rebuild;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Which events a live processor has applied to its model: per segment, every event its token covers. An event belongs
 * to the segment its sequence identifier (the aggregate, by default) hashes to, exactly as the processor decides.
 *
 * <p>A token covers an event if the event's global index is at or below the token's and not among its gaps (events
 * the processor has not seen yet because their transactions had not committed). During an Axon replay the model
 * holds what the replay has reached, so a {@link ReplayToken} covers what its current token covers.
 */
final class LivePosition {

    /** The share of the hash space one segment of mask 0 (the whole space) stands for, in {@link #shareOf}. */
    private static final long WHOLE = 1L << 32;

    private final Map<Segment, TrackingToken> tokens;
    private final SequencingPolicy<? super EventMessage<?>> policy;
    /**
     * The highest global index up to which every segment has applied every event, if the segments cover the whole
     * hash space; -1 if not. An event at or below it is held whichever segment it belongs to.
     */
    private final long appliedByEvery;

    private LivePosition(Map<Segment, TrackingToken> tokens, SequencingPolicy<? super EventMessage<?>> policy) {
        this.tokens = tokens;
        this.policy = policy;
        this.appliedByEvery = appliedByEvery(tokens);
    }

    static LivePosition of(Map<Segment, TrackingToken> tokens, SequencingPolicy<? super EventMessage<?>> policy) {
        return new LivePosition(new LinkedHashMap<>(tokens), policy);
    }

    /** What the processor has applied on this node, as its segments' status says. */
    static LivePosition fromStatus(StreamingEventProcessor processor,
                                   SequencingPolicy<? super EventMessage<?>> policy) {
        Map<Segment, TrackingToken> tokens = new LinkedHashMap<>();
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (!status.isErrorState()) {
                tokens.put(status.getSegment(), status.getTrackingToken());
            }
        }
        return new LivePosition(tokens, policy);
    }

    /** Whether the live model holds the event. */
    boolean covers(TrackedEventMessage<?> event) {
        OptionalLong index = index(event.trackingToken());
        if (index.isEmpty()) {
            return false;
        }
        if (index.getAsLong() <= appliedByEvery) {
            return true; // no need to work out its segment
        }
        Object sequence = policy.getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequence != null ? sequence : event.getIdentifier());
        for (Map.Entry<Segment, TrackingToken> segment : tokens.entrySet()) {
            if (segment.getKey().matches(hash)) {
                return covers(segment.getValue(), index.getAsLong());
            }
        }
        return false;
    }

    /** Whether some segment covers the global index: its event, if it turns up, may be in the live model. */
    boolean mayCover(long globalIndex) {
        return tokens.values().stream().anyMatch(token -> covers(token, globalIndex));
    }

    /** The highest global index any segment has reached; -1 before the first event. */
    long highestIndex() {
        return tokens.values().stream().map(LivePosition::appliedUpTo).mapToLong(index -> index.orElse(-1))
                .max().orElse(-1);
    }

    private static long appliedByEvery(Map<Segment, TrackingToken> tokens) {
        long share = 0;
        long applied = Long.MAX_VALUE;
        for (Map.Entry<Segment, TrackingToken> segment : tokens.entrySet()) {
            share += shareOf(segment.getKey());
            TrackingToken token = applied(segment.getValue());
            long upTo = index(token).orElse(-1);
            if (token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
                upTo = Math.min(upTo, gapAware.getGaps().first() - 1);
            }
            applied = Math.min(applied, upTo);
        }
        return share == WHOLE ? applied : -1;
    }

    /** The part of the hash space a segment matches, in units of 2^-32 of it. */
    private static long shareOf(Segment segment) {
        return WHOLE / (Integer.toUnsignedLong(segment.getMask()) + 1);
    }

    static boolean covers(TrackingToken token, long globalIndex) {
        TrackingToken applied = applied(token);
        if (applied instanceof GapAwareTrackingToken gapAware) {
            return globalIndex <= gapAware.getIndex() && !gapAware.getGaps().contains(globalIndex);
        }
        if (applied instanceof GlobalSequenceTrackingToken global) {
            return globalIndex <= global.getGlobalIndex();
        }
        return applied != null && applied.position().orElse(-1) >= globalIndex;
    }

    /** The global index of an event's token, or of the last event a processor's token has passed. */
    static OptionalLong index(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return OptionalLong.of(gapAware.getIndex());
        }
        return token == null ? OptionalLong.empty() : token.position();
    }

    private static OptionalLong appliedUpTo(TrackingToken token) {
        return index(applied(token));
    }

    private static TrackingToken applied(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }
}
