package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.CommandLoad.Result;
import cn.gov.lvliang.ledger.bench.Queries.Replay;
import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import cn.gov.lvliang.ledger.bench.RawBaselines.Rate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The run's table in Markdown: the machine and database it ran on, the data size, every figure beside its baseline
 * and target, and the latency percentiles. It replaces the part of docs/perf.md between the bench's markers and
 * leaves the hand-written analysis around it.
 */
final class Report {

    static final String BEGIN = "<!-- bench:begin (written by ./ledger bench; do not edit by hand) -->";
    static final String END = "<!-- bench:end -->";
    /** Each side healthy within this after its start. */
    static final Duration STARTUP_TARGET = Duration.ofSeconds(15);
    private static final List<String> SETTINGS = List.of("shared_buffers", "effective_cache_size", "work_mem",
            "synchronous_commit", "fsync", "wal_level", "max_wal_size", "checkpoint_timeout", "max_connections",
            "autovacuum");

    private final StringBuilder machine = new StringBuilder();
    private final StringBuilder figures = new StringBuilder();
    private final StringBuilder latencies = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();
    private final String mode;
    private final int clients;

    Report(String mode, int clients) {
        this.mode = mode;
        this.clients = clients;
    }

    /** The machine, the JVM with the options both sides run with, and the database's settings. */
    void machine(Database database, List<String> sideJavaOptions) throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        row(machine, "run", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 16) + " UTC, " + mode + " mode, " + clients + " clients for the concurrent figures");
        row(machine, "cores", String.valueOf(runtime.availableProcessors()) + "; load average at the start "
                + loadAverage() + " (other work on the machine slows every figure, baselines too)");
        row(machine, "memory", memTotal());
        row(machine, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        row(machine, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; both sides with -Xmx" + Bench.HEAP + " " + String.join(" ", sideJavaOptions));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            row(machine, "PostgreSQL", single(statement, "SHOW server_version") + " on 127.0.0.1 (shared with the "
                    + "other work on this machine)");
            StringBuilder settings = new StringBuilder();
            for (String setting : SETTINGS) {
                settings.append(settings.isEmpty() ? "" : ", ").append(setting).append('=')
                        .append(single(statement, "SHOW " + setting));
            }
            row(machine, "PostgreSQL settings", settings.toString());
        }
    }

    void startup(Side command, Side query) {
        String target = "≤ " + STARTUP_TARGET.toSeconds() + " s";
        figure("command side healthy after start", seconds(command.startup.toMillis()), "", "", target,
                startedInTime(command.startup));
        figure("query side healthy after start", seconds(query.startup.toMillis()), "", "", target,
                startedInTime(query.startup));
    }

    /** Whether a side became healthy within the target: 15.9 s is not, though its whole seconds are 15. */
    static boolean startedInTime(Duration startup) {
        return startup.compareTo(STARTUP_TARGET) <= 0;
    }

    /** With {@code --scale-cases}: the generated data, its sealing and the query side's catch-up. */
    void scale(ScaleData scale) {
        scale.figures().forEach((name, value) -> figure(name, value, "", "", "", null));
    }

    /** A {@code VACUUM (ANALYZE)} the bench ran in place of autovacuum ({@link Vacuum}). */
    void vacuum(String when, Duration took) {
        figure("VACUUM (ANALYZE) " + when + ", in place of autovacuum (off on this server)",
                seconds(took.toMillis()), "", "", "", null);
    }

    /** What the bench did in place of autovacuum while the query side caught up ({@link Vacuum.Worker}). */
    void autovacuumWhileCatchingUp(String summary) {
        figure("vacuums while the query side caught up, by autovacuum's thresholds, in place of autovacuum",
                summary, "", "", "", null);
    }

    void warmUp(WarmUp.Outcome warm) {
        figure("warm-up under the load, until the JIT compilers go quiet", seconds(warm.took().toMillis()),
                "compiling " + seconds(warm.compiled()[0].toMillis()) + " (command side), "
                        + seconds(warm.compiled()[1].toMillis()) + " (query side) meanwhile", "",
                "last " + WarmUp.WINDOW.toSeconds() + " s ≤ " + Math.round(WarmUp.QUIET_SHARE * 100) + "% compiling",
                warm.quiet());
        if (!warm.quiet()) {
            notes.append("- The JIT compilers were still busy when the warm-up ended (").append(
                    WarmUp.percentages(warm.shares())).append(" of the last ").append(WarmUp.WINDOW.toSeconds())
                    .append(" s, command and query side): the command figures include some of the warm-up.\n");
        }
    }

    /** What one command and one raw transaction cost each process in CPU, at the same concurrency. */
    void cpu(CpuSplit commands, long commandCount, CpuSplit raw, long rawCount) {
        if (commandCount > 0 && rawCount > 0) {
            figure("CPU per command, " + clients + " clients", commands.perUnit(commandCount),
                    "per raw single-row transaction: " + raw.perUnit(rawCount), "", "", null);
        }
    }

    /** The compilers' share of the 16-client phase, which the command figures are taken in. */
    void compilingDuringLoad(double[] shares) {
        notes.append("- While the ").append(clients).append(" clients ran, the JIT compilers took ")
                .append(WarmUp.percentages(shares)).append(" of the time (command and query side).\n");
    }

    /** Each read ran until the query side's compilers went quiet before it was timed. */
    void readWarmUps(List<Queries.ReadWarmUp> warmUps) {
        StringBuilder text = new StringBuilder();
        for (Queries.ReadWarmUp warm : warmUps) {
            text.append(text.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "`%s` %,d requests in %s%s",
                    warm.path(), warm.requests(), seconds(warm.took().toMillis()),
                    warm.quiet() ? "" : " (compilers still busy)"));
        }
        notes.append("- Each read was repeated until the query side's JIT compilers went quiet, before it was timed: ")
                .append(text).append(".\n");
    }

    void commands(Rate rawOne, Rate rawMany, Rate rawBatched, Result one, Result many, HeapPeaks heap) {
        figure("commands over HTTP, 1 client", perSecond(one.rate(), "commands"),
                perSecond(rawOne, "single-row transactions, 1 connection"), ratio(one.rate(), rawOne), "", null);
        figure("commands over HTTP, " + clients + " clients", perSecond(many.rate(), "commands"),
                perSecond(rawMany, "single-row transactions, " + clients + " connections"),
                ratio(many.rate(), rawMany), "≥ 0.5×", many.rate().perSecond() >= 0.5 * rawMany.perSecond());
        figure("batched INSERTs (1,000 rows a transaction)", perSecond(rawBatched, "rows"), "", "", "", null);
        figure("peak heap in use under the load", "command side " + heap.peak(0) + " MiB, query side "
                + heap.peak(1) + " MiB", "limit " + heap.limit(0) + " / " + heap.limit(1) + " MiB", "", "≤ 512 MiB",
                heap.peak(0) >= 0 && heap.peak(1) >= 0 && heap.limit(0) <= 512 && heap.limit(1) <= 512);
        latency("command over HTTP, 1 client", one.rate().latencies(), null);
        latency("command over HTTP, " + clients + " clients", many.rate().latencies(), null);
        latency("raw single-row transaction, 1 connection", rawOne.latencies(), null);
        latency("raw single-row transaction, " + clients + " connections", rawMany.latencies(), null);
        if (!one.failures().isEmpty() || !many.failures().isEmpty()) {
            notes.append("- Commands answered other than 2xx (status: count): 1 client ").append(one.failures())
                    .append(", ").append(clients).append(" clients ").append(many.failures()).append(".\n");
        }
    }

    /**
     * The first full replay after the query side's start, and the CPU it cost: the figure held against the target.
     * A rebuild follows a deployment of new projection code, on a freshly started query side whose rebuild code the
     * JIT compilers have not compiled yet.
     */
    void replay(Rate scan, Replay replay, CpuSplit cpu) {
        figure("full replay of every projection, the first after start", perSecond(replay.rate(), "events"),
                perSecond(scan, "events scanned and parsed"), ratio(replay.rate(), scan), "≥ 0.5×",
                replay.rate().perSecond() >= 0.5 * scan.perSecond());
        replayNote("Replay", replay, cpu);
    }

    /** The same replay again, right after the first: what the first spent compiling shows in the difference. */
    void replayAgain(Rate scan, Replay replay, CpuSplit cpu) {
        figure("the same full replay again, its code compiled", perSecond(replay.rate(), "events"),
                perSecond(scan, "events scanned and parsed"), ratio(replay.rate(), scan), "", null);
        replayNote("Replay again", replay, cpu);
    }

    private void replayNote(String name, Replay replay, CpuSplit cpu) {
        notes.append("- ").append(name).append(": ").append(replay.outcomes().size())
                .append(" projections rebuilt at once, each reading every event, in ")
                .append(seconds(replay.rate().elapsed().toMillis())).append("; CPU ").append(cpu.inSeconds())
                .append("; outcome per projection ").append(replay.outcomes());
        String last = replay.last();
        if (replay.steps().containsKey(last)) {
            notes.append("; the last to end, ").append(last).append(", took ").append(replay.steps().get(last));
        }
        notes.append(".\n");
    }

    /** {@code --no-replay}: the scan's rate alone, beside a replay marked as not run. */
    void replayNotRun(Rate scan) {
        figure("full replay of every projection, the first after start", "not run (--no-replay)",
                perSecond(scan, "events scanned and parsed"), "", "≥ 0.5×", null);
    }

    void queries(Map<String, Histogram> reads, Rate chain) {
        reads.forEach((name, histogram) -> latency(name, histogram, target(name)));
        // The load stores a few thousand events, where fixed costs hide the rate: ./ledger bench verification
        // measures it at 10^5 and 10^6 (docs/perf.md, "Chain verification at scale").
        figure(String.format(Locale.ROOT, "chain verification (SHA-256 over the journal's %,d events, HTTP)",
                chain.count()), perSecond(chain, "events"), "", "", "≥ 100,000 events/s",
                chain.perSecond() >= 100_000);
    }

    void dataSize(Database database, long events, int bundleCases) throws SQLException {
        row(machine, "load average at the end", loadAverage());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            row(machine, "data size at the end", String.format(Locale.ROOT, "%,d events, %,d bundle cases, "
                    + "database %s", events, bundleCases,
                    single(statement, "SELECT pg_size_pretty(pg_database_size(current_database()))")));
        }
    }

    String markdown() {
        return BEGIN + "\n\n"
                + "| | |\n|---|---|\n" + machine + "\n"
                + "| figure | measured | baseline (same PostgreSQL, same run) | ratio | target | reached |\n"
                + "|---|---|---|---|---|---|\n" + figures + "\n"
                + "Latencies in milliseconds (HdrHistogram, one client unless stated):\n\n"
                + "| read or write | count | p50 | p95 | p99 | max | target |\n|---|---|---|---|---|---|---|\n"
                + latencies + "\n" + notes + "\n" + END + "\n";
    }

    /** Puts the table between the markers of the file, or makes the file of it alone. */
    void writeInto(Path file) throws IOException {
        replaceSection(file, BEGIN, END, markdown());
    }

    /** Replaces what stands between two marker lines of a file (both kept), or appends both with the text. */
    static void replaceSection(Path file, String begin, String end, String text) throws IOException {
        String section = (text.startsWith(begin) ? "" : begin + "\n\n") + text.strip()
                + (text.strip().endsWith(end) ? "" : "\n\n" + end);
        String old = Files.exists(file) ? Files.readString(file) : "";
        int from = old.indexOf(begin);
        int to = old.indexOf(end);
        String updated = from >= 0 && to > from
                ? old.substring(0, from) + section + old.substring(to + end.length())
                : old + (old.isEmpty() ? "" : "\n") + section + "\n";
        Files.writeString(file, updated);
    }

    private static String target(String read) {
        if (read.startsWith("dashboard")) {
            return "p95 ≤ 50 at 10M events";
        }
        if (read.startsWith("audit trail")) {
            return "p95 ≤ 20 at 10M events";
        }
        if (read.startsWith("as-of")) {
            return "p95 ≤ 30 at 10M events";
        }
        return "";
    }

    private void figure(String name, String measured, String baseline, String ratio, String target, Boolean ok) {
        figures.append("| ").append(name).append(" | ").append(measured).append(" | ").append(baseline)
                .append(" | ").append(ratio).append(" | ").append(target).append(" | ")
                .append(ok == null ? "" : ok ? "yes" : "**no**").append(" |\n");
    }

    private void latency(String name, Histogram histogram, String target) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return;
        }
        latencies.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %s |%n", name,
                histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()), target == null ? "" : target));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String perSecond(Rate rate, String what) {
        return String.format(Locale.ROOT, "%,.0f %s/s", rate.perSecond(), what);
    }

    private static String ratio(Rate measured, Rate baseline) {
        return baseline.perSecond() == 0 ? "" : String.format(Locale.ROOT, "%.2f×",
                measured.perSecond() / baseline.perSecond());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void row(StringBuilder table, String name, String value) {
        table.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
