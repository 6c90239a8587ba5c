package cn.gov.lvliang.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the report states where a phase's CPU went: per unit of work for the load, in seconds for a replay. */
class CpuSplitTest {

    @Test
    void perUnit_dividesEachProcessTime_byTheUnitsOfWork() {
        CpuSplit load = new CpuSplit(10.3, 1.6, 7.8, 2.5, 22.9);

        assertThat(load.perUnit(10_000)).isEqualTo("command side 1.03 ms, query side 0.16 ms, PostgreSQL 0.78 ms, "
                + "bench 0.25 ms; machine in all 2.29 ms");
    }

    @Test
    void inSeconds_givesTheWholePhase_andLeavesOutWhatWasNotMeasured() {
        CpuSplit replay = new CpuSplit(0.42, 14.07, 15.96, 0.3, 31.24);
        CpuSplit raw = new CpuSplit(-1, -1, -1, 3.0, -1);

        assertThat(replay.inSeconds()).isEqualTo("command side 0.4 s, query side 14.1 s, PostgreSQL 16.0 s, "
                + "bench 0.3 s; machine in all 31.2 s");
        assertThat(raw.inSeconds()).isEqualTo("bench 3.0 s");
    }
}
