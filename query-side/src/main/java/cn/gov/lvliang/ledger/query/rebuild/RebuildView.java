package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.rebuild.TableChecksums.RowDifference;
import cn.gov.lvliang.ledger.query.rebuild.TableChecksums.TableComparison;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One rebuild or verification of a projection.
 *
 * @param rebuildId            its id
 * @param projection           the processing group rebuilt
 * @param kind                 rebuild (switch after comparing) or verify (compare only)
 * @param state                where it stands
 * @param phase                the step it is at
 * @param acceptDifferences    whether it switches even if the rebuilt model differs from the live one
 * @param node                 the query node running it
 * @param startedAt            when it started
 * @param updatedAt            when it last reported progress
 * @param finishedAt           when it finished
 * @param eventsProcessed      events read from the event store so far
 * @param position             the global index of the last event read
 * @param headIndex            the event store's head global index when it last looked
 * @param progress             share done, events per second and an estimate of the time left
 * @param equal                whether the rebuilt model equals the live one, once compared
 * @param tables               each table's row counts and checksums, once compared
 * @param differences          the rows that differ, by table and key
 * @param differencesTruncated whether more rows differ than are listed
 * @param message              why it failed, or what it did
 * @param phases               the steps it has begun, in order, with how long each took
 */
public record RebuildView(
        String rebuildId,
        String projection,
        RebuildKind kind,
        RebuildState state,
        RebuildPhase phase,
        boolean acceptDifferences,
        String node,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        long eventsProcessed,
        Long position,
        Long headIndex,
        RebuildProgress progress,
        Boolean equal,
        List<TableComparison> tables,
        List<RowDifference> differences,
        boolean differencesTruncated,
        String message,
        List<PhaseTime> phases) {

    /** The same rebuild with its steps' times. */
    RebuildView withPhases(List<PhaseTime> times) {
        return new RebuildView(rebuildId, projection, kind, state, phase, acceptDifferences, node, startedAt, updatedAt,
                finishedAt, eventsProcessed, position, headIndex, progress, equal, tables, differences,
                differencesTruncated, message, times);
    }

    /** One line for a terminal: {@code bundle-cases REBUILD RUNNING REPLAYING 1200/5600 events (21%) ...}. */
    String line() {
        StringBuilder line = new StringBuilder(projection).append(' ').append(kind).append(' ').append(state);
        if (state == RebuildState.RUNNING) {
            line.append(' ').append(phase);
        }
        line.append(String.format(" %d events read, position %s of %s", eventsProcessed,
                position == null ? "-" : position, headIndex == null ? "-" : headIndex));
        if (progress.fraction() != null) {
            line.append(String.format(" (%.0f%%)", progress.fraction() * 100));
        }
        if (progress.eventsPerSecond() != null) {
            line.append(String.format(", %.0f events/s", progress.eventsPerSecond()));
        }
        if (state == RebuildState.RUNNING && progress.secondsRemaining() != null) {
            line.append(", about ").append(progress.secondsRemaining()).append(" s left");
        }
        if (equal != null) {
            line.append(equal ? "; rebuilt model equals the live one" : "; rebuilt model differs from the live one");
        }
        if (differences != null && !differences.isEmpty()) {
            RowDifference first = differences.get(0);
            line.append(String.format(" (%d%s rows, first %s %s %s%s)", differences.size(),
                    differencesTruncated ? "+" : "", first.table(), first.key(), first.kind(),
                    first.columns().isEmpty() ? "" : " " + first.columns()));
        }
        if (message != null) {
            line.append("; ").append(message);
        }
        if (state != RebuildState.RUNNING && !phases.isEmpty()) {
            line.append("; took ").append(phases.stream()
                    .filter(time -> time.took() != null)
                    .map(time -> String.format(Locale.ROOT, "%.1f s %s", time.took().toMillis() / 1000.0,
                            time.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .collect(Collectors.joining(", ")));
        }
        return line.toString();
    }
}
