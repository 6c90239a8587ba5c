package cn.gov.lvliang.ledger.command.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    private final DeadlinePolicy policy = new DeadlinePolicy(Clock.fixed(NOW, ZoneOffset.UTC),
            new DeadlinePolicy.Settings(Duration.ofMinutes(2)));

    @Test
    void aDeadlineDueInTheFuture_firesWhenDue() {
        Instant due = Instant.parse("2025-06-09T16:00:00Z");
        assertThat(policy.fireAt(due)).isEqualTo(due);
    }

    @Test
    void aDeadlineAlreadyDueWhenSet_waitsForTheImportGrace() {
        assertThat(policy.fireAt(Instant.parse("2024-09-09T16:00:00Z"))).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aDeadlineDueWithinTheGrace_alsoWaitsForIt() {
        assertThat(policy.fireAt(NOW.plusSeconds(30))).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }
}
