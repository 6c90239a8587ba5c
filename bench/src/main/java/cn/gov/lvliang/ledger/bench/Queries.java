package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Rate;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Read latencies from one client, and the two long reads: a full replay of every projection through the rebuild
 * API, and a verification of the whole hash chain.
 */
final class Queries {

    /** A window of one read's warm-up. */
    static final Duration READ_WINDOW = Duration.ofSeconds(3);

    private final Side query;
    private final Side command;
    private final Duration warmUpLimit;
    private final List<ReadWarmUp> warmUps = new ArrayList<>();

    /** For waiting and the long reads only: a read timed through it is warmed up for one window. */
    Queries(Side query, Side command) {
        this(query, command, Duration.ZERO);
    }

    Queries(Side query, Side command, Duration warmUpLimit) {
        this.query = query;
        this.command = command;
        this.warmUpLimit = warmUpLimit;
    }

    /** Latency in microseconds of each kind of read, over {@code count} requests each after its warm-up. */
    Map<String, Histogram> latencies(List<String> caseIds, int count, long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, Histogram> results = new LinkedHashMap<>();
        results.put("dashboard page (/)", time(count, i -> "/"));
        results.put("fundraising board (/fundraising)", time(count, i -> "/fundraising"));
        results.put("statistics table (campaign-work)", time(count,
                i -> "/api/fundraising/statistics/campaign-work?from=2024-07-01&to=2026-12-31"));
        results.put("bundle-case list (county, page 1)", time(count, i -> "/api/bundle-cases?division=141102&size=20"));
        results.put("risk-clue list (page 1)", time(count, i -> "/api/fundraising/clues?size=20"));
        results.put("audit trail of a case", time(count,
                i -> "/api/cases/" + caseIds.get(random.nextInt(caseIds.size())) + "/audit-trail"));
        String asOf = Instant.now().minusSeconds(30).toString();
        results.put("as-of state of a case", time(count,
                i -> "/api/cases/" + caseIds.get(random.nextInt(caseIds.size())) + "/state?asOf=" + asOf));
        return results;
    }

    private Histogram time(int count, IntFunction<String> path) throws Exception {
        warmUp(path);
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < count; i++) {
            String next = path.apply(i);
            long t0 = System.nanoTime();
            HttpResponse<String> response = query.get(next, Side.ADMIN);
            histogram.recordValue((System.nanoTime() - t0) / 1_000);
            expectOk(response, next);
        }
        return histogram;
    }

    /**
     * Repeats a read in windows of {@link #READ_WINDOW} until the query side's JIT compilers go quiet ({@link
     * WarmUp#untilQuiet}), or {@link #warmUpLimit} has passed: a read's own code is compiled only once it runs,
     * however warm the load left the side.
     */
    private void warmUp(IntFunction<String> path) throws Exception {
        String first = path.apply(0);
        int[] requests = {0};
        WarmUp.Outcome outcome = WarmUp.untilQuiet("warm-up of " + first, () -> {
            long windowStart = System.nanoTime();
            do {
                String next = path.apply(requests[0]++);
                expectOk(query.get(next, Side.ADMIN), next);
            } while (System.nanoTime() - windowStart < READ_WINDOW.toNanos());
        }, Duration.ZERO, warmUpLimit, query);
        warmUps.add(new ReadWarmUp(first, requests[0], outcome.took(), outcome.quiet()));
    }

    /** How each read was warmed up, in the order they were timed. */
    List<ReadWarmUp> warmUps() {
        return List.copyOf(warmUps);
    }

    /** A read's warm-up: its first path, how many requests, how long, and whether the compilers went quiet. */
    record ReadWarmUp(String path, int requests, Duration took, boolean quiet) {
    }

    /** Waits until every projection's processor has reached the head of the event store. */
    void awaitCaughtUp(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            JsonNode projections = Json.parse(query.get("/api/admin/projections", Side.ADMIN).body());
            boolean caughtUp = true;
            for (JsonNode projection : projections) {
                JsonNode processor = projection.path("processor");
                caughtUp &= processor.path("caughtUp").asBoolean(false);
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the query side did not catch up: " + projections);
            }
            Thread.sleep(500);
        }
    }

    /** Rebuilds every rebuildable projection at once and waits for all; the outcome of each. */
    Replay replayAll(long events, Duration atMost) throws Exception {
        JsonNode projections = Json.parse(query.get("/api/admin/projections", Side.ADMIN).body());
        long started = System.nanoTime();
        Map<String, String> rebuilds = new LinkedHashMap<>();
        for (JsonNode projection : projections) {
            if (projection.path("rebuildable").asBoolean()) {
                String name = projection.get("name").asText();
                HttpResponse<String> response = query.post("/api/admin/projections/" + name + "/rebuild",
                        Side.ADMIN, null);
                expectOk(response, "rebuild " + name);
                rebuilds.put(name, Json.parse(response.body()).get("rebuildId").asText());
            }
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> steps = new LinkedHashMap<>();
        long deadline = started + atMost.toNanos();
        while (outcomes.size() < rebuilds.size()) {
            for (Map.Entry<String, String> rebuild : rebuilds.entrySet()) {
                if (outcomes.containsKey(rebuild.getKey())) {
                    continue;
                }
                JsonNode view = Json.parse(query.get("/api/admin/projections/" + rebuild.getKey() + "/rebuilds/"
                        + rebuild.getValue(), Side.ADMIN).body());
                if (!"RUNNING".equals(view.path("state").asText())) {
                    outcomes.put(rebuild.getKey(), view.path("state").asText());
                    steps.put(rebuild.getKey(), steps(view.path("phases")));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuilds still running after " + atMost + ": " + rebuilds);
            }
            Thread.sleep(200);
        }
        return new Replay(new Rate(events, Duration.ofNanos(System.nanoTime() - started), null), outcomes, steps);
    }

    /** A rebuild's steps as its record gives them: {@code replaying 8.1 s, compacting 1.2 s, …}. */
    static String steps(JsonNode phases) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : phases) {
            if (step.hasNonNull("took")) {
                steps.add(step.get("phase").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                        + Probe.seconds(Duration.parse(step.get("took").asText())) + " s");
            }
        }
        return String.join(", ", steps);
    }

    /**
     * A full replay: the events of the store read once per projection, all projections at once.
     *
     * @param outcomes each projection's outcome, in the order the rebuilds were seen to end
     * @param steps    how long each projection's rebuild took in each of its steps, in the same order
     */
    record Replay(Rate rate, Map<String, String> outcomes, Map<String, String> steps) {

        /** The projection whose rebuild was seen to end last, which set the replay's wall time. */
        String last() {
            return outcomes.keySet().stream().reduce((first, second) -> second).orElse("");
        }
    }

    /** Verifies the whole chain on the command side; the number of events verified and the time. */
    Rate verifyChain() throws Exception {
        command.post("/api/ledger/seal", Side.ADMIN, null);
        long t0 = System.nanoTime();
        HttpResponse<String> response = command.post("/api/ledger/verification", Side.ADMIN, null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        expectOk(response, "verification");
        JsonNode report = Json.parse(response.body());
        if (!report.path("ok").asBoolean()) {
            throw new IllegalStateException("the ledger does not verify: " + response.body());
        }
        return new Rate(report.path("journalEntries").asLong(), elapsed, null);
    }

    static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " -> " + response.statusCode() + " " + response.body());
        }
    }
}
