package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.Bench.Settings;
import cn.gov.lvliang.ledger.bench.CommandLoad.Result;
import cn.gov.lvliang.ledger.bench.CommandLoad.Sent;
import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Fault drills with real processes on loopback, each bounded in time: {@code ./ledger drill kill-command-side} and
 * {@code ./ledger drill kill-query-side}. Each prints its checks and writes them into docs/perf.md; the exit status
 * is 1 if a check failed.
 */
final class Drills {

    private static final int CLIENTS = 8;
    /** The kill comes once this many commands are stored, or after {@link #KILL_AT_THE_LATEST}. */
    private static final int KILL_AFTER_COMMANDS = 300;
    private static final Duration KILL_AT_THE_LATEST = Duration.ofSeconds(90);
    /** The load goes on this long once the killed side is back, and stops in any case after {@link #LOAD_BOUND}. */
    private static final Duration LOAD_AFTER_RESTART = Duration.ofSeconds(15);
    private static final Duration LOAD_BOUND = Duration.ofMinutes(6);

    private final Settings settings;
    private final Database database;
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final List<String> facts = new ArrayList<>();

    private Drills(Settings settings) {
        this.settings = settings;
        this.database = new Database(settings.dbUrl(), "ledger", "ledger");
    }

    static int run(String name, Settings settings) throws Exception {
        Drills drills = new Drills(settings);
        switch (name) {
            case "kill-command-side" -> drills.killCommandSide();
            case "kill-query-side" -> drills.killQuerySide();
            default -> throw new IllegalArgumentException("unknown drill " + name
                    + " (kill-command-side or kill-query-side)");
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
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(load));
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
            Set<String> processed = strings("SELECT request_id FROM processed_request");
            Set<String> inEvents = strings("SELECT DISTINCT convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' "
                    + "FROM domainevententry WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' IS NOT NULL");
            long missing = result.acknowledged().stream().map(Sent::requestId)
                    .filter(id -> !processed.contains(id) || !inEvents.contains(id)).count();
            check("every acknowledged command is in the store (" + missing + " missing)", missing == 0);
            Set<String> onlyOne = new HashSet<>(processed);
            onlyOne.removeAll(inEvents);
            Set<String> other = new HashSet<>(inEvents);
            other.removeAll(processed);
            check("nothing half-written: every processed request has its events and every event's request is "
                    + "recorded (" + onlyOne.size() + " / " + other.size() + " not)", onlyOne.isEmpty()
                    && other.isEmpty());
            long gaps = count("SELECT count(*) FROM (SELECT aggregateidentifier FROM domainevententry GROUP BY "
                    + "aggregateidentifier HAVING max(sequencenumber) + 1 <> count(*)) gapped");
            check("no aggregate has a gap in its sequence (" + gaps + " have)", gaps == 0);

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
            CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> run(load));
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
                Queries queries = new Queries(restarted, command);
                queries.awaitCaughtUp(Duration.ofMinutes(10));
                JsonNode projections = Json.parse(restarted.get("/api/admin/projections", Side.ADMIN).body());
                for (JsonNode projection : projections) {
                    if (projection.path("rebuildable").asBoolean()) {
                        String name = projection.get("name").asText();
                        HttpResponse<String> verified = restarted.get("/api/admin/projections/" + name + "/verify",
                                Side.ADMIN);
                        String state = Json.parse(verified.body()).path("state").asText();
                        check(name + " equals a rebuild from the event store (" + state + ")", "EQUAL".equals(state));
                    }
                }
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

    private Result run(CommandLoad load) {
        try {
            return load.run(CLIENTS, LOAD_BOUND, 42);
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

    private int report(String name) throws Exception {
        boolean passed = !checks.isEmpty() && checks.values().stream().allMatch(Boolean::booleanValue);
        StringBuilder text = new StringBuilder("**").append(name).append("**: ").append(passed ? "passed" : "FAILED")
                .append(", ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .substring(0, 16)).append(" UTC; ").append(CLIENTS).append(" clients, kill -9 once ")
                .append(KILL_AFTER_COMMANDS).append(" commands were stored, load until ")
                .append(LOAD_AFTER_RESTART.toSeconds()).append(" s after the restart.\n\n");
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
