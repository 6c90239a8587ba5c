package cn.gov.lvliang.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.bench.Queries.Replay;
import cn.gov.lvliang.ledger.bench.RawBaselines.Rate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the bench reads from a finished rebuild's record. */
class QueriesTest {

    @Test
    void aRebuildsSteps_readAsTheirNamesAndSeconds_leavingOutOneStillRunning() {
        String steps = Queries.steps(Json.parse("""
                [{"phase": "PREPARING", "startedAt": "2026-12-07T14:00:00Z", "took": "PT0.1S"},
                 {"phase": "CATCHING_UP", "startedAt": "2026-12-07T14:00:00.1Z", "took": "PT2M5.5S"},
                 {"phase": "SWITCHING", "startedAt": "2026-12-07T14:02:05.6Z", "took": null}]"""));

        assertThat(steps).isEqualTo("preparing 0.1 s, catching up 125.5 s");
    }

    @Test
    void theLastRebuildSeenToEnd_setTheReplaysWallTime() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("reference-data", "SWITCHED");
        outcomes.put("bundle-cases", "SWITCHED");

        Replay replay = new Replay(new Rate(100, Duration.ofSeconds(1), null), outcomes, Map.of());

        assertThat(replay.last()).isEqualTo("bundle-cases");
    }
}
