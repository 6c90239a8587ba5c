package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.CommandLoad.Result;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code ./ledger bench [--quick]}: the ledger's figures in one run on local PostgreSQL, each beside the physical
 * limit of the same database on the same machine, as ratios within the run (docs/perf.md explains them).
 *
 * <p>Arguments: {@code --quick}, {@code --db-url URL}, {@code --command-jar PATH}, {@code --query-jar PATH},
 * {@code --command-port N}, {@code --query-port N}, {@code --clients N}, {@code --out FILE}, {@code --work-dir DIR},
 * {@code --profile} (a flight recording of each side), {@code --scale-cases N} (first fill the store with N generated
 * bundle cases, {@link ScaleData}), {@code --warm-up S} and {@code --warm-up-limit S} (the shortest and longest
 * warm-up, {@link WarmUp}), {@code --phase S} (each load phase), {@code --no-replay} (neither of the two full
 * replays: at 10^7 events each would take about an hour), {@code --reuse-database} (measure the database an earlier
 * run left, with the same {@code --work-dir}, instead of an empty one; the {@code ledger} script then does not
 * recreate it), {@code --side-java-option OPTION} (repeatable: a JVM option for both sides, such as another
 * collector, to compare).
 * {@code drill NAME [arguments]} runs a fault drill instead ({@link Drills}); {@code verification [arguments]} the
 * chain verification at large journal sizes ({@link VerificationBench}).
 */
public final class Bench {

    /** The heap limit of both sides, as the issue sets it. */
    static final String HEAP = "512m";

    /**
     * The collector both sides run with, as the {@code ledger} script and the images start them: on two cores the
     * parallel collector left each command about a tenth more CPU than G1 (docs/perf.md, "The collector").
     */
    static final String COLLECTOR = "-XX:+UseParallelGC";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("verification")) {
            VerificationBench.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("drill")) {
            if (args.length < 2) {
                throw new IllegalArgumentException("drill: name one (" + String.join(", ", Drills.NAMES) + ")");
            }
            System.exit(Drills.run(args[1], Settings.parse(Arrays.copyOfRange(args, 2, args.length))));
        }
        Settings settings = Settings.parse(args);
        Database database = new Database(settings.dbUrl, "ledger", "ledger");
        Report report = new Report(settings.quick ? "quick" : "standard", settings.clients);
        report.machine(database, settings.sideJavaOptions());
        // --scale-cases: the store filled with generated cases before anything is measured.
        ScaleData scale = settings.scaleCases > 0 ? ScaleData.generate(settings, settings.scaleCases) : ScaleData.none();

        log("raw baselines: single-row transactions, batched inserts");
        RawBaselines raw = new RawBaselines(database);
        raw.createTable();
        Rate rawOne = raw.singleRowTransactions(1, settings.phase);
        CpuSplit.Running rawCpu = CpuSplit.startRaw();
        Rate rawMany = raw.singleRowTransactions(settings.clients, settings.phase);
        CpuSplit rawManyCpu = rawCpu.stop();
        Rate rawBatched = raw.batchedInserts(1_000, settings.phase);
        raw.dropTable();

        log("starting the command side on port " + settings.commandPort);
        try (Side command = settings.startCommandSide()) {
            log("starting the query side on port " + settings.queryPort);
            try (Side query = settings.startQuerySide()) {
                report.startup(command, query);
                Queries queries = new Queries(query, command, Duration.ofSeconds(settings.quick ? 10 : 30));
                Vacuum vacuum = Vacuum.standingInForAutovacuum(database);
                if (scale.enabled() || settings.reuseDatabase) {
                    Vacuum.Worker autovacuum = vacuum.whileCatchingUp();
                    try (autovacuum) {
                        scale.awaitQuerySide(query, ScaleData.CATCH_UP_LIMIT);
                        if (settings.reuseDatabase) {
                            log("waiting for the query side to catch up on the database as it was left");
                            queries.awaitCaughtUp(ScaleData.CATCH_UP_LIMIT);
                        }
                    }
                    report.scale(scale);
                    autovacuum.summary().ifPresent(report::autovacuumWhileCatchingUp);
                    vacuum(report, vacuum, "after the query side caught up");
                }
                CommandLoad load = new CommandLoad(command, database);
                log("warming up with " + settings.clients + " clients, " + settings.warmUp.toSeconds() + " s to "
                        + settings.warmUpLimit.toSeconds() + " s, until the JIT compilers go quiet");
                WarmUp.Outcome warm = WarmUp.run(load, settings.clients, settings.warmUp, settings.warmUpLimit,
                        command, query);
                report.warmUp(warm);
                HeapPeaks heap = HeapPeaks.watch(command, query);
                log("commands over HTTP: 1 client for " + settings.phase.toSeconds() + " s");
                Result one = load.run(1, settings.phase, 100);
                log("commands over HTTP: " + settings.clients + " clients for " + settings.phase.toSeconds() + " s");
                double[] compiledBefore = WarmUp.compileMillis(command, query);
                CpuSplit.Running manyCpu = CpuSplit.start(command, query, database);
                long manyStarted = System.nanoTime();
                Result many = load.run(settings.clients, settings.phase, 200);
                report.cpu(manyCpu.stop(), many.rate().count(), rawManyCpu, rawMany.count());
                report.compilingDuringLoad(WarmUp.shares(compiledBefore, WarmUp.compileMillis(command, query),
                        System.nanoTime() - manyStarted));

                log("waiting for the query side to catch up");
                queries.awaitCaughtUp(Duration.ofMinutes(10));
                heap.close();
                report.commands(rawOne, rawMany, rawBatched, one, many, heap);

                log("ordered scan and parse of the event table");
                Rate scan = raw.orderedScanAndParse(Duration.ofSeconds(5));
                long events = count(database, "SELECT count(*) FROM domainevententry");
                if (settings.replay) {
                    log("full replay of every projection (" + events + " events)");
                    Duration replayLimit = replayLimit(events);
                    CpuSplit.Running firstCpu = CpuSplit.start(command, query, database);
                    Queries.Replay first = queries.replayAll(events, replayLimit);
                    report.replay(scan, first, firstCpu.stop());
                    log("the same replay again, its code now compiled");
                    CpuSplit.Running againCpu = CpuSplit.start(command, query, database);
                    Queries.Replay again = queries.replayAll(events, replayLimit);
                    report.replayAgain(scan, again, againCpu.stop());
                } else {
                    report.replayNotRun(scan);
                }

                vacuum(report, vacuum, "before the reads");
                log("query latencies");
                List<String> cases = caseIds(database);
                Map<String, Histogram> latencies = queries.latencies(cases, settings.queries, 7);
                log("chain verification");
                Rate chain = queries.verifyChain();
                report.queries(latencies, chain);
                report.readWarmUps(queries.warmUps());
                report.dataSize(database, events, cases.size());
            }
        }
        System.out.println(report.markdown());
        Files.createDirectories(settings.out.toAbsolutePath().getParent());
        report.writeInto(settings.out);
        log("written to " + settings.out);
    }

    /**
     * How long one full replay may take before the bench gives up: twenty minutes, or as long as 2,000 events a second
     * would take, whichever is longer. A replay at 10⁷ events compacts and compares tables of millions of rows.
     */
    static Duration replayLimit(long events) {
        return Duration.ofSeconds(Math.max(20 * 60, events / 2_000));
    }

    private static void vacuum(Report report, Vacuum vacuum, String when) throws SQLException {
        vacuum.run(when).ifPresent(took -> report.vacuum(when, took));
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> caseIds(Database database) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregateidentifier FROM domainevententry WHERE "
                     + "payloadtype LIKE '%.BundleCaseSubmittedEvent' ORDER BY globalindex")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the load stored no bundle case");
        }
        return ids;
    }

    /** The run's settings; the quick mode finishes in about seven minutes, the standard one in under thirty. */
    record Settings(boolean quick, String dbUrl, Path commandJar, Path queryJar, int commandPort, int queryPort,
                    int clients, Duration warmUp, Duration warmUpLimit, Duration phase, int queries, Path out,
                    Path workDir, boolean profile, int scaleCases, boolean replay, boolean reuseDatabase,
                    List<String> extraJavaOptions) {

        /** The command side on the bench's database and port, with the bench's heap and no demo data. */
        Side startCommandSide() throws IOException, InterruptedException {
            return startCommandSide("command-side", commandPort, List.of());
        }

        /** A command-side node by name and port, with extra arguments: the drills start a second node. */
        Side startCommandSide(String name, int port, List<String> arguments) throws IOException, InterruptedException {
            List<String> all = new ArrayList<>(List.of("--ledger.demo-data.enabled=false", trustBenchTokens(workDir)));
            all.addAll(arguments);
            return Side.start(name, commandJar, port, HEAP, jvmOptions(name), environment(), all, workDir);
        }

        Side startQuerySide() throws IOException, InterruptedException {
            return startQuerySide("query-side", queryPort, List.of());
        }

        Side startQuerySide(String name, int port, List<String> arguments) throws IOException, InterruptedException {
            List<String> all = new ArrayList<>(List.of(trustBenchTokens(workDir)));
            all.addAll(arguments);
            return Side.start(name, queryJar, port, HEAP, jvmOptions(name), environment(), all, workDir);
        }

        /** Both sides accept the bench's bearer tokens, as they accept the city's identity provider's. */
        String trustBenchTokens(Path directory) throws IOException {
            return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                    + Side.TOKENS.writePublicKey(directory);
        }

        /** The same settings on another database, such as a drill's own PostgreSQL cluster. */
        Settings onDatabase(String url) {
            return new Settings(quick, url, commandJar, queryJar, commandPort, queryPort, clients, warmUp,
                    warmUpLimit, phase, queries, out, workDir, profile, scaleCases, replay, reuseDatabase,
                    extraJavaOptions);
        }

        private List<String> jvmOptions(String side) {
            return jvmOptions(side, workDir);
        }

        /**
         * The options both sides run with besides the heap: the {@link #COLLECTOR}, unless a
         * {@code --side-java-option} names another, and the {@code --side-java-option}s.
         */
        List<String> sideJavaOptions() {
            List<String> options = new ArrayList<>();
            if (extraJavaOptions.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
                options.add(COLLECTOR);
            }
            options.addAll(extraJavaOptions);
            return options;
        }

        /** The {@link #sideJavaOptions}, and with {@code --profile} a JDK Flight Recording in {@code directory}. */
        List<String> jvmOptions(String side, Path directory) {
            List<String> options = new ArrayList<>(sideJavaOptions());
            if (profile) {
                options.addAll(List.of("-XX:FlightRecorderOptions:stackdepth=256",
                        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                + directory.resolve(side + ".jfr")));
            }
            return options;
        }

        private Map<String, String> environment() {
            return environment(workDir);
        }

        /** The sides' database and demo accounts, with their data directory (keys, checkpoints) in {@code directory}. */
        Map<String, String> environment(Path directory) {
            return Map.of("LEDGER_DB_URL", dbUrl, "LEDGER_DB_USER", "ledger", "LEDGER_DB_PASSWORD", "ledger",
                    "LEDGER_DEMO_ACCOUNTS", "true", "LEDGER_DATA_DIR", directory.resolve("data").toString());
        }

        static Settings parse(String[] args) {
            boolean quick = false;
            String dbUrl = "jdbc:postgresql://127.0.0.1:5432/ledger_bench";
            Path commandJar = Path.of("command-side/target/command-side.jar");
            Path queryJar = Path.of("query-side/target/query-side.jar");
            int commandPort = 18080;
            int queryPort = 18081;
            int clients = 16;
            Path out = Path.of("docs/perf.md");
            Path workDir = Path.of("target/bench");
            boolean profile = false;
            int scaleCases = 0;
            boolean replay = true;
            boolean reuseDatabase = false;
            List<String> sideJavaOptions = new ArrayList<>();
            Duration warmUp = null;
            Duration warmUpLimit = null;
            Duration phase = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--db-url" -> dbUrl = args[++i];
                    case "--command-jar" -> commandJar = Path.of(args[++i]);
                    case "--query-jar" -> queryJar = Path.of(args[++i]);
                    case "--command-port" -> commandPort = Integer.parseInt(args[++i]);
                    case "--query-port" -> queryPort = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--work-dir" -> workDir = Path.of(args[++i]);
                    case "--profile" -> profile = true;
                    case "--scale-cases" -> scaleCases = Integer.parseInt(args[++i]);
                    case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--warm-up-limit" -> warmUpLimit = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--phase" -> phase = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--no-replay" -> replay = false;
                    case "--reuse-database" -> reuseDatabase = true;
                    case "--side-java-option" -> sideJavaOptions.add(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Settings(quick, dbUrl, commandJar, queryJar, commandPort, queryPort, clients,
                    warmUp != null ? warmUp : Duration.ofSeconds(quick ? 30 : 60),
                    warmUpLimit != null ? warmUpLimit : Duration.ofSeconds(quick ? 90 : 360),
                    phase != null ? phase : Duration.ofSeconds(quick ? 20 : 120), quick ? 100 : 300,
                    out, workDir.toAbsolutePath(), profile, scaleCases, replay, reuseDatabase,
                    List.copyOf(sideJavaOptions));
        }
    }
}
