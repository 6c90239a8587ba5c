package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long each step of a rebuild took, from the times the steps began and the rebuild finished. */
class PhaseTimeTest {

    static final Instant START = Instant.parse("2025-03-14T04:00:00Z");

    @Test
    void eachStep_endsWhereTheNextBegins_andTheLastWhereTheRebuildFinished_inTheStepsOrder() {
        Map<RebuildPhase, Instant> starts = new LinkedHashMap<>();
        starts.put(RebuildPhase.COMPARING, START.plusSeconds(95));
        starts.put(RebuildPhase.PREPARING, START);
        starts.put(RebuildPhase.REPLAYING, START.plusMillis(300));
        starts.put(RebuildPhase.COMPACTING, START.plusSeconds(80));
        starts.put(RebuildPhase.PAUSING, START.plusSeconds(92));
        starts.put(RebuildPhase.CATCHING_UP, START.plusSeconds(93));
        starts.put(RebuildPhase.SWITCHING, START.plusSeconds(110));

        assertThat(PhaseTime.of(starts, START.plusSeconds(111))).containsExactly(
                new PhaseTime(RebuildPhase.PREPARING, START, Duration.ofMillis(300)),
                new PhaseTime(RebuildPhase.REPLAYING, START.plusMillis(300), Duration.ofMillis(79_700)),
                new PhaseTime(RebuildPhase.COMPACTING, START.plusSeconds(80), Duration.ofSeconds(12)),
                new PhaseTime(RebuildPhase.PAUSING, START.plusSeconds(92), Duration.ofSeconds(1)),
                new PhaseTime(RebuildPhase.CATCHING_UP, START.plusSeconds(93), Duration.ofSeconds(2)),
                new PhaseTime(RebuildPhase.COMPARING, START.plusSeconds(95), Duration.ofSeconds(15)),
                new PhaseTime(RebuildPhase.SWITCHING, START.plusSeconds(110), Duration.ofSeconds(1)));
    }

    @Test
    void theStepARunningRebuildIsAt_hasNoLengthYet() {
        Map<RebuildPhase, Instant> starts = Map.of(RebuildPhase.PREPARING, START,
                RebuildPhase.REPLAYING, START.plusSeconds(1));

        assertThat(PhaseTime.of(starts, null)).containsExactly(
                new PhaseTime(RebuildPhase.PREPARING, START, Duration.ofSeconds(1)),
                new PhaseTime(RebuildPhase.REPLAYING, START.plusSeconds(1), null));
    }

    @Test
    void aRebuildThatFailedWhileReplaying_endsItsReplayWhereItFinished() {
        Map<RebuildPhase, Instant> starts = Map.of(RebuildPhase.PREPARING, START,
                RebuildPhase.REPLAYING, START.plusSeconds(1));

        assertThat(PhaseTime.of(starts, START.plusSeconds(41))).last()
                .isEqualTo(new PhaseTime(RebuildPhase.REPLAYING, START.plusSeconds(1), Duration.ofSeconds(40)));
    }
}
