package cn.gov.lvliang.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --scale-cases N}: the bench at a store of a given size. Before the load, the command side's scale data
 * generator fills the empty database with N generated bundle cases through its fast path and seals them
 * ({@code ./ledger generate}, docs/perf.md "Data at scale"); once the sides are up, the query side catches up on those
 * events before anything is measured. Both steps are timed and go into the report.
 */
final class ScaleData {

    /** How long the query side may take to catch up before the bench gives up: replay is slow at 10M events. */
    static final Duration CATCH_UP_LIMIT = Duration.ofHours(4);

    private final int cases;
    private JsonNode generated;
    private Duration generation;
    private Duration catchUp;
    private long caughtUpEvents;

    private ScaleData(int cases) {
        this.cases = cases;
    }

    /** Nothing generated: the bench measures the store its load leaves. */
    static ScaleData none() {
        return new ScaleData(0);
    }

    boolean enabled() {
        return cases > 0;
    }

    /**
     * Runs the generator from the command side's jar against the bench's database and waits for it: the same
     * environment as the command side the bench starts next (database, data directory, so the same notary keys).
     */
    static ScaleData generate(Bench.Settings settings, int cases) throws IOException, InterruptedException {
        ScaleData scale = new ScaleData(cases);
        Path report = settings.workDir().resolve("generate.json");
        Path log = settings.workDir().resolve("generator.log");
        Files.createDirectories(settings.workDir());
        Files.deleteIfExists(report);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", Bench.COLLECTOR, "-jar", settings.commandJar().toAbsolutePath().toString(),
                "--server.port=0", "--server.address=127.0.0.1", "--ledger.notary.schedule=false",
                "--ledger.generate.cases=" + cases, "--ledger.generate.report-file=" + report));
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(settings.environment(settings.workDir()));
        // The generator writes in batches: PostgreSQL's driver sends them as multi-row INSERTs only when asked to.
        builder.environment().put("LEDGER_DB_URL", settings.dbUrl()
                + (settings.dbUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        Bench.log("generating " + cases + " bundle cases before the load (log: " + log + ")");
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the scale data generator failed; see " + log);
        }
        scale.generation = Duration.ofNanos(System.nanoTime() - started);
        scale.generated = Json.parse(Files.readString(report));
        return scale;
    }

    /**
     * Waits until every projection of the query side has caught up on the generated events, logging the progress;
     * fails after {@code atMost}, since figures read from half-built read models would mean nothing.
     */
    void awaitQuerySide(Side query, Duration atMost) throws Exception {
        if (!enabled()) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        long nextLog = started;
        while (true) {
            JsonNode projections = Json.parse(query.get("/api/admin/projections", Side.ADMIN).body());
            boolean caughtUp = true;
            long slowest = Long.MAX_VALUE;
            long head = 0;
            String slowestName = "";
            for (JsonNode projection : projections) {
                JsonNode processor = projection.path("processor");
                caughtUp &= processor.path("caughtUp").asBoolean(false);
                head = Math.max(head, projection.path("headIndex").asLong());
                if (processor.path("position").asLong() < slowest) {
                    slowest = processor.path("position").asLong();
                    slowestName = projection.path("name").asText();
                }
            }
            if (caughtUp) {
                catchUp = Duration.ofNanos(System.nanoTime() - started);
                caughtUpEvents = head;
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the query side did not catch up on the generated events within "
                        + atMost + ": " + slowestName + " at " + slowest + " of " + head);
            }
            if (System.nanoTime() >= nextLog) {
                Bench.log("query side catching up: slowest projection " + slowestName + " at " + slowest + " of "
                        + head + " after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
                nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            }
            Thread.sleep(1_000);
        }
    }

    /** The report's rows, in order: what was generated and how fast, the sealing, and the query side's catch-up. */
    Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        if (!enabled()) {
            return figures;
        }
        figures.put("generated before the load (fast path)", String.format(Locale.ROOT,
                "%,d bundle cases, %,d events in %.0f s: %,d events/s (process %.0f s with start-up)",
                generated.path("casesWritten").asLong(), generated.path("eventsWritten").asLong(),
                generated.path("seconds").asDouble(), generated.path("eventsPerSecond").asLong(),
                generation.toMillis() / 1000.0));
        figures.put("sealing the generated events", String.format(Locale.ROOT, "%,d events in %.0f s: %,d events/s",
                generated.path("sealed").asLong(), generated.path("sealSeconds").asDouble(),
                generated.path("sealedPerSecond").asLong()));
        figures.put("database after generating", String.format(Locale.ROOT, "%,d MiB",
                generated.path("databaseBytes").asLong() / (1024 * 1024)));
        figures.put("query side caught up on the generated events", catchUp == null ? "not measured"
                : String.format(Locale.ROOT, "%,d events in %.0f s: %,.0f events/s", caughtUpEvents,
                catchUp.toMillis() / 1000.0, caughtUpEvents * 1000.0 / Math.max(1, catchUp.toMillis())));
        return figures;
    }
}
