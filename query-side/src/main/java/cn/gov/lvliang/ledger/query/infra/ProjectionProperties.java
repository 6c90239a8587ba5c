package cn.gov.lvliang.ledger.query.infra;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How every projection's pooled streaming processor reads the event store.
 *
 * @param batchSize           events handled in one transaction per segment; Axon's default of 1 means one commit
 *                            per event, far too slow for a replay
 * @param initialSegmentCount segments a processor is split into when its tokens are first created; nodes share
 *                            segments through the token store
 * @param maxClaimedSegments  segments one node claims at most. A node keeps what it claimed while it lives, so with
 *                            this equal to the segment count (the default, right for one node) a second node only
 *                            stands by and takes over when the first dies; to split the work, set it to the segment
 *                            count divided by the number of nodes (the two-query-nodes drill, docs/perf.md)
 */
@Validated
@ConfigurationProperties("ledger.projections")
public record ProjectionProperties(
        @Min(1) int batchSize,
        @Min(1) int initialSegmentCount,
        @Min(1) int maxClaimedSegments) {
}
