package cn.gov.lvliang.ledger.query.rebuild;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How projections are rebuilt beside their live models (docs/audit-and-rebuild.md).
 *
 * @param batchSize              events read from the store per batch of the replay
 * @param workers                transactions each batch is split into and applied at once, by the live processor's
 *                               sequencing policy (the events of one aggregate stay in order in one of them); a
 *                               replay is a chain of round trips to the database, and several keep more cores busy
 * @param liveWait               how long the replay waits for the live processor to pass an event before it pauses
 *                               the processor and catches up on its own
 * @param catchUpTimeout         how long the shadow may take, with the live processor paused, to reach the live
 *                               processor's position; the rebuild fails (and the processor resumes) after that
 * @param gapWait                how long to wait for an event that the live processor saw but the rebuild's stream
 *                               still counts as a gap (a transaction that committed late)
 * @param staleAfter             a rebuild whose heartbeat is older than this is taken for dead (its node crashed), and
 *                               a new rebuild of the projection may start
 * @param maxReportedDifferences rows reported per comparison at most; the checksums still cover every row
 * @param switchAttempts         times the switch tries to lock the tables without waiting before it gives up
 * @param sharedReadEvents       events read by one rebuild that are kept for the others that run at once, so that
 *                               they need not read them again; a rebuild that falls further behind reads for itself
 */
@Validated
@ConfigurationProperties("ledger.rebuild")
public record RebuildProperties(
        @DefaultValue("2000") @Min(1) int batchSize,
        @DefaultValue("2") @Min(1) int workers,
        @DefaultValue("5s") Duration liveWait,
        @DefaultValue("2m") Duration catchUpTimeout,
        @DefaultValue("5s") Duration gapWait,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("100") @Min(1) int maxReportedDifferences,
        @DefaultValue("40") @Min(1) int switchAttempts,
        @DefaultValue("20000") @Min(1) int sharedReadEvents) {
}
