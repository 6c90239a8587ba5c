package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import cn.gov.lvliang.ledger.bench.RawBaselines.Rate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Realistic command mixes over HTTP against the command side, from a number of clients at once for a time. Seven in
 * ten scenarios are a whole bundle case at a window or online (submission, materials, acceptance, dispatch and
 * approval of every item, conclusion, delivery, rating); three in ten are a fundraising clue that becomes a disposal
 * case (record, assign, verify, open the case, order and complete a measure). The cases spread over every county
 * and a pool of applicants ({@link LoadPlaces}). Every command is one timed request; a scenario cut off by the end of
 * the run stops where it is.
 */
final class CommandLoad {

    private static final List<String> BUNDLES = List.of("2024-01", "2024-13");

    private final List<Side> nodes;
    private final Database database;
    /** Lead unit and the items' responsible units per bundle, as the command side recorded them in a submission. */
    private final Map<String, JsonNode> bundleShapes = new ConcurrentHashMap<>();
    /** Read from the store on the first run: the command side publishes the reference data when it first starts. */
    private LoadPlaces places;
    private volatile boolean stopped;

    CommandLoad(Side command, Database database) {
        this(List.of(command), database);
    }

    /**
     * A load over several command-side nodes: each client sends each command to the next node in turn, so every step
     * of a case is decided by another node than the step before it, right after that one changed the case.
     */
    CommandLoad(List<Side> nodes, Database database) {
        this.nodes = List.copyOf(nodes);
        this.database = database;
    }

    /**
     * What a run did: commands per second, their latencies in microseconds, the failures by status, and the
     * requests that were acknowledged (2xx), those whose outcome is unknown (the connection broke during the request),
     * and how many found no server to connect to.
     */
    record Result(Rate rate, Map<Integer, Long> failures, List<Sent> acknowledged, List<Sent> unknown,
                  long refused) {
    }

    /** One command as sent, so that a drill can check it in the store and send it again. */
    record Sent(String path, String body) {

        String requestId() {
            return Json.parse(body).get("requestId").asText();
        }
    }

    /** Ends a run before its time: each client stops before its next command. */
    void stop() {
        stopped = true;
    }

    Result run(int clients, Duration duration, long seed) throws Exception {
        stopped = false;
        if (places == null) {
            places = LoadPlaces.read(database);
        }
        LoadPlaces where = places;
        AtomicLong refused = new AtomicLong();
        Recorder latencies = new Recorder(3);
        Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
        Queue<Sent> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<Sent> unknown = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Future<Long>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed + i);
            workers.add(pool.submit(() -> {
                Client client = new Client(latencies, failures, acknowledged, unknown, refused, end);
                while (System.nanoTime() < end && !stopped) {
                    if (random.nextInt(10) < 7) {
                        client.bundleCase(BUNDLES.get(random.nextInt(BUNDLES.size())), where.county(random),
                                where.applicant(random), random.nextBoolean());
                    } else {
                        client.fundraisingCase(where.fundraisingCounty(random));
                    }
                }
                return client.commands;
            }));
        }
        long commands = 0;
        for (Future<Long> worker : workers) {
            commands += worker.get();
        }
        pool.shutdown();
        Map<Integer, Long> failed = new TreeMap<>();
        failures.forEach((status, count) -> failed.put(status, count.get()));
        return new Result(new Rate(commands, Duration.ofNanos(System.nanoTime() - started),
                latencies.getIntervalHistogram()), failed, List.copyOf(acknowledged), List.copyOf(unknown),
                refused.get());
    }

    /** One client: its commands, timed, until the end of the run. */
    private final class Client {

        private final Recorder latencies;
        private final Map<Integer, AtomicLong> failures;
        private final Queue<Sent> acknowledged;
        private final Queue<Sent> unknown;
        private final AtomicLong refused;
        private final long end;
        long commands;
        /** Commands this client sent or tried to send: which node is next. */
        private long turn;

        Client(Recorder latencies, Map<Integer, AtomicLong> failures, Queue<Sent> acknowledged, Queue<Sent> unknown,
               AtomicLong refused, long end) {
            this.latencies = latencies;
            this.failures = failures;
            this.acknowledged = acknowledged;
            this.unknown = unknown;
            this.refused = refused;
            this.end = end;
        }

        void bundleCase(String bundleCode, LoadPlaces.County county, LoadPlaces.Applicant applicant,
                        boolean atWindow) throws Exception {
            String channel = atWindow ? """
                    "hallCode": "%s", "channel": "WINDOW", "windowCode": "%s\"""".formatted(county.hallCode(),
                    county.windowCode()) : """
                    "channel": "ONLINE_PLATFORM\"""";
            JsonNode submitted = send("/api/bundle-cases", """
                    {"requestId": "%s", "bundleCode": "%s",
                     "applicant": {"kind": "PERSON", "name": "%s", "identifier": "%s", "phone": "%s"},
                     "divisionCode": "%s", %s}""".formatted(requestId(), bundleCode, applicant.name(),
                    applicant.identifier(), applicant.phone(), county.code(), channel));
            if (submitted == null) {
                return;
            }
            String caseId = submitted.get("caseId").asText();
            String path = "/api/bundle-cases/" + caseId;
            JsonNode shape = bundleShapes.computeIfAbsent(bundleCode, code -> shapeOf(caseId));
            String lead = shape.get("leadUnit").asText();
            if (send(path + "/materials", """
                    {"requestId": "%s", "submitted": ["申请表", "身份证明"],
                     "waived": [{"name": "营业执照", "basis": "E_LICENCE"}]}""".formatted(requestId())) == null
                    || send(path + "/acceptance", unitStep(lead)) == null) {
                return;
            }
            for (JsonNode item : shape.get("items")) {
                if (send(path + "/items/" + item.get("seq").asInt() + "/dispatch", unitStep(lead)) == null) {
                    return;
                }
            }
            for (JsonNode item : shape.get("items")) {
                if (send(path + "/items/" + item.get("seq").asInt() + "/approval", """
                        {"requestId": "%s", "actingUnit": "%s", "result": "JY%s"}""".formatted(requestId(),
                        item.get("responsibleUnit").asText(), item.get("seq").asInt())) == null) {
                    return;
                }
            }
            if (send(path + "/conclusion", unitStep(lead)) != null
                    && send(path + "/delivery", """
                    {"requestId": "%s", "method": "%s"}""".formatted(requestId(), atWindow ? "AT_WINDOW" : "POSTAL"))
                    != null) {
                send(path + "/rating", """
                        {"requestId": "%s", "score": 5, "reasons": ["办事快"]}""".formatted(requestId()));
            }
        }

        void fundraisingCase(LoadPlaces.County county) throws Exception {
            String office = county.govOffice();
            String regulator = county.marketRegulation();
            String subject = county.name() + "某某养老服务有限公司";
            JsonNode clue = send("/api/fundraising/clues", """
                    {"requestId": "%s", "recordingUnit": "%s", "source": "PUBLIC_REPORT",
                     "divisionCode": "%s", "keyArea": "ELDERLY_CARE",
                     "subject": {"kind": "ENTERPRISE", "name": "%s"},
                     "summary": "以养老床位预订为名承诺高额回报", "estimatedAmountYuan": "240000.50",
                     "estimatedParticipants": 18, "reporter": {"anonymous": true, "handle": "SXFJ-0042"}}"""
                    .formatted(requestId(), office, county.code(), subject));
            if (clue == null) {
                return;
            }
            String clueId = clue.get("clueId").asText();
            String cluePath = "/api/fundraising/clues/" + clueId;
            if (send(cluePath + "/verification-assignment", """
                    {"requestId": "%s", "actingUnit": "%s", "assignedUnit": "%s"}"""
                    .formatted(requestId(), office, regulator)) == null
                    || send(cluePath + "/verification", """
                    {"requestId": "%s", "actingUnit": "%s", "outcome": "RISK_CONFIRMED",
                     "notes": "实地走访，调取合同及收款记录"}""".formatted(requestId(), regulator)) == null) {
                return;
            }
            JsonNode opened = send("/api/fundraising/cases", """
                    {"requestId": "%s", "actingUnit": "%s", "divisionCode": "%s",
                     "name": "%s涉嫌非法集资案",
                     "subject": {"kind": "ENTERPRISE", "name": "%s"}, "keyArea": "ELDERLY_CARE",
                     "clueIds": ["%s"], "estimatedAmountYuan": "240000.50", "estimatedParticipants": 18,
                     "crossProvince": false}""".formatted(requestId(), office, county.code(), subject, subject,
                    clueId));
            if (opened == null) {
                return;
            }
            String casePath = "/api/fundraising/cases/" + opened.get("caseId").asText();
            JsonNode measure = send(casePath + "/measures", """
                    {"requestId": "%s", "kind": "WARNING_TALK", "orderingUnit": "%s",
                     "description": "约谈法定代表人"}""".formatted(requestId(), regulator));
            if (measure != null) {
                send(casePath + "/measures/" + measure.get("result").asText() + "/completion", """
                        {"requestId": "%s", "actingUnit": "%s", "text": "已约谈"}"""
                        .formatted(requestId(), regulator));
            }
        }

        /** Sends one command and times it; the answer's body, or null once the run is over or it failed. */
        private JsonNode send(String path, String body) throws IOException, InterruptedException {
            if (System.nanoTime() >= end || stopped) {
                return null;
            }
            Side command = nodes.get((int) (turn++ % nodes.size()));
            long t0 = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = command.post(path, Side.IMPORTER, body);
            } catch (ConnectException e) {
                // No server (a drill killed it and it is not back yet): the command never reached it.
                refused.incrementAndGet();
                Thread.sleep(100);
                return null;
            } catch (IOException e) {
                // The connection broke during the request: whether the command was stored only the store knows.
                unknown.add(new Sent(path, body));
                return null;
            }
            latencies.recordValue((System.nanoTime() - t0) / 1_000);
            commands++;
            if (response.statusCode() / 100 != 2) {
                failures.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                return null;
            }
            acknowledged.add(new Sent(path, body));
            // A 2xx without a body gives the client nothing to go on with (such as the new case's id): the scenario
            // ends here, though the answer counts as acknowledged, as a client would take it.
            return response.body().isBlank() ? null : Json.parse(response.body());
        }

        private String unitStep(String unit) {
            return """
                    {"requestId": "%s", "actingUnit": "%s"}""".formatted(requestId(), unit);
        }
    }

    /** The submission as stored: its lead unit and items with their responsible units. */
    private JsonNode shapeOf(String caseId) {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT payload FROM domainevententry "
                     + "WHERE aggregateidentifier = ? AND sequencenumber = 0")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Json.MAPPER.readTree(row.getBytes(1));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the submission of " + caseId, e);
        }
    }

    private static String requestId() {
        return "bench-" + UUID.randomUUID();
    }
}
