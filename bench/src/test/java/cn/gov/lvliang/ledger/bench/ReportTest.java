package cn.gov.lvliang.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the bench's table judges a figure against its target. */
class ReportTest {

    @Test
    void aSideHealthyAfter15sOrLess_reachesTheStartUpTarget_andNotAFractionOfASecondLater() {
        assertThat(Report.startedInTime(Duration.ofMillis(5_900))).isTrue();
        assertThat(Report.startedInTime(Duration.ofSeconds(15))).isTrue();
        assertThat(Report.startedInTime(Duration.ofMillis(15_001))).isFalse();
        assertThat(Report.startedInTime(Duration.ofMillis(15_900))).as("15.9 s, whose whole seconds are 15")
                .isFalse();
    }
}
