package cn.gov.lvliang.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.bench.Bench.Settings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JVM options the bench starts both sides with, and how long it waits for a replay. */
class BenchSettingsTest {

    @Test
    void bothSides_runWithTheParallelCollector_asTheLedgerScriptAndTheImagesStartThem() {
        Settings settings = Settings.parse(new String[] {"--quick"});

        assertThat(settings.sideJavaOptions()).containsExactly("-XX:+UseParallelGC");
        assertThat(settings.jvmOptions("query-side", Path.of("/tmp"))).containsExactly("-XX:+UseParallelGC");
    }

    @Test
    void aSideJavaOption_isAdded_andOneThatNamesACollector_takesTheDefaultsPlace() {
        Settings more = Settings.parse(new String[] {"--side-java-option", "-Daxon.timeout.enabled=false"});
        Settings other = Settings.parse(new String[] {"--side-java-option", "-XX:+UseG1GC",
                "--side-java-option", "-XX:MaxGCPauseMillis=50"});

        assertThat(more.sideJavaOptions()).containsExactly("-XX:+UseParallelGC", "-Daxon.timeout.enabled=false");
        assertThat(other.sideJavaOptions()).containsExactly("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50");
    }

    @Test
    void aProfile_addsAFlightRecordingPerSide_afterTheSideOptions() {
        Settings settings = Settings.parse(new String[] {"--profile"});

        assertThat(settings.jvmOptions("command-side", Path.of("/tmp/bench")))
                .startsWith("-XX:+UseParallelGC")
                .anyMatch(option -> option.endsWith("filename=/tmp/bench/command-side.jfr"));
    }

    @Test
    void aReplay_mayTakeTwentyMinutes_orLongerOnALargeStore() {
        assertThat(Bench.replayLimit(227_101)).isEqualTo(Duration.ofMinutes(20));
        assertThat(Bench.replayLimit(9_978_833)).isEqualTo(Duration.ofSeconds(4_989));
    }
}
