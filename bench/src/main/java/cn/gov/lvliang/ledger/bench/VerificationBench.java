package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.Bench.Settings;
import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./ledger bench verification [--events 100000,1000000]}: the rate of chain verification at journal sizes where
 * its fixed costs (the HTTP call, reading the checkpoints, the JIT's warm-up) no longer hide it; the main bench's load
 * stores only a few thousand events.
 *
 * <p>Starts the command side from its jar with scheduled sealing off (so that the bench times the sealing), then for
 * each size, smallest first, in one database: appends {@link SyntheticCases} up to that many events, seals them with
 * {@code POST /api/ledger/seal} (the real sealer computes every hash, chain and case chain), makes a signed
 * checkpoint, and times the verification through {@code POST /api/ledger/verification} (SHA-256 twice, first and
 * warm; SM3 once) and through the standalone verifier ({@code ledger-verifier.jar database}, as {@code ./ledger
 * verify} runs it, with the checkpoint file and public keys), in both algorithms. With {@code --baseline-verifier-jar
 * PATH} an older verifier checks the same journal too: before and after on the same data in the same run, and proof
 * that both read the chain alike. Every verification must answer {@code ok}, or the run fails.
 *
 * <p>Writes its table into docs/perf.md between its own markers, apart from the main bench's.
 */
final class VerificationBench {

    static final String BEGIN = "<!-- bench-verification:begin (written by ./ledger bench verification; do not edit "
            + "by hand) -->";
    static final String END = "<!-- bench-verification:end -->";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Settings settings;
    private final Database database;
    private final Path workDir;
    private final Path verifierJar;
    private final Path baselineVerifierJar;
    private final int repeats;
    private final Map<String, Map<Long, String>> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private VerificationBench(Settings settings, Path verifierJar, Path baselineVerifierJar, int repeats) {
        this.settings = settings;
        this.database = new Database(settings.dbUrl(), "ledger", "ledger");
        this.workDir = settings.workDir().resolve("verification");
        this.verifierJar = verifierJar;
        this.baselineVerifierJar = baselineVerifierJar;
        this.repeats = repeats;
    }

    /**
     * Arguments: {@code --events N[,N...]} (default 100000,1000000), {@code --verifier-jar PATH},
     * {@code --baseline-verifier-jar PATH}, {@code --repeat N} (runs of each standalone verifier, the median is
     * reported; default 1), and the main bench's {@code --db-url}, {@code --command-jar},
     * {@code --command-port}, {@code --out}, {@code --work-dir}, {@code --profile}.
     */
    static void run(String[] args) throws Exception {
        List<Long> sizes = List.of(100_000L, 1_000_000L);
        Path verifierJar = Path.of("verifier/target/ledger-verifier.jar");
        Path baselineVerifierJar = null;
        int repeats = 1;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> sizes = Stream.of(args[++i].split(",")).map(s -> Long.parseLong(s.trim()))
                        .sorted().toList();
                case "--verifier-jar" -> verifierJar = Path.of(args[++i]);
                case "--baseline-verifier-jar" -> baselineVerifierJar = Path.of(args[++i]);
                case "--repeat" -> repeats = Integer.parseInt(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        VerificationBench bench = new VerificationBench(Settings.parse(rest.toArray(String[]::new)), verifierJar,
                baselineVerifierJar, repeats);
        String table = bench.measure(sizes);
        System.out.println(table);
        Files.createDirectories(bench.settings.out().toAbsolutePath().getParent());
        Report.replaceSection(bench.settings.out(), BEGIN, END, table);
        Bench.log("written to " + bench.settings.out());
    }

    private String measure(List<Long> sizes) throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 16) + " UTC";
        String loadAtStart = Report.loadAverage();
        if (journalEntries() == 0) {
            deleteRecursively(workDir.resolve("data")); // checkpoints and keys of an earlier, dropped log
        }
        Bench.log("starting the command side on port " + settings.commandPort() + " (scheduled sealing off)");
        Map<String, String> environment = new HashMap<>(settings.environment(workDir));
        environment.put("LEDGER_NOTARY_SCHEDULE", "false");
        try (Side command = Side.start("command-side", settings.commandJar(), settings.commandPort(), Bench.HEAP,
                settings.jvmOptions("command-side", workDir), environment,
                List.of("--ledger.demo-data.enabled=false", settings.trustBenchTokens(workDir)), workDir)) {
            post(command, "/api/ledger/seal");
            for (long size : sizes) {
                measureAt(command, size);
            }
        }
        return markdown(sizes, started, loadAtStart);
    }

    private void measureAt(Side command, long size) throws Exception {
        long stored = Bench.count(database, "SELECT count(*) FROM domainevententry");
        if (stored < size) {
            Bench.log("appending " + (size - stored) + " events of synthetic bundle cases");
            long t0 = System.nanoTime();
            long written = new SyntheticCases(database, stored).append(size - stored);
            figure("events appended by COPY (not through the ledger; for scale)", size, rate(written, t0, "rows"));
        }
        Bench.log("sealing through POST /api/ledger/seal");
        CpuMeter commandCpu = CpuMeter.ofProcess(command.pid(), database);
        CpuMeter.Snapshot cpu = commandCpu.snapshot();
        long t0 = System.nanoTime();
        long sealed = Json.parse(post(command, "/api/ledger/seal")).path("sealed").asLong();
        figure("sealing: POST /api/ledger/seal (the sealer, both algorithms)", size,
                rate(sealed, t0, "events") + " (" + String.format(Locale.ROOT, "%,d", sealed) + " events; "
                        + CpuMeter.between(cpu, commandCpu.snapshot(), "command side") + ")");
        Bench.log("signing a checkpoint");
        t0 = System.nanoTime();
        post(command, "/api/ledger/checkpoints");
        figure("checkpoint: POST /api/ledger/checkpoints (reads the new leaves, signs)", size, seconds(t0));

        long entries = journalEntries();
        Bench.log("verification over HTTP, SHA-256 (first)");
        figure("POST /api/ledger/verification, SHA-256, first", size,
                Run.describe(List.of(overHttp(command, commandCpu, "", entries)), entries));
        List<Run> warm = new ArrayList<>();
        for (int round = 1; round <= repeats; round++) {
            Bench.log("verification over HTTP, SHA-256 (warm, " + round + "/" + repeats + ")");
            warm.add(overHttp(command, commandCpu, "", entries));
        }
        figure("POST /api/ledger/verification, SHA-256, warm", size, Run.describe(warm, entries));
        Bench.log("verification over HTTP, SM3");
        figure("POST /api/ledger/verification, SM3", size,
                Run.describe(List.of(overHttp(command, commandCpu, "?algorithm=SM3", entries)), entries));

        // Alternately, so that a change in the machine's load strikes both alike.
        List<Run> current = new ArrayList<>();
        List<Run> baseline = new ArrayList<>();
        List<Run> currentSm3 = new ArrayList<>();
        for (int round = 1; round <= repeats; round++) {
            Bench.log("standalone verifier, SHA-256 (" + round + "/" + repeats + ")");
            current.add(standalone(verifierJar, "SHA-256", entries, "verifier-SHA-256-" + size));
            if (baselineVerifierJar != null) {
                Bench.log("baseline verifier " + baselineVerifierJar + ", SHA-256 (" + round + "/" + repeats + ")");
                baseline.add(standalone(baselineVerifierJar, "SHA-256", entries, "baseline-" + size));
            }
            Bench.log("standalone verifier, SM3 (" + round + "/" + repeats + ")");
            currentSm3.add(standalone(verifierJar, "SM3", entries, "verifier-SM3-" + size));
        }
        figure("ledger-verifier.jar database, SHA-256", size, Run.describe(current, entries));
        figure("ledger-verifier.jar database, SM3", size, Run.describe(currentSm3, entries));
        if (baselineVerifierJar != null) {
            figure("baseline verifier (" + baselineVerifierJar + "), SHA-256", size,
                    Run.describe(baseline, entries));
        }
    }

    private Run overHttp(Side command, CpuMeter cpu, String query, long entries) throws Exception {
        CpuMeter.Snapshot before = cpu.snapshot();
        long t0 = System.nanoTime();
        JsonNode report = verified(post(command, "/api/ledger/verification" + query), entries);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        return new Run(Math.max(1, report.path("elapsedMillis").asLong()), wall,
                CpuMeter.between(before, cpu.snapshot(), "command side"));
    }

    /**
     * One verification: its own time as its report gives it, and the time around it (the HTTP call, or the
     * standalone verifier's process with the JVM's start).
     */
    private record Run(long millis, Duration wall, String cpu) {

        /** The median run's rate (and the range over several), by the verification's own clock. */
        static String describe(List<Run> runs, long entries) {
            List<Run> sorted = runs.stream().sorted(Comparator.comparingLong(Run::millis)).toList();
            Run median = sorted.get(sorted.size() / 2);
            String text = String.format(Locale.ROOT, "%,.0f events/s (%,d ms; %.1f s around it%s)",
                    entries * 1000.0 / median.millis(), median.millis(), median.wall().toMillis() / 1000.0,
                    median.cpu().isEmpty() ? "" : "; " + median.cpu());
            if (runs.size() > 1) {
                text += String.format(Locale.ROOT, "; median of %d, range %,.0f–%,.0f", runs.size(),
                        entries * 1000.0 / sorted.get(sorted.size() - 1).millis(),
                        entries * 1000.0 / sorted.get(0).millis());
            }
            return text;
        }
    }

    /** Runs a verifier jar as {@code ./ledger verify} does; its rate by its own clock, and the process's wall time. */
    private Run standalone(Path jar, String algorithm, long entries, String name) throws Exception {
        Path notary = workDir.resolve("data").resolve("notary");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        if (settings.profile()) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + workDir.resolve(name + ".jfr"));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "database", "--url", settings.dbUrl(),
                "--user", "ledger", "--password", "ledger", "--algorithm", algorithm, "--json",
                "--checkpoints", notary.resolve("checkpoints.jsonl").toString()));
        try (Stream<Path> keys = Files.list(notary)) {
            for (Path key : keys.filter(p -> p.getFileName().toString().endsWith(".pub.pem")).sorted().toList()) {
                command.addAll(List.of("--public-key", key.toString()));
            }
        }
        Path output = workDir.resolve(name + ".json");
        CpuMeter cpu = CpuMeter.ofEndedChildren();
        CpuMeter.Snapshot before = cpu.snapshot();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int status = process.waitFor();
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException(jar + " exited with " + status + ": " + text);
        }
        JsonNode report = verified(text.substring(Math.max(0, text.indexOf('{'))), entries); // after JFR's notice
        return new Run(Math.max(1, report.path("elapsedMillis").asLong()), wall,
                CpuMeter.between(before, cpu.snapshot(), "verifier"));
    }

    private JsonNode verified(String body, long entries) {
        JsonNode report = Json.parse(body);
        if (!report.path("ok").asBoolean() || report.path("journalEntries").asLong() != entries) {
            throw new IllegalStateException("the ledger does not verify (expected " + entries + " entries): " + body);
        }
        return report;
    }

    private String post(Side side, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = Side.HTTP.send(HttpRequest.newBuilder(side.uri(path)).timeout(TIMEOUT)
                .header("Authorization", Side.ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Queries.expectOk(response, path);
        return response.body();
    }

    private String markdown(List<Long> sizes, String started, String loadAtStart) throws SQLException {
        StringBuilder text = new StringBuilder(BEGIN).append("\n\n| | |\n|---|---|\n");
        text.append("| run | ").append(started).append("; synthetic bundle cases (13–19 events each), sealed by the "
                + "command side's sealer; one database, grown from size to size |\n");
        text.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append("; load average at the "
                + "start ").append(loadAtStart).append(", at the end ").append(Report.loadAverage()).append(" |\n");
        text.append("| heaps | command side -Xmx").append(Bench.HEAP).append("; the standalone verifier with the JVM's "
                + "default |\n");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version(), pg_size_pretty(pg_database_size("
                     + "current_database()))")) {
            row.next();
            text.append("| PostgreSQL | ").append(row.getString(1).replaceAll(" on .*", ""))
                    .append(" on 127.0.0.1; database at the end ").append(row.getString(2)).append(" |\n");
        }
        text.append("\n| figure |");
        sizes.forEach(size -> text.append(String.format(Locale.ROOT, " %,d events |", size)));
        text.append("\n|---|").append("---|".repeat(sizes.size())).append('\n');
        figures.forEach((name, bySize) -> {
            text.append("| ").append(name).append(" |");
            sizes.forEach(size -> text.append(' ').append(bySize.getOrDefault(size, "")).append(" |"));
            text.append('\n');
        });
        text.append("\nVerification rates are journal entries ÷ the verification's own time (its report's "
                + "elapsedMillis: from reading the checkpoints to the last finding); \"around it\" is the HTTP call, "
                + "or the standalone verifier's whole process with the JVM's start. Appending and sealing rates are "
                + "events ÷ wall time. CPU is what the work cost the command side (or the verifier's process, JVM "
                + "start and JIT included) and the database's backends, read from /proc: it depends far less than wall "
                + "time on the other work on the machine. Target (issue #9): chain verification ≥ 100,000 "
                + "events/s.\n");
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        return text.append('\n').append(END).append('\n').toString();
    }

    private void figure(String name, long size, String value) {
        figures.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(size, value);
        Bench.log(name + " at " + size + ": " + value);
    }

    private long journalEntries() throws SQLException {
        if (Bench.count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'ledger_journal'") == 0) {
            return 0;
        }
        return Bench.count(database, "SELECT count(*) FROM ledger_journal");
    }

    private static String rate(long count, long startedNanos, String what) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return String.format(Locale.ROOT, "%,.0f %s/s (%.1f s)", count / seconds, what, seconds);
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
