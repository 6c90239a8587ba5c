package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Where the CPU of a phase of load went: the command side, the query side, the bench database's PostgreSQL
 * backends and the bench's own clients, in CPU seconds (from {@link CpuMeter}). Divided by the work the phase did,
 * it shows what one command costs each process, which wall-time rates on a machine of two cores cannot: the
 * processes share the cores, so a rate is bounded by the sum of their costs.
 *
 * @param commandSide CPU seconds of the command side's process (negative where not measured)
 * @param querySide   CPU seconds of the query side's process
 * @param database    CPU seconds of the database's backends
 * @param bench       CPU seconds of the bench's process: its clients, or the raw baselines' JDBC
 * @param machine     CPU seconds of the whole machine, all processes and the kernel
 */
record CpuSplit(double commandSide, double querySide, double database, double bench, double machine) {

    /** A measurement under way. */
    static final class Running {

        private final CpuMeter command;
        private final CpuMeter query;
        private final CpuMeter bench;
        private final CpuMeter.Snapshot commandBefore;
        private final CpuMeter.Snapshot queryBefore;
        private final CpuMeter.Snapshot benchBefore;
        private final long machineBefore;

        private Running(CpuMeter command, CpuMeter query, CpuMeter bench) throws SQLException {
            this.command = command;
            this.query = query;
            this.bench = bench;
            this.commandBefore = command == null ? null : command.snapshot();
            this.queryBefore = query == null ? null : query.snapshot();
            this.benchBefore = bench.snapshot();
            this.machineBefore = CpuMeter.machineBusyTicks();
        }

        CpuSplit stop() throws SQLException {
            long machineAfter = CpuMeter.machineBusyTicks();
            double machine = machineBefore < 0 || machineAfter < 0 ? -1
                    : (machineAfter - machineBefore) / CpuMeter.TICKS_PER_SECOND;
            double benchSeconds = CpuMeter.processSeconds(benchBefore, bench.snapshot());
            if (command == null) {
                return new CpuSplit(-1, -1, -1, benchSeconds, machine);
            }
            CpuMeter.Snapshot commandAfter = command.snapshot();
            return new CpuSplit(CpuMeter.processSeconds(commandBefore, commandAfter),
                    CpuMeter.processSeconds(queryBefore, query.snapshot()),
                    CpuMeter.databaseSeconds(commandBefore, commandAfter), benchSeconds, machine);
        }
    }

    /** Both sides under the bench's load; the database's backends are those of both sides' pools. */
    static Running start(Side command, Side query, Database database) throws SQLException {
        long self = ProcessHandle.current().pid();
        return new Running(CpuMeter.ofProcess(command.pid(), database), CpuMeter.ofProcess(query.pid(), null),
                CpuMeter.ofProcess(self, null));
    }

    /**
     * The raw baselines, which run in the bench's own process. Their connections end with each phase, and their
     * backends with them, so PostgreSQL's share is what the whole machine spent beyond the bench's process.
     */
    static Running startRaw() throws SQLException {
        return new Running(null, null, CpuMeter.ofProcess(ProcessHandle.current().pid(), null));
    }

    /** "command side 2.41 ms, ..., machine in all 5.70 ms" for each of {@code units} units of work. */
    String perUnit(long units) {
        return describe(1_000.0 / units, "%.2f ms");
    }

    /** "command side 0.4 s, ..., machine in all 31.2 s": the CPU seconds of the whole phase. */
    String inSeconds() {
        return describe(1, "%.1f s");
    }

    /** Each process measured, and the machine, its seconds times {@code scale} in {@code format}. */
    private String describe(double scale, String format) {
        StringBuilder text = new StringBuilder();
        append(text, "command side", commandSide, scale, format);
        append(text, "query side", querySide, scale, format);
        append(text, "PostgreSQL", database, scale, format);
        append(text, "bench", bench, scale, format);
        if (machine >= 0) {
            text.append("; machine in all ").append(String.format(Locale.ROOT, format, machine * scale));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String name, double seconds, double scale, String format) {
        if (seconds >= 0) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, format, seconds * scale));
        }
    }
}
