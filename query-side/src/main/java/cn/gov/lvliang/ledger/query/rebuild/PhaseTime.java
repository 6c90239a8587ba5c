package cn.gov.lvliang.ledger.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of a rebuild: when it began and how long it took.
 *
 * @param phase     the step
 * @param startedAt when it began
 * @param took      until the next step began, or the rebuild finished; absent while the step runs
 */
public record PhaseTime(RebuildPhase phase, Instant startedAt, Duration took) {

    /**
     * The steps a rebuild has begun, in their order: each ends where the next begins, the last where the rebuild
     * finished, if it has.
     */
    static List<PhaseTime> of(Map<RebuildPhase, Instant> starts, Instant finishedAt) {
        List<Map.Entry<RebuildPhase, Instant>> inOrder = starts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList();
        List<PhaseTime> times = new ArrayList<>(inOrder.size());
        for (int i = 0; i < inOrder.size(); i++) {
            Instant start = inOrder.get(i).getValue();
            Instant end = i + 1 < inOrder.size() ? inOrder.get(i + 1).getValue() : finishedAt;
            times.add(new PhaseTime(inOrder.get(i).getKey(), start, end == null ? null : Duration.between(start, end)));
        }
        return List.copyOf(times);
    }
}
