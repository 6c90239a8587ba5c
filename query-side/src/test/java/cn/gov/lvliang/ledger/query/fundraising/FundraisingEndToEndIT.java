package cn.gov.lvliang.ledger.query.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.LedgerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole path on PostgreSQL for the fundraising campaign: REST commands to the command side (its real jar, as a
 * process) record three clues in 文水 in May 2025 and take one of them through a case to its closure; the events go
 * through the event store to the query side's projections, and the statistics tables, the funnel, the recovery
 * figures and the details show them. The test database keeps what earlier runs left, so the tables are read before
 * and after, and the differences are what this run added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FundraisingEndToEndIT {

    private static final String WENSHUI = "141121";
    private static final String LEAD = "141121_GOV_OFFICE";
    private static final String REGULATOR = "141121_MARKET_REGULATION";
    private static final String PERIOD = "division=" + WENSHUI + "&from=2025-05-01&to=2025-05-31";

    @TempDir
    static Path workDir;

    static LedgerProcess commandSide;

    @Autowired
    TestRestTemplate querySide;

    @BeforeAll
    static void startCommandSide(@Value("${spring.datasource.url}") String url,
                                 @Value("${spring.datasource.username}") String user,
                                 @Value("${spring.datasource.password}") String password) {
        // A -Dtest pattern such as *Fundrais* also hands this class to surefire, before anything is packaged.
        assumeTrue(Files.isRegularFile(Path.of("..", "command-side", "target", "command-side.jar")),
                "the command side's jar is packaged by mvn verify, which runs this test with failsafe");
        commandSide = LedgerProcess.start("command-side", LedgerProcess.commandSideJar(),
                Map.of("LEDGER_DB_URL", url, "LEDGER_DB_USER", user, "LEDGER_DB_PASSWORD", password), workDir);
    }

    @AfterAll
    static void stopCommandSide() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void aClueTakenThroughACaseToItsClosure_reachesTheStatisticsTables() throws Exception {
        JsonNode workBefore = totals("campaign-work");
        JsonNode cluesBefore = totals("risk-clues");
        JsonNode funnelBefore = get("/api/fundraising/funnel?" + PERIOD).get("stages");

        // Three clues in 文水 in May 2025: a public report found risky, an online find without risk, a repeat.
        String reported = post("/api/fundraising/clues", clue("PUBLIC_REPORT", "\"1000000\"",
                ", \"reporter\": {\"anonymous\": true, \"handle\": \"SXFJ-E2E-0001\"}", "2025-05-06T01:00:00Z"))
                .get("clueId").asText();
        step("/api/fundraising/clues/" + reported + "/verification-assignment", """
                {"requestId": "%s", "actingUnit": "%s", "assignedUnit": "%s", "businessTime": "2025-05-06T02:00:00Z"}"""
                .formatted(id(), LEAD, REGULATOR));
        step("/api/fundraising/clues/" + reported + "/verification", """
                {"requestId": "%s", "actingUnit": "%s", "outcome": "RISK_CONFIRMED", "notes": "走访核实，确有高息揽储",
                 "businessTime": "2025-05-08T02:00:00Z"}""".formatted(id(), REGULATOR));
        step("/api/fundraising/clues/" + reported + "/reward", """
                {"requestId": "%s", "actingUnit": "%s", "amountYuan": "500", "businessTime": "2025-05-09T02:00:00Z"}"""
                .formatted(id(), LEAD));
        String online = post("/api/fundraising/clues", clue("ONLINE_MONITORING", "null", "",
                "2025-05-07T01:00:00Z")).get("clueId").asText();
        step("/api/fundraising/clues/" + online + "/verification-assignment", """
                {"requestId": "%s", "actingUnit": "%s", "assignedUnit": "%s", "businessTime": "2025-05-07T02:00:00Z"}"""
                .formatted(id(), LEAD, REGULATOR));
        step("/api/fundraising/clues/" + online + "/verification", """
                {"requestId": "%s", "actingUnit": "%s", "outcome": "NO_RISK", "notes": "系正规理财产品宣传",
                 "businessTime": "2025-05-09T02:00:00Z"}""".formatted(id(), REGULATOR));
        String repeat = post("/api/fundraising/clues", clue("GRID_WORKER", "null", "", "2025-05-08T01:00:00Z"))
                .get("clueId").asText();
        step("/api/fundraising/clues/" + repeat + "/duplicate", """
                {"requestId": "%s", "actingUnit": "%s", "duplicateOfClueId": "%s",
                 "businessTime": "2025-05-08T03:00:00Z"}"""
                .formatted(id(), LEAD, reported));

        // The case: opened across provinces, determined by the county, a warning talk, recovery, registration, a
        // refund round, a petition, and closure after administrative disposal.
        String caseId = post("/api/fundraising/cases", """
                {"requestId": "%s", "actingUnit": "%s", "divisionCode": "%s", "name": "文水端到端理财咨询有限公司涉嫌非法集资案",
                 "subject": {"kind": "ENTERPRISE", "name": "文水端到端理财咨询有限公司"}, "keyArea": "WEALTH_MANAGEMENT",
                 "clueIds": ["%s"], "estimatedAmountYuan": "1200000", "estimatedParticipants": 90,
                 "crossProvince": true,
                 "provinces": ["610000"], "businessTime": "2025-05-10T02:00:00Z"}"""
                .formatted(id(), LEAD, WENSHUI, reported)).get("caseId").asText();
        String cases = "/api/fundraising/cases/" + caseId;
        step(cases + "/determination", """
                {"requestId": "%s", "actingUnit": "%s", "outcome": "ILLEGAL_FUNDRAISING",
                 "basis": "未经批准向社会不特定对象吸收资金，情节较轻，予以行政处置", "businessTime": "2025-05-12T02:00:00Z"}"""
                .formatted(id(), LEAD));
        String measureId = post(cases + "/measures", """
                {"requestId": "%s", "kind": "WARNING_TALK", "orderingUnit": "%s", "description": "约谈法定代表人",
                 "businessTime": "2025-05-13T02:00:00Z"}""".formatted(id(), REGULATOR)).get("result").asText();
        step(cases + "/measures/" + measureId + "/completion", """
                {"requestId": "%s", "actingUnit": "%s", "text": "已约谈并签署承诺书", "businessTime": "2025-05-14T02:00:00Z"}"""
                .formatted(id(), REGULATOR));
        step(cases + "/recoveries", """
                {"requestId": "%s", "actingUnit": "%s", "kind": "CASH", "amountYuan": "300000", "description": "主动退缴",
                 "businessTime": "2025-05-15T02:00:00Z"}""".formatted(id(), LEAD));
        step(cases + "/participant-batches", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "participants": [
                  {"participantReference": "WS-E2E-001", "claimYuan": "200000"},
                  {"participantReference": "WS-E2E-002", "claimYuan": "100000"}],
                 "businessTime": "2025-05-16T02:00:00Z"}"""
                .formatted(id()));
        step(cases + "/refund-rounds", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "roundTotalYuan": "150000",
                 "businessTime": "2025-05-17T02:00:00Z"}""".formatted(id()));
        String petitionId = post(cases + "/petitions", """
                {"requestId": "%s", "actingUnit": "141121_PETITIONS", "petitioners": 4, "summary": "要求尽快清退",
                 "businessTime": "2025-05-18T02:00:00Z"}""".formatted(id())).get("result").asText();
        step(cases + "/petitions/" + petitionId + "/handling", """
                {"requestId": "%s", "actingUnit": "141121_PETITIONS", "outcome": "ANSWERED", "note": "已解释清退安排",
                 "businessTime": "2025-05-19T02:00:00Z"}""".formatted(id()));
        step(cases + "/closure", """
                {"requestId": "%s", "actingUnit": "%s", "resolution": "CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL",
                 "businessTime": "2025-05-20T02:00:00Z"}""".formatted(id(), LEAD));

        JsonNode detail = await("the closed case on the query side").atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> get("/api/fundraising/cases/" + caseId),
                        view -> view.get("status").asText().equals("CLOSED"));
        assertThat(detail.get("money").get("recoveryCoverage").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(detail.get("money").get("refundOfRecovered").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(detail.get("money").get("refundOfClaims").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(detail.get("provinces").findValuesAsText("name")).containsExactly("陕西省");
        // The reward came before the case took the clue in: awaiting the reward alone races the later event.
        JsonNode clue = await("the clues on the query side").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get("/api/fundraising/clues/" + reported), view -> view.get("rewarded").asBoolean()
                        && view.get("status").asText().equals("IN_CASE"));
        assertThat(clue.get("caseId").asText()).isEqualTo(caseId);
        await("the repeat on the query side").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get("/api/fundraising/clues/" + repeat).get("status").asText().equals("DUPLICATE"));

        JsonNode clues = difference(cluesBefore, totals("risk-clues"));
        assertThat(clues).isEqualTo(expected("cluesRecorded=3", "onlineMonitoring=1", "offlineScreening=0",
                "publicReport=1", "abnormalFundFlow=0", "gridWorker=1", "petition=0", "estimatedAmountYuan=1000000.00",
                "verified=2", "noRisk=1", "riskConfirmed=1", "needsDetermination=0", "overdue=0", "duplicates=1",
                "takenIntoCases=1", "recordedEnded=3", "awaitingVerificationAtEnd=0", "awaitingCaseAtEnd=0",
                "rewards=1", "rewardYuan=500.00"));
        JsonNode work = difference(workBefore, totals("campaign-work"));
        assertThat(work).isEqualTo(expected("cluesRecorded=3", "cluesVerifiedWithRisk=1", "casesOpened=1",
                "casesInvolvedAmountYuan=1200000.00", "casesParticipants=90", "casesEscalated=0", "casesDetermined=1",
                "determinedIllegal=1", "determinedCrime=0", "determinedNotIllegal=0", "measuresOrdered=1",
                "warningTalks=1", "rectificationOrders=0", "seizures=0", "orderedRefunds=0", "finesOrWarnings=0",
                "measuresCompleted=1", "transferredToPolice=0", "policeFiled=0", "indicted=0", "judged=0",
                "recoveredYuan=300000.00", "participantsRegistered=2", "refundedYuan=150000.00", "casesClosed=1",
                "casesPendingAtEnd=0", "legacyCases=0", "legacyResolved=0", "petitionsReceived=1",
                "petitionsHandled=1"));

        JsonNode crossProvince = get("/api/fundraising/statistics/cross-province?" + PERIOD);
        JsonNode row = null;
        for (JsonNode candidate : crossProvince.get("rows")) {
            if (candidate.get("caseId").asText().equals(caseId)) {
                row = candidate;
            }
        }
        assertThat(row).as("the case in attachment 4").isNotNull();
        assertThat(row.get("provinces").asText()).isEqualTo("陕西省");
        assertThat(row.get("category").asText()).isEqualTo("案件");
        assertThat(row.get("stage").asText()).isEqualTo("已结案（行政处置后结案）");
        assertThat(row.get("recoveryCoverage").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(row.get("division").asText()).isEqualTo("文水县");

        JsonNode funnel = get("/api/fundraising/funnel?" + PERIOD).get("stages");
        long[] expectedFunnel = {3, 1, 1, 1, 1, 0, 1};
        for (int stage = 0; stage < expectedFunnel.length; stage++) {
            assertThat(funnel.get(stage).get("count").asLong() - funnelBefore.get(stage).get("count").asLong())
                    .as(funnel.get(stage).get("key").asText()).isEqualTo(expectedFunnel[stage]);
        }
        JsonNode recovery = get("/api/fundraising/recovery?division=" + WENSHUI + "&asOf=2025-05-31");
        JsonNode ours = null;
        for (JsonNode candidate : recovery.get("cases")) {
            if (candidate.get("caseId").asText().equals(caseId)) {
                ours = candidate;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("recoveredFen").asLong()).isEqualTo(30_000_000L);
        assertThat(ours.get("refundOfClaims").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void theCalendarAndTheLegacyCasesPublishedAndImportedOnTheCommandSide_areServed() throws Exception {
        // Imported once per database: a later run finds it imported (409) and the view shows it all the same.
        HttpResponse<String> imported = commandSide.postJson("/api/fundraising/legacy-cases/141102-1/import", """
                {"requestId": "%s", "actingUnit": "CITY_POLITICAL_LEGAL", "businessTime": "2025-05-05T02:00:00Z"}"""
                .formatted(id()));
        assertThat(imported.statusCode()).as(imported.body()).isIn(201, 409);

        JsonNode legacy = await("the legacy case on the query side").atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> get("/api/fundraising/legacy-cases"), view -> view.get("cases").get(2)
                        .get("imported").asBoolean());
        JsonNode niu = legacy.get("cases").get(2);
        assertThat(niu.get("legacyCode").asText()).isEqualTo("141102-1");
        assertThat(niu.get("caseId").asText()).isEqualTo("legacy-141102-1");
        assertThat(niu.get("name").asText()).isEqualTo("牛志明非法集资案");
        assertThat(niu.get("printedAs").asText()).isEqualTo("离石牛志明非法集资案1起");
        assertThat(legacy.get("total").asInt()).isGreaterThanOrEqualTo(6);

        JsonNode calendar = await("the published calendar").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get("/api/fundraising/campaign/calendar"), view -> view.has("phases"));
        assertThat(calendar.get("phases").findValuesAsText("code")).containsExactly("DEPLOYMENT", "RISK_SCREENING",
                "CRACKDOWN_AND_DISPOSAL", "RULE_BUILDING", "CONSOLIDATION");
        JsonNode standing = get("/api/fundraising/campaign?division=" + WENSHUI);
        assertThat(standing.get("submissionsRecorded").asBoolean()).isFalse();
        assertThat(standing.get("deadlines").findValuesAsText("code")).containsExactly("WORK_PLAN",
                "PROGRESS_2024_H2", "PROGRESS_2025_H1", "FINAL_SUMMARY");
    }

    private JsonNode totals(String table) {
        return get("/api/fundraising/statistics/" + table + "?" + PERIOD).get("totals");
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = querySide.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + " -> " + response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = commandSide.postJson(path, body);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isBetween(200, 299);
        return Json.parse(response.body());
    }

    private static void step(String path, String body) throws Exception {
        post(path, body);
    }

    private static String clue(String source, String amountYuan, String reporter, String businessTime) {
        return """
                {"requestId": "%s", "recordingUnit": "%s", "source": "%s", "divisionCode": "%s",
                 "keyArea": "WEALTH_MANAGEMENT", "subject": {"kind": "ENTERPRISE", "name": "文水端到端理财咨询有限公司"},
                 "summary": "承诺年化15%%收益吸收资金", "estimatedAmountYuan": %s%s, "businessTime": "%s"}"""
                .formatted(id(), LEAD, source, WENSHUI, amountYuan, reporter, businessTime);
    }

    private static String id() {
        return "e2e-fundraising-" + UUID.randomUUID();
    }

    /** The counts and amounts that grew between two totals rows; ratios are left out. */
    private static JsonNode difference(JsonNode before, JsonNode after) {
        Map<String, String> grown = new HashMap<>();
        after.fieldNames().forEachRemaining(key -> {
            JsonNode value = after.get(key);
            if (value.isNumber() && !key.endsWith("Rate")) {
                BigDecimal delta = value.decimalValue().subtract(before.get(key).decimalValue());
                grown.put(key, delta.scale() > 0 ? delta.setScale(2).toPlainString() : delta.toPlainString());
            }
        });
        return Json.parse(toJson(grown));
    }

    private static JsonNode expected(String... entries) {
        Map<String, String> values = new HashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            values.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return Json.parse(toJson(values));
    }

    private static String toJson(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                .append("\":\"").append(value).append('"'));
        return json.append('}').toString();
    }
}
