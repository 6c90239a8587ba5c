package cn.gov.lvliang.ledger.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many clients appending to the same few bundle cases through several command-side nodes at once. The commands are
 * legal in any order and any number of times while a case is open, and each appends exactly one event: materials,
 * in-person visits (numbered by the case: the n-th visit is number n), complaints and assisted handling. Client
 * {@code i} sends through node {@code i mod nodes}, so every case gets commands from every node at the same moments.
 */
final class ContendedCases {

    /** The event each contended command appends, by its endpoint. */
    static final List<String> EVENT_TYPES = List.of("MaterialsRecordedEvent", "VisitRecordedEvent",
            "ComplaintLodgedEvent", "AssistanceRecordedEvent");

    /** One command sent to a contended case, the node it went to, and how it was answered. */
    record Sent(String caseId, int node, String path, String body, int status, String problemRule) {

        String requestId() {
            return Json.parse(body).get("requestId").asText();
        }

        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private final List<Side> nodes;
    private final List<String> caseIds = new ArrayList<>();

    ContendedCases(List<Side> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Submits the cases online (so that no visit is recorded with the submission), alternating the nodes. */
    List<String> open(int cases) throws IOException, InterruptedException {
        for (int i = 0; i < cases; i++) {
            HttpResponse<String> response = nodes.get(i % nodes.size()).post("/api/bundle-cases", Side.IMPORTER, """
                    {"requestId": "%s", "bundleCode": "2024-01",
                     "applicant": {"kind": "PERSON", "name": "王五", "identifier": "141102199001011234"},
                     "divisionCode": "141102", "channel": "ONLINE_PLATFORM"}""".formatted(requestId()));
            Queries.expectOk(response, "submission of a contended case");
            caseIds.add(Json.parse(response.body()).get("caseId").asText());
        }
        return List.copyOf(caseIds);
    }

    /** Every client sends commands to random contended cases until the time is up; every command sent, answered. */
    List<Sent> run(int clients, Duration duration, long seed) throws Exception {
        Queue<Sent> sent = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int node = i % nodes.size();
            Random random = new Random(seed + i);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String caseId = caseIds.get(random.nextInt(caseIds.size()));
                    String[] command = command(caseId, random.nextInt(EVENT_TYPES.size()));
                    HttpResponse<String> response = nodes.get(node).post(command[0], Side.IMPORTER, command[1]);
                    String rule = "";
                    if (response.statusCode() == 409) {
                        rule = response.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json")
                                ? Json.parse(response.body()).path("rule").asText("?") : "not problem+json";
                    }
                    sent.add(new Sent(caseId, node, command[0], command[1], response.statusCode(), rule));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return List.copyOf(sent);
    }

    /** Answers by status, over all commands sent. */
    static Map<Integer, Long> byStatus(List<Sent> sent) {
        Map<Integer, Long> statuses = new TreeMap<>();
        sent.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
        return statuses;
    }

    /** Path and body of a command of the given kind (an index into {@link #EVENT_TYPES}). */
    private static String[] command(String caseId, int kind) {
        String path = "/api/bundle-cases/" + caseId;
        return switch (kind) {
            case 0 -> new String[] {path + "/materials", """
                    {"requestId": "%s", "submitted": ["补充说明"]}""".formatted(requestId())};
            case 1 -> new String[] {path + "/visits", """
                    {"requestId": "%s", "hallCode": "141102-HALL", "windowCode": "141102-HALL-W04",
                     "purpose": "CONSULTATION"}""".formatted(requestId())};
            case 2 -> new String[] {path + "/complaints", """
                    {"requestId": "%s", "content": "办理进度查询不到"}""".formatted(requestId())};
            default -> new String[] {path + "/assistance", """
                    {"requestId": "%s", "assistant": "LS-BB-017", "kind": "ASSISTED", "steps": ["填写申请表"]}"""
                    .formatted(requestId())};
        };
    }

    private static String requestId() {
        return "bench-" + UUID.randomUUID();
    }
}
