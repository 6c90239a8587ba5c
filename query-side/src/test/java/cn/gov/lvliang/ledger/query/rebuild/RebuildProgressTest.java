package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Events per second and the time left, from positions and the times progress was reported at. */
class RebuildProgressTest {

    static final Instant START = Instant.parse("2025-03-14T04:00:00Z");

    @Test
    void paceAndTimeLeft_followFromEventsReadAndTheHead() {
        RebuildProgress progress = RebuildProgress.of(START, START.plusSeconds(10), 5_000, 5_000L, 20_000L);

        assertThat(progress.fraction()).isEqualTo(0.25);
        assertThat(progress.eventsPerSecond()).isEqualTo(500.0);
        assertThat(progress.secondsRemaining()).isEqualTo(30);
    }

    @Test
    void beforeTimeHasPassed_thePaceIsUnknown() {
        RebuildProgress progress = RebuildProgress.of(START, START, 100, 100L, 200L);

        assertThat(progress.fraction()).isEqualTo(0.5);
        assertThat(progress.eventsPerSecond()).isNull();
        assertThat(progress.secondsRemaining()).isNull();
    }

    @Test
    void anEmptyEventStore_isDoneAtOnce() {
        assertThat(RebuildProgress.of(START, START, 0, null, 0L).fraction()).isEqualTo(1.0);
        assertThat(RebuildProgress.of(START, START, 0, null, null).fraction()).isNull();
    }
}
