package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;

/** Which events a live model holds, judged per segment from the processor's tokens. */
class LivePositionTest {

    static final Segment[] TWO_SEGMENTS = Segment.computeSegments(0, 1);
    /** An aggregate of each segment. */
    static final String IN_SEGMENT_0 = aggregateIn(TWO_SEGMENTS[0]);
    static final String IN_SEGMENT_1 = aggregateIn(TWO_SEGMENTS[1]);

    @Test
    void anEventIsCovered_byItsOwnSegmentsToken_unlessItIsAGap() {
        LivePosition live = position(new GapAwareTrackingToken(10, List.of(7L)),
                new GapAwareTrackingToken(4, List.of()));

        assertThat(live.covers(event(IN_SEGMENT_0, 9))).isTrue();
        assertThat(live.covers(event(IN_SEGMENT_0, 7))).as("a gap: not seen yet").isFalse();
        assertThat(live.covers(event(IN_SEGMENT_0, 11))).isFalse();
        assertThat(live.covers(event(IN_SEGMENT_1, 4))).isTrue();
        assertThat(live.covers(event(IN_SEGMENT_1, 9))).as("segment 1 is behind").isFalse();
        assertThat(live.highestIndex()).isEqualTo(10);
        assertThat(live.mayCover(9)).isTrue();
        assertThat(live.mayCover(7)).as("covered by segment 1? it is at 4").isFalse();
    }

    @Test
    void belowEverySegmentsPosition_anEventIsCoveredWhicheverSegmentItIsIn_butAGapStaysUncovered() {
        LivePosition live = position(new GapAwareTrackingToken(10, List.of(2L)),
                new GapAwareTrackingToken(10, List.of()));

        assertThat(live.covers(event(IN_SEGMENT_0, 1))).isTrue();
        assertThat(live.covers(event(IN_SEGMENT_1, 1))).isTrue();
        assertThat(live.covers(event(IN_SEGMENT_0, 2))).as("a gap of its own segment").isFalse();
        assertThat(live.covers(event(IN_SEGMENT_1, 2))).as("the gap is another segment's").isTrue();
    }

    @Test
    void aSegmentThisNodeDoesNotHold_coversNothing_howeverFarTheOthersAre() {
        LivePosition live = LivePosition.of(Map.of(TWO_SEGMENTS[1], new GapAwareTrackingToken(100, List.of())),
                SequentialPerAggregatePolicy.instance());

        assertThat(live.covers(event(IN_SEGMENT_1, 3))).isTrue();
        assertThat(live.covers(event(IN_SEGMENT_0, 3))).as("segment 0 is another node's").isFalse();
    }

    @Test
    void aReplayCovers_whatItHasReplayedSoFar() {
        String aggregate = aggregateIn(Segment.ROOT_SEGMENT);
        TrackingToken replay = ReplayToken.createReplayToken(new GapAwareTrackingToken(50, List.of()),
                new GapAwareTrackingToken(20, List.of()));
        LivePosition live = LivePosition.of(Map.of(Segment.ROOT_SEGMENT, replay),
                SequentialPerAggregatePolicy.instance());

        assertThat(live.covers(event(aggregate, 20))).isTrue();
        assertThat(live.covers(event(aggregate, 21))).isFalse();
    }

    @Test
    void beforeAnyEvent_nothingIsCovered() {
        Map<Segment, TrackingToken> tokens = new LinkedHashMap<>();
        tokens.put(Segment.ROOT_SEGMENT, null);
        LivePosition live = LivePosition.of(tokens, SequentialPerAggregatePolicy.instance());

        assertThat(live.covers(event("case-1", 1))).isFalse();
        assertThat(live.highestIndex()).isEqualTo(-1);
    }

    private static LivePosition position(TrackingToken segment0, TrackingToken segment1) {
        Map<Segment, TrackingToken> tokens = new LinkedHashMap<>();
        tokens.put(TWO_SEGMENTS[0], segment0);
        tokens.put(TWO_SEGMENTS[1], segment1);
        return LivePosition.of(tokens, SequentialPerAggregatePolicy.instance());
    }

    private static TrackedEventMessage<?> event(String aggregate, long globalIndex) {
        return new GenericTrackedDomainEventMessage<>(new GapAwareTrackingToken(globalIndex, List.of()),
                new GenericDomainEventMessage<>("BundleCase", aggregate, 0, "payload", Map.of(),
                        UUID.randomUUID().toString(), Instant.EPOCH));
    }

    /** An aggregate id that the processor puts in the given segment. */
    private static String aggregateIn(Segment segment) {
        for (int n = 0; ; n++) {
            String candidate = "case-" + n;
            if (segment.matches(Objects.hashCode(candidate))) {
                return candidate;
            }
        }
    }
}
