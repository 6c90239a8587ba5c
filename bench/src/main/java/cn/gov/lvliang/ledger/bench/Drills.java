package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.Bench.Settings;
import cn.gov.lvliang.ledger.bench.CommandLoad.Result;
import cn.gov.lvliang.ledger.bench.CommandLoad.Sent;
import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fault drills with real processes on loopback, each bounded in time: {@code ./ledger drill NAME} with one of
 * {@link #NAMES}. Each prints its checks and writes them into docs/perf.md; the exit status is 1 if a check failed.
 */
final class Drills {

    static final List<String> NAMES = List.of("kill-command-side", "kill-query-side", "restart-postgres",
            "two-query-nodes", "two-command-nodes");

    private static final int CLIENTS = 8;
    /** The fault comes once this many commands are stored, or after {@link #KILL_AT_THE_LATEST}. */
    private static final int KILL_AFTER_COMMANDS = 300;
    private static final Duration KILL_AT_THE_LATEST = Duration.ofSeconds(90);
    /** The load goes on this long once the killed side is back, and stops in any case after {@link #LOAD_BOUND}. */
    private static final Duration LOAD_AFTER_RESTART = Duration.ofSeconds(15);
    private static final Duration LOAD_BOUND = Duration.ofMinutes(6);
    /** restart-postgres: how long the database stays down, and the bounds on answers and on recovery. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);
    private static final Duration RECOVERY_BOUND = Duration.ofMinutes(2);
    /** two-query-nodes: the first node claims this many of each processor's four segments, the second the rest. */
    private static final int FIRST_NODE_SEGMENTS = 2;
    private static final Duration CLAIM_BOUND = Duration.ofSeconds(90);
    /** two-command-nodes: the cases every client appends to, the clients doing so, and for how long. */
    private static final int CONTENDED_CASES = 10;
    private static final int MIX_CLIENTS = 4;
    private static final Duration CONTENTION = Duration.ofSeconds(60);
    /** A second node of a side listens on the first node's port plus this. */
    private static final int SECOND_NODE_PORT_OFFSET = 2;

    private final Settings settings;
    private final Database database;
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final List<String> facts = new ArrayList<>();
    /** What the drill did, for the first line of its report. */
    private String setup = CLIENTS + " clients, kill -9 once " + KILL_AFTER_COMMANDS + " commands were stored, load "
            + "until " + LOAD_AFTER_RESTART.toSeconds() + " s after the restart.";

    private Drills(Settings settings) {
        this.settings = settings;
        this.database = new Database(settings.dbUrl(), "ledger", "ledger");
    }

    static int run(String name, Settings settings) throws Exception {
        if (name.equals("restart-postgres")) {
            try (ThrowawayPostgres postgres = ThrowawayPostgres.create(settings.workDir().resolve("postgres"))) {
                Drills drills = new Drills(settings.onDatabase(postgres.jdbcUrl()));
                drills.restartPostgres(postgres);
                return drills.report(name);
            }
        }
        Drills drills = new Drills(settings);
        switch (name) {
            case "kill-command-side" -> drills.killCommandSide();
            case "kill-query-side" -> drills.killQuerySide();
            case "two-query-nodes" -> drills.twoQueryNodes();
            case "two-command-nodes" -> drills.twoCommandNodes();
            default -> throw new IllegalArgumentException("unknown drill " + name + " (" + String.join(", ", NAMES)
                    + ")");
        }
        return drills.report(name);
    }

    /**
     * Kill -9 of the command side under load: every acknowledged command is in the store, nothing is half-written,
     * and clients that send their requests again with the same requestId get no duplicates.
     */
    private void killCommandSide() throws Exception {
        Side command = settings.startCommandSide();
        CommandLoad load = new CommandLoad(command, database);
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(load, CLIENTS));
        awaitStoredCommands();
        Bench.log("kill -9 of the command side");
        command.kill();
        long storedAtKill = count("SELECT count(*) FROM processed_request");
        Side restarted = settings.startCommandSide();
        facts.add("killed with " + storedAtKill + " commands stored; back and ready " + restarted.startup.toSeconds()
                + " s later");
        try (restarted) {
            Thread.sleep(LOAD_AFTER_RESTART.toMillis());
            load.stop();
            Result result = running.join();
            facts.add(result.acknowledged().size() + " commands acknowledged, " + result.unknown().size()
                    + " cut off in flight, " + result.refused() + " attempts refused while the side was down, "
                    + "other answers " + result.failures());
            checkStore(result.acknowledged());

            List<Sent> again = new ArrayList<>(result.acknowledged());
            again.addAll(result.unknown());
            int serverErrors = resend(restarted, again).serverErrors;
            long events = count("SELECT count(*) FROM domainevententry");
            Resent second = resend(restarted, again);
            long eventsAfter = count("SELECT count(*) FROM domainevententry");
            check("requests sent again with the same requestId: no 5xx (" + (serverErrors + second.serverErrors)
                    + "), every 2xx a replay (" + second.fresh + " not), no new event (" + (eventsAfter - events)
                    + ")", serverErrors + second.serverErrors == 0 && second.fresh == 0 && eventsAfter == events);
        }
    }

    /** Kill -9 of the query side under load: after the restart every read model equals a rebuild from the store. */
    private void killQuerySide() throws Exception {
        try (Side command = settings.startCommandSide()) {
            Side query = settings.startQuerySide();
            CommandLoad load = new CommandLoad(command, database);
            CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(load, CLIENTS));
            awaitStoredCommands();
            Bench.log("kill -9 of the query side");
            query.kill();
            long storedAtKill = count("SELECT count(*) FROM processed_request");
            Thread.sleep(5_000);
            try (Side restarted = settings.startQuerySide()) {
                facts.add("killed with " + storedAtKill + " commands stored; started again 5 s later, ready "
                        + restarted.startup.toSeconds() + " s after that");
                Thread.sleep(LOAD_AFTER_RESTART.toMillis());
                load.stop();
                Result result = running.join();
                facts.add(result.acknowledged().size() + " commands acknowledged while the query side died and "
                        + "came back; other answers " + result.failures());
                new Queries(restarted, command).awaitCaughtUp(Duration.ofMinutes(10));
                checkProjections(restarted);
            }
        }
    }

    /**
     * PostgreSQL stopped at once (as in a crash) under load, down for {@link #OUTAGE}, and started again, on a
     * throw-away cluster of the drill's own: while it is down both sides answer 503 problem+json with Retry-After
     * within a bound; afterwards both recover by themselves, nothing acknowledged is lost, and every read model
     * equals a rebuild.
     */
    private void restartPostgres(ThrowawayPostgres postgres) throws Exception {
        setup = CLIENTS + " clients; PostgreSQL (a throw-away cluster on port " + postgres.port() + ") stopped with "
                + "`pg_ctl stop -m immediate` once " + KILL_AFTER_COMMANDS + " commands were stored, started again "
                + OUTAGE.toSeconds() + " s later; load until " + LOAD_AFTER_RESTART.toSeconds()
                + " s after commands were acknowledged again.";
        try (Side command = settings.startCommandSide(); Side query = settings.startQuerySide()) {
            CommandLoad load = new CommandLoad(command, database);
            CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(load, CLIENTS));
            awaitStoredCommands();
            Sent replayable = submission();
            Queries.expectOk(command.post(replayable.path(), Side.IMPORTER, replayable.body()), "a submission");
            long storedAtStop = count("SELECT count(*) FROM processed_request");
            Bench.log("stopping PostgreSQL (immediate)");
            postgres.stopImmediately();
            Probe commandProbe = Probe.start("command", () -> command.post(replayable.path(), Side.IMPORTER,
                    replayable.body()));
            Probe queryProbe = Probe.start("query", () -> query.get("/api/bundle-cases?size=5", Side.ADMIN));
            Thread.sleep(OUTAGE.toMillis());
            commandProbe.stop();
            queryProbe.stop();
            long starting = System.nanoTime();
            Bench.log("starting PostgreSQL again");
            postgres.start();
            long back = System.nanoTime();
            facts.add("stopped with " + storedAtStop + " commands stored; down " + OUTAGE.toSeconds() + " s");

            List<Sent> recovery = new ArrayList<>();
            Duration commandsBack = awaitAcknowledged(command, recovery, back);
            Duration queriesBack = awaitAnswered(query, back);
            Thread.sleep(LOAD_AFTER_RESTART.toMillis());
            load.stop();
            Result result = running.join();
            commandProbe.join();
            queryProbe.join();
            Duration longest = Duration.ofNanos(result.rate().latencies().getMaxValue() * 1_000);
            check("while PostgreSQL was down the command side answered a repeated command with "
                    + commandProbe.summary(starting), commandProbe.all503(starting));
            check("while PostgreSQL was down the query side answered a list read with "
                    + queryProbe.summary(starting), queryProbe.all503(starting));
            Map<Integer, Long> statuses = new TreeMap<>(result.failures());
            statuses.put(200, (long) result.acknowledged().size());
            boolean serverErrors = result.failures().keySet().stream().anyMatch(status -> status >= 500
                    && status != 503);
            check("the load's answers by status " + statuses + " (2xx counted together), " + result.unknown().size()
                    + " connections cut: no 5xx but 503", !serverErrors);
            Duration longestProbe = max(commandProbe.longest(), queryProbe.longest());
            check("no answer took longer than " + ANSWER_BOUND.toSeconds() + " s (longest: load "
                    + Probe.seconds(longest) + " s, probes " + Probe.seconds(longestProbe) + " s)",
                    longest.compareTo(ANSWER_BOUND) <= 0 && longestProbe.compareTo(ANSWER_BOUND) <= 0);
            check("commands acknowledged again " + Probe.seconds(commandsBack) + " s after PostgreSQL was back, "
                    + "reads answered again after " + Probe.seconds(queriesBack) + " s, without manual action (bound "
                    + RECOVERY_BOUND.toSeconds() + " s)", commandsBack.compareTo(RECOVERY_BOUND) <= 0
                    && queriesBack.compareTo(RECOVERY_BOUND) <= 0);
            check("both sides ready and healthy again (readiness and /actuator/health UP)",
                    command.ready() && query.ready() && healthUp(command) && healthUp(query));

            List<Sent> acknowledged = new ArrayList<>(result.acknowledged());
            acknowledged.add(replayable);
            acknowledged.addAll(recovery);
            checkStore(acknowledged);
            long t0 = System.nanoTime();
            new Queries(query, command).awaitCaughtUp(Duration.ofMinutes(10));
            facts.add(result.acknowledged().size() + recovery.size() + " commands acknowledged in all; the query side "
                    + "caught up " + Probe.seconds(Duration.ofNanos(System.nanoTime() - t0)) + " s after the load "
                    + "stopped");
            checkProjections(query);
        }
    }

    /**
     * Two query-side nodes on one database share each processor's four segments; the one is killed under load and
     * the other takes over all segments; once it has caught up every read model equals a rebuild.
     */
    private void twoQueryNodes() throws Exception {
        int secondPort = settings.queryPort() + SECOND_NODE_PORT_OFFSET;
        setup = CLIENTS + " clients; query node A (port " + settings.queryPort() + ", at most " + FIRST_NODE_SEGMENTS
                + " segments per processor) and node B (port " + secondPort + ", up to 4); kill -9 of A once "
                + KILL_AFTER_COMMANDS + " commands were stored, load until " + LOAD_AFTER_RESTART.toSeconds()
                + " s after B owned every segment.";
        try (Side command = settings.startCommandSide()) {
            // Without Axon Server nothing balances segments between nodes: a node claims what is free, up to its
            // max-claimed-segments. The first node is held to two so that the second finds two to claim.
            Side nodeA = settings.startQuerySide("query-side", settings.queryPort(),
                    List.of("--ledger.projections.max-claimed-segments=" + FIRST_NODE_SEGMENTS));
            try (nodeA; Side nodeB = settings.startQuerySide("query-side-b", secondPort, List.of())) {
                Map<String, String> nodes = Map.of(nodeA.pid() + "@", "A", nodeB.pid() + "@", "B");
                CommandLoad load = new CommandLoad(command, database);
                CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(load, CLIENTS));
                Duration shared = awaitOwners(nodes, owners -> owners.values().stream()
                        .allMatch(segments -> segments.contains("A") && segments.contains("B")
                                && segments.stream().allMatch(owner -> owner.equals("A") || owner.equals("B"))));
                check("both nodes claim segments of every processor " + Probe.seconds(shared) + " s after B was "
                        + "ready: " + ownership(segmentOwners(nodes)), shared.compareTo(CLAIM_BOUND) <= 0);
                awaitStoredCommands();
                Bench.log("kill -9 of query node A");
                nodeA.kill();
                long storedAtKill = count("SELECT count(*) FROM processed_request");
                Duration takeover = awaitOwners(nodes, owners -> owners.values().stream()
                        .allMatch(segments -> segments.stream().allMatch("B"::equals)));
                check("node B owns every segment of every processor " + Probe.seconds(takeover) + " s after node A "
                        + "was killed (bound " + CLAIM_BOUND.toSeconds() + " s): " + ownership(segmentOwners(nodes)),
                        takeover.compareTo(CLAIM_BOUND) <= 0);
                facts.add("A killed with " + storedAtKill + " commands stored");
                Thread.sleep(LOAD_AFTER_RESTART.toMillis());
                load.stop();
                Result result = running.join();
                facts.add(result.acknowledged().size() + " commands acknowledged; other answers "
                        + result.failures());
                new Queries(nodeB, command).awaitCaughtUp(Duration.ofMinutes(10));
                JsonNode projections = Json.parse(nodeB.get("/api/admin/projections", Side.ADMIN).body());
                List<String> partial = new ArrayList<>();
                for (JsonNode projection : projections) {
                    int claimed = projection.path("processor").path("claimedSegments").asInt();
                    if (claimed != 4) {
                        partial.add(projection.get("name").asText() + ": " + claimed);
                    }
                }
                check("node B processes all 4 segments of every projection (" + partial + " not)",
                        partial.isEmpty());
                checkProjections(nodeB);
            }
        }
    }

    /**
     * Two command-side nodes on one database, sharing the notary's key directory, write to the same cases at once:
     * no acknowledged command is lost, a conflict is decided again or answered 409, never 5xx; a case changed on
     * one node is decided on its fresh state by the other right after; both sealers keep one valid ledger.
     */
    private void twoCommandNodes() throws Exception {
        int secondPort = settings.commandPort() + SECOND_NODE_PORT_OFFSET;
        setup = "command nodes A (port " + settings.commandPort() + ") and B (port " + secondPort + ") on one "
                + "database and one notary key directory, both sealing, a checkpoint every 10 s each; for "
                + CONTENTION.toSeconds() + " s " + CLIENTS + " clients (half on each node) append to the same "
                + CONTENDED_CASES + " cases while " + MIX_CLIENTS + " clients send the bench's mix, each step of a "
                + "case to the other node than the step before.";
        List<String> arguments = List.of("--ledger.notary.checkpoint-interval=10s");
        try (Side nodeA = settings.startCommandSide("command-side", settings.commandPort(), arguments);
             Side nodeB = settings.startCommandSide("command-side-b", secondPort, arguments)) {
            List<Side> nodes = List.of(nodeA, nodeB);
            ContendedCases contended = new ContendedCases(nodes);
            List<String> caseIds = contended.open(CONTENDED_CASES);
            CommandLoad mix = new CommandLoad(nodes, database);
            CompletableFuture<Result> mixing = CompletableFuture.supplyAsync(() -> run(mix, MIX_CLIENTS));
            List<ContendedCases.Sent> sent = contended.run(CLIENTS, CONTENTION, 7);
            mix.stop();
            Result result = mixing.join();

            check("the mix across both nodes: " + result.acknowledged().size() + " commands acknowledged, other "
                    + "answers " + result.failures() + ": no step refused for a state the other node had just "
                    + "changed (no 409), no 5xx", result.failures().isEmpty());
            List<ContendedCases.Sent> acknowledged = sent.stream().filter(ContendedCases.Sent::acknowledged).toList();
            Map<String, Long> rules = sent.stream().filter(s -> s.status() == 409)
                    .collect(Collectors.groupingBy(ContendedCases.Sent::problemRule, TreeMap::new,
                            Collectors.counting()));
            boolean onlyConcurrency = rules.keySet().stream().allMatch("optimistic-concurrency"::equals);
            check("the contended cases: answers by status " + ContendedCases.byStatus(sent) + ", 409s by rule "
                    + rules + ": no 5xx, a conflict only as a 409 problem+json after the retries",
                    sent.stream().allMatch(s -> s.acknowledged() || s.status() == 409) && onlyConcurrency);
            checkContendedFacts(caseIds, sent, acknowledged);

            List<Sent> allAcknowledged = new ArrayList<>(result.acknowledged());
            acknowledged.forEach(s -> allAcknowledged.add(new Sent(s.path(), s.body())));
            checkStore(allAcknowledged);
            checkResentToTheOtherNode(nodes, acknowledged);
            checkNotary(nodes);
        }
    }

    /** Every contended command's event is there once if it was acknowledged and not at all if it was refused. */
    private void checkContendedFacts(List<String> caseIds, List<ContendedCases.Sent> sent,
                                     List<ContendedCases.Sent> acknowledged) throws SQLException {
        String cases = caseIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        String types = ContendedCases.EVENT_TYPES.stream().map(type -> "payloadtype LIKE '%." + type + "'")
                .collect(Collectors.joining(" OR "));
        Map<String, Long> factsPerCase = new HashMap<>();
        Map<String, Long> eventsPerRequest = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregateidentifier, convert_from(metadata, 'UTF8')::jsonb "
                     + "->> 'requestId' FROM domainevententry WHERE aggregateidentifier IN (" + cases + ") AND ("
                     + types + ")")) {
            while (rows.next()) {
                factsPerCase.merge(rows.getString(1), 1L, Long::sum);
                eventsPerRequest.merge(rows.getString(2), 1L, Long::sum);
            }
        }
        Map<String, Long> acknowledgedPerCase = acknowledged.stream()
                .collect(Collectors.groupingBy(ContendedCases.Sent::caseId, Collectors.counting()));
        long differing = caseIds.stream().filter(id -> !factsPerCase.getOrDefault(id, 0L)
                .equals(acknowledgedPerCase.getOrDefault(id, 0L))).count();
        check("no lost update: on each of the " + caseIds.size() + " cases the facts appended equal the commands "
                + "acknowledged (" + acknowledged.size() + " in all; " + differing + " cases differ)", differing == 0);
        long notOnce = acknowledged.stream().filter(s -> eventsPerRequest.getOrDefault(s.requestId(), 0L) != 1)
                .count();
        long refusedStored = sent.stream().filter(s -> !s.acknowledged())
                .filter(s -> eventsPerRequest.containsKey(s.requestId())).count();
        check("every acknowledged contended command has exactly one event (" + notOnce + " not), every refused one "
                + "none (" + refusedStored + " have)", notOnce == 0 && refusedStored == 0);
        long badlyNumbered = count("SELECT count(*) FROM (SELECT aggregateidentifier FROM domainevententry WHERE "
                + "aggregateidentifier IN (" + cases + ") AND payloadtype LIKE '%.VisitRecordedEvent' GROUP BY "
                + "aggregateidentifier HAVING count(DISTINCT (convert_from(payload, 'UTF8')::jsonb ->> 'visitNumber')"
                + "::int) <> count(*) OR max((convert_from(payload, 'UTF8')::jsonb ->> 'visitNumber')::int) "
                + "<> count(*)) numbered");
        long visits = count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (" + cases
                + ") AND payloadtype LIKE '%.VisitRecordedEvent'");
        check("the " + visits + " visits are numbered 1..n on every case, none twice (each decided on the case's "
                + "fresh state; " + badlyNumbered + " cases not)", badlyNumbered == 0);
    }

    /** Each acknowledged contended request, sent again to the node that did not acknowledge it, is a replay. */
    private void checkResentToTheOtherNode(List<Side> nodes, List<ContendedCases.Sent> acknowledged)
            throws Exception {
        long events = count("SELECT count(*) FROM domainevententry");
        int notReplayed = 0;
        for (ContendedCases.Sent sent : acknowledged) {
            HttpResponse<String> response = nodes.get((sent.node() + 1) % nodes.size())
                    .post(sent.path(), Side.IMPORTER, sent.body());
            if (response.statusCode() / 100 != 2
                    || !"true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(""))) {
                notReplayed++;
            }
        }
        long added = count("SELECT count(*) FROM domainevententry") - events;
        check("each acknowledged contended request sent again to the other node: a replay (" + notReplayed
                + " not), no new event (" + added + ")", notReplayed == 0 && added == 0);
    }

    /** Both nodes sealed into one journal and signed checkpoints into one shared file, and both verify it whole. */
    private void checkNotary(List<Side> nodes) throws Exception {
        for (Side node : nodes) {
            Queries.expectOk(node.post("/api/ledger/seal", Side.ADMIN, null), "seal on " + node.name);
        }
        long events = count("SELECT count(*) FROM domainevententry");
        long sealed = count("SELECT count(DISTINCT global_index) FROM ledger_journal");
        long positions = count("SELECT count(*) FROM ledger_journal");
        long lastPosition = count("SELECT coalesce(max(position) + 1, 0) FROM ledger_journal");
        check("one journal: " + events + " events, " + sealed + " sealed, each once, at positions 0.." + (lastPosition - 1)
                + " without a hole", events == sealed && sealed == positions && positions == lastPosition);
        // The work directory outlives the bench's databases: the file also holds checkpoints of earlier runs' logs.
        String logId = strings("SELECT log_id FROM ledger_head").iterator().next();
        Path file = settings.workDir().resolve("data/notary/checkpoints.jsonl");
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && logId.equals(Json.parse(line).path("logId").asText())).toList()
                : List.of();
        Set<Long> ids = lines.stream().map(line -> Json.parse(line).path("id").asLong(-1))
                .collect(Collectors.toSet());
        long stored = count("SELECT count(*) FROM ledger_checkpoint");
        check("the shared checkpoints.jsonl holds " + lines.size() + " checkpoints of this ledger, each once ("
                + ids.size() + " ids), as the database does (" + stored + ")", lines.size() >= 2
                && ids.size() == lines.size() && stored == lines.size());
        String archive = "{\"checkpoints\": [" + String.join(",", lines) + "]}";
        for (Side node : nodes) {
            HttpResponse<String> response = node.post("/api/ledger/verification", Side.ADMIN, archive);
            JsonNode report = Json.parse(response.body());
            check(node.name + " verifies the ledger with every checkpoint of the shared file (ok "
                    + report.path("ok").asBoolean() + ", " + report.path("journalEntries").asLong() + " entries, "
                    + report.path("checkpointsChecked").asLong() + " checkpoints checked, "
                    + report.path("findingCount").asLong() + " findings)", report.path("ok").asBoolean());
        }
    }

    /**
     * Every acknowledged request is in the store with its events, nothing is half-written, and no aggregate has a
     * gap in its sequence.
     */
    private void checkStore(Collection<Sent> acknowledged) throws SQLException {
        Set<String> processed = strings("SELECT request_id FROM processed_request");
        Set<String> inEvents = strings("SELECT DISTINCT convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' "
                + "FROM domainevententry WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' IS NOT NULL");
        List<Sent> missing = acknowledged.stream()
                .filter(sent -> !processed.contains(sent.requestId()) || !inEvents.contains(sent.requestId()))
                .toList();
        missing.stream().limit(20).forEach(sent -> Bench.log("acknowledged but not stored: POST " + sent.path()
                + " " + sent.requestId()));
        check("every acknowledged command is in the store (" + missing.size() + " of " + acknowledged.size()
                + " missing)", missing.isEmpty());
        Set<String> onlyOne = new HashSet<>(processed);
        onlyOne.removeAll(inEvents);
        Set<String> other = new HashSet<>(inEvents);
        other.removeAll(processed);
        check("nothing half-written: every processed request has its events and every event's request is "
                + "recorded (" + onlyOne.size() + " / " + other.size() + " not)", onlyOne.isEmpty() && other.isEmpty());
        long gaps = count("SELECT count(*) FROM (SELECT aggregateidentifier FROM domainevententry GROUP BY "
                + "aggregateidentifier HAVING max(sequencenumber) + 1 <> count(*)) gapped");
        check("no aggregate has a gap in its sequence (" + gaps + " have)", gaps == 0);
    }

    /** Every rebuildable projection of the node equals a rebuild from the event store. */
    private void checkProjections(Side query) throws Exception {
        JsonNode projections = Json.parse(query.get("/api/admin/projections", Side.ADMIN).body());
        for (JsonNode projection : projections) {
            if (projection.path("rebuildable").asBoolean()) {
                String name = projection.get("name").asText();
                HttpResponse<String> verified = query.get("/api/admin/projections/" + name + "/verify", Side.ADMIN);
                String state = Json.parse(verified.body()).path("state").asText();
                check(name + " equals a rebuild from the event store (" + state + ")", "EQUAL".equals(state));
            }
        }
    }

    /** Waits until the load has stored enough commands to kill into, or until the latest moment for the kill. */
    private void awaitStoredCommands() throws Exception {
        long deadline = System.nanoTime() + KILL_AT_THE_LATEST.toNanos();
        while (count("SELECT count(*) FROM processed_request") < KILL_AFTER_COMMANDS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Sends new submissions until one is acknowledged; the time from {@code since}. */
    private Duration awaitAcknowledged(Side command, List<Sent> acknowledged, long since) throws Exception {
        long deadline = since + RECOVERY_BOUND.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            Sent submission = submission();
            HttpResponse<String> response = command.post(submission.path(), Side.IMPORTER, submission.body());
            if (response.statusCode() / 100 == 2) {
                acknowledged.add(submission);
                return Duration.ofNanos(System.nanoTime() - since);
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Reads until one is answered 200; the time from {@code since}. */
    private Duration awaitAnswered(Side query, long since) throws Exception {
        long deadline = since + RECOVERY_BOUND.toNanos() * 2;
        while (System.nanoTime() < deadline && query.get("/api/bundle-cases?size=5", Side.ADMIN).statusCode() != 200) {
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static Sent submission() {
        return new Sent("/api/bundle-cases", """
                {"requestId": "drill-%s", "bundleCode": "2024-13",
                 "applicant": {"kind": "PERSON", "name": "赵六", "identifier": "141102198805051234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM"}""".formatted(UUID.randomUUID()));
    }

    private static boolean healthUp(Side side) throws Exception {
        return "UP".equals(Json.parse(side.get("/actuator/health", null).body()).path("status").asText());
    }

    /**
     * The owner of each segment of each processor, by processor: the node's label, "none" for a segment nobody
     * claims, or Axon's owner name ({@code pid@host}) of another process. {@code nodes} maps {@code pid@} to label.
     */
    private Map<String, List<String>> segmentOwners(Map<String, String> nodes) throws SQLException {
        Map<String, List<String>> owners = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processorname, owner FROM tokenentry "
                     + "ORDER BY processorname, segment")) {
            while (rows.next()) {
                String owner = rows.getString(2);
                String label = owner == null ? "none" : nodes.entrySet().stream()
                        .filter(node -> owner.startsWith(node.getKey())).map(Map.Entry::getValue).findFirst()
                        .orElse(owner);
                owners.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(label);
            }
        }
        return owners;
    }

    private Duration awaitOwners(Map<String, String> nodes, Predicate<Map<String, List<String>>> condition)
            throws Exception {
        long started = System.nanoTime();
        while (!condition.test(segmentOwners(nodes)) && System.nanoTime() - started < CLAIM_BOUND.toNanos()) {
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** "6 processors, owners by segment: [A, A, B, B] (6)", one entry per distinct pattern. */
    private static String ownership(Map<String, List<String>> owners) {
        Map<String, Long> patterns = new TreeMap<>();
        owners.values().forEach(segments -> patterns.merge(segments.toString(), 1L, Long::sum));
        return owners.size() + " processors, owners by segment: " + patterns.entrySet().stream()
                .map(pattern -> pattern.getKey() + " (" + pattern.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Result run(CommandLoad load, int clients) {
        try {
            return load.run(clients, LOAD_BOUND, 42);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers to requests sent again: server errors, and 2xx answers that were not replays of a stored outcome. */
    private record Resent(int serverErrors, int fresh) {
    }

    private Resent resend(Side command, List<Sent> requests) throws Exception {
        int serverErrors = 0;
        int fresh = 0;
        for (Sent request : requests) {
            HttpResponse<String> response = command.post(request.path(), Side.IMPORTER, request.body());
            if (response.statusCode() >= 500) {
                serverErrors++;
            } else if (response.statusCode() / 100 == 2
                    && !"true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(""))) {
                fresh++;
            }
        }
        return new Resent(serverErrors, fresh);
    }

    private void check(String what, boolean passed) {
        checks.put(what, passed);
        Bench.log((passed ? "PASS " : "FAIL ") + what);
    }

    private int report(String name) throws IOException {
        boolean passed = !checks.isEmpty() && checks.values().stream().allMatch(Boolean::booleanValue);
        StringBuilder text = new StringBuilder("**").append(name).append("**: ").append(passed ? "passed" : "FAILED")
                .append(", ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .substring(0, 16)).append(" UTC; ").append(setup).append("\n\n");
        facts.forEach(fact -> text.append("- ").append(fact).append('\n'));
        checks.forEach((check, ok) -> text.append("- ").append(ok ? "✓ " : "✗ ").append(check).append('\n'));
        System.out.println(text);
        Report.replaceSection(settings.out(), "<!-- drill:" + name + ":begin -->", "<!-- drill:" + name + ":end -->",
                text.toString());
        return passed ? 0 : 1;
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private long count(String sql) throws SQLException {
        return Bench.count(database, sql);
    }
}
