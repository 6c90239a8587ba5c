package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.CALENDAR_PUBLISHED;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.WENSHUI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.anonymous;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.determined;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.imported;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.measure;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.opened;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.overdue;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.registered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.transferred;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The fundraising REST contract over HTTP on the shared test database: the clue ledger and the case list with their
 * filters, sorting and paging, the details, the statistics endpoints' shape, and the 400s and 404s. Each test's clues
 * and cases carry a token of their own in their names and are found by it ({@code q=}), since the database holds
 * others' too; the exact figures are {@link FundraisingStatisticsContract}'s.
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundraisingApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RiskClueProjection clues;

    @Autowired
    DisposalCaseProjection cases;

    @Autowired
    CampaignCalendarProjection calendar;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    String token;
    FundraisingEvents events;

    @BeforeEach
    void publishNames() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        token = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        events = FundraisingEvents.into(clues, cases);
    }

    @AfterAll
    void restoreTheReadModelsFromTheEventStore() {
        FundraisingReadModels.restore(processing);
    }

    @Test
    void clueDetail_showsTheClueWithItsNamesAndExactAmount() {
        String clueId = newId();
        events.apply(recorded(clueId, LISHI, ClueSource.PUBLIC_REPORT, KeyArea.ELDERLY_CARE, token + "养老服务有限公司",
                240_000_050L, anonymous(), beijing("2025-03-03T09:00")));

        ResponseEntity<String> response = http.getForEntity("/api/fundraising/clues/" + clueId, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"estimatedAmountYuan\":2400000.50");
        JsonNode view = Json.parse(response.getBody());
        assertThat(view.get("divisionName").asText()).isEqualTo("离石区");
        assertThat(view.get("status").asText()).isEqualTo("RECORDED");
        assertThat(view.get("recordedAt").asText()).isEqualTo("2025-03-03T01:00:00Z");
        assertThat(view.get("estimatedAmountFen").asLong()).isEqualTo(240_000_050L);
        assertThat(view.get("reporterAnonymous").asBoolean()).isTrue();
        assertThat(response.getBody()).as("the reporter's handle stays in the event store")
                .doesNotContain("SXFJ");
    }

    @Test
    void unknownClueOrCase_isAProblemNotFound() {
        for (String path : List.of("/api/fundraising/clues/no-such-clue", "/api/fundraising/cases/no-such-case",
                "/api/fundraising/cases/no-such-case/participants", "/api/fundraising/statistics/attachment-9")) {
            ResponseEntity<String> response = http.getForEntity(path + "?from=2025-01-01&to=2025-03-31",
                    String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
    }

    @Test
    void theClueLedger_isFilteredSortedAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String clueId = newId();
            ids.add(clueId);
            events.apply(recorded(clueId, i < 3 ? LISHI : WENSHUI,
                    i % 2 == 0 ? ClueSource.GRID_WORKER : ClueSource.ONLINE_MONITORING, KeyArea.AGRICULTURE,
                    token + "合作社" + i, (long) (i + 1) * 1_000_000L, null, beijing("2025-02-0" + (i + 1) + "T10:00")));
        }
        events.apply(assigned(ids.get(0), LISHI, LocalDate.of(2025, 2, 20), beijing("2025-02-02T10:00")));
        events.apply(overdue(ids.get(0), LISHI, LocalDate.of(2025, 2, 20)));
        events.apply(assigned(ids.get(1), LISHI, LocalDate.of(2025, 2, 21), beijing("2025-02-03T10:00")));
        events.apply(verified(ids.get(1), LISHI, VerificationOutcome.NO_RISK, beijing("2025-02-04T10:00")));

        JsonNode all = page("/api/fundraising/clues?q=" + token + "&sort=recordedAt&direction=asc&size=2");
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("size").asInt()).isEqualTo(2);
        assertThat(all.get("items").findValuesAsText("clueId")).containsExactly(ids.get(0), ids.get(1));
        assertThat(page("/api/fundraising/clues?q=" + token + "&sort=recordedAt&direction=asc&size=2&page=2")
                .get("items").findValuesAsText("clueId")).containsExactly(ids.get(4));
        assertThat(clueIds("division=" + WENSHUI)).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
        assertThat(clueIds("source=GRID_WORKER")).containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(4));
        assertThat(clueIds("source=GRID_WORKER,ONLINE_MONITORING")).hasSize(5);
        assertThat(clueIds("status=VERIFYING&status=NO_RISK")).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(clueIds("outcome=NO_RISK")).containsExactly(ids.get(1));
        assertThat(clueIds("overdue=true")).containsExactly(ids.get(0));
        assertThat(clueIds("keyArea=AGRICULTURE&from=2025-02-02&to=2025-02-03"))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(page("/api/fundraising/clues?q=" + token + "&sort=estimatedAmount").get("items")
                .findValuesAsText("clueId")).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1),
                ids.get(0));
        assertThat(page("/api/fundraising/clues?q=" + token + "&sort=dueDate&direction=asc").get("items")
                .findValuesAsText("clueId")).startsWith(ids.get(0), ids.get(1));
    }

    @Test
    void theCaseList_andTheDetail_andTheParticipants() {
        String administrative = newId();
        String criminal = newId();
        String legacy = "legacy-" + token;
        events.apply(opened(administrative, LISHI, token + "康养涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(newId()),
                120_000_000L, 80, List.of(), beijing("2025-01-15T10:00")));
        events.apply(determined(administrative, DeterminationLevel.COUNTY, "141102_GOV_OFFICE",
                DeterminationOutcome.ILLEGAL_FUNDRAISING, beijing("2025-01-25T10:00")));
        events.apply(measure(administrative, "M1", MeasureKind.SEIZURE, LISHI, 5_000_000L,
                beijing("2025-02-01T10:00")));
        events.apply(recovered(administrative, 1, "141102_GOV_OFFICE", 30_000_000L, 30_000_000L,
                beijing("2025-02-20T10:00")));
        events.apply(registered(administrative, 1, List.of(new ParticipantClaim("LS-1", 20_000_000L),
                new ParticipantClaim("LS-2", 10_000_000L)), 30_000_000L, beijing("2025-02-25T10:00")));
        events.apply(opened(criminal, WENSHUI, token + "私募涉嫌非法集资案", KeyArea.FAKE_PRIVATE_EQUITY,
                List.of(newId()), 50_000_000L, 100, List.of("410000"), beijing("2025-02-15T10:00")));
        events.apply(determined(criminal, DeterminationLevel.COUNTY, "141121_GOV_OFFICE",
                DeterminationOutcome.SUSPECTED_CRIME, beijing("2025-02-20T10:00")));
        events.apply(transferred(criminal, WENSHUI, beijing("2025-02-21T10:00")));
        events.apply(imported(legacy, token, LISHI, token + "非法集资案", token + "非法集资案1起",
                beijing("2025-01-10T10:00")));

        JsonNode all = page("/api/fundraising/cases?q=" + token + "&sort=openedAt&direction=asc");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items").findValuesAsText("caseId")).containsExactly(legacy, administrative, criminal);
        assertThat(caseIds("legacy=true")).containsExactly(legacy);
        assertThat(caseIds("transferred=true")).containsExactlyInAnyOrder(criminal, legacy);
        assertThat(caseIds("crossProvince=true")).containsExactly(criminal);
        assertThat(caseIds("measureKind=SEIZURE")).containsExactly(administrative);
        assertThat(caseIds("level=COUNTY&outcome=SUSPECTED_CRIME")).containsExactly(criminal);
        assertThat(caseIds("status=WITH_POLICE")).containsExactlyInAnyOrder(criminal, legacy);
        assertThat(caseIds("division=" + LISHI + "&keyArea=ELDERLY_CARE&from=2025-01-15&to=2025-01-15"))
                .containsExactly(administrative);
        assertThat(page("/api/fundraising/cases?q=" + token + "&sort=recovered&size=1").get("items")
                .findValuesAsText("caseId")).containsExactly(administrative);

        ResponseEntity<String> detail = http.getForEntity("/api/fundraising/cases/" + administrative, String.class);
        assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(detail.getBody()).contains("\"recoveryCoverage\":0.2500", "\"recoveredYuan\":300000.00");
        JsonNode view = Json.parse(detail.getBody());
        assertThat(view.get("determination").get("level").asText()).isEqualTo("COUNTY");
        assertThat(view.get("measures").get(0).get("kind").asText()).isEqualTo("SEIZURE");
        JsonNode participants = Json.parse(http.getForObject("/api/fundraising/cases/" + administrative
                + "/participants?size=1&page=1", String.class));
        assertThat(participants.get("total").asLong()).isEqualTo(2);
        assertThat(participants.get("items").findValuesAsText("participantReference")).containsExactly("LS-2");
    }

    @Test
    void theStatisticsTables_areListed_andEachAnswersTitleColumnsRowsAndTotals() {
        JsonNode tables = Json.parse(http.getForObject("/api/fundraising/statistics", String.class));
        assertThat(tables.findValuesAsText("table")).containsExactly("campaign-work", "risk-clues", "cross-province");
        assertThat(tables.findValuesAsText("title")).containsExactly("打击非法集资专项行动工作情况统计表",
                "风险线索排查处置情况统计表", "跨省（自治区、直辖市）案件（风险）信息统计表");

        for (String name : List.of("campaign-work", "risk-clues", "cross-province", "2", "3", "4")) {
            ResponseEntity<String> response = http.getForEntity("/api/fundraising/statistics/" + name
                    + "?division=" + LISHI + "&from=2025-01-01&to=2025-03-31", String.class);
            assertThat(response.getStatusCode()).as(name).isEqualTo(HttpStatus.OK);
            JsonNode table = Json.parse(response.getBody());
            assertThat(table.get("division").asText()).isEqualTo(LISHI);
            assertThat(table.get("divisionName").asText()).isEqualTo("离石区");
            assertThat(table.get("from").asText()).isEqualTo("2025-01-01");
            assertThat(table.get("to").asText()).isEqualTo("2025-03-31");
            assertThat(table.get("columns").get(0).has("key")).isTrue();
            assertThat(table.get("columns").get(0).get("header").asText()).isNotBlank();
            assertThat(table.has("rows")).isTrue();
            List<String> keys = table.get("columns").findValuesAsText("key");
            assertThat(table.get("totals").size()).as("nulls are written too").isEqualTo(keys.size());
            table.get("rows").forEach(row -> keys.forEach(key -> assertThat(row.has(key)).as(key).isTrue()));
            assertThat(table.get("notes").size()).isPositive();
        }
        JsonNode clueTable = Json.parse(http.getForObject("/api/fundraising/statistics/risk-clues?from=2025-01-01"
                + "&to=2025-03-31", String.class));
        assertThat(clueTable.get("divisionName").asText()).isEqualTo("全市");
        assertThat(clueTable.get("division").isNull()).isTrue();
        assertThat(clueTable.get("columns").get(1).get("header").asText()).isEqualTo("合计（条）");
        assertThat(clueTable.get("columns").get(1).get("group").asText()).isEqualTo("新增风险线索");
        assertThat(clueTable.get("columns").get(1).get("kind").asText()).isEqualTo("COUNT");
        assertThat(clueTable.get("totals").get("division").asText()).isEqualTo("合计");
        assertThat(clueTable.get("rows").findValuesAsText("divisionCode")).startsWith(LISHI, WENSHUI, "1411KF");
    }

    @Test
    void theFunnelRecoveryLegacyCasesAndCampaign_answer() {
        Feed.into(calendar).event(FundraisingTestData.calendar(1), CALENDAR_PUBLISHED);

        JsonNode funnel = Json.parse(http.getForObject("/api/fundraising/funnel?division=" + LISHI
                + "&from=2025-01-01&to=2025-03-31", String.class));
        assertThat(funnel.get("stages").findValuesAsText("key")).containsExactly("CLUES_RECORDED",
                "VERIFIED_WITH_RISK", "CASES_OPENED", "DETERMINED", "MEASURES_ORDERED", "TRANSFERRED_TO_POLICE",
                "CLOSED");
        JsonNode recovery = Json.parse(http.getForObject("/api/fundraising/recovery?asOf=2025-03-31", String.class));
        assertThat(recovery.get("asOf").asText()).isEqualTo("2025-03-31");
        assertThat(recovery.get("divisionName").asText()).isEqualTo("全市");
        assertThat(recovery.get("counties").findValuesAsText("divisionCode")).startsWith(LISHI, WENSHUI, "1411KF");
        assertThat(recovery.get("total").get("cases").asInt()).isEqualTo(recovery.get("cases").size());
        JsonNode legacy = Json.parse(http.getForObject("/api/fundraising/legacy-cases", String.class));
        assertThat(legacy.get("target").asText()).isEqualTo("100%");
        assertThat(legacy.get("cases").findValuesAsText("legacyCode")).startsWith("141125-1", "141125-2",
                "141102-1", "141182-1", "141182-2", "141129-1");
        JsonNode standing = Json.parse(http.getForObject("/api/fundraising/campaign?division=" + LISHI, String.class));
        assertThat(standing.get("today").asText()).isEqualTo("2025-03-14");
        assertThat(standing.get("submissionsRecorded").asBoolean()).isFalse();
        assertThat(standing.get("nextDeadline").asText()).isEqualTo("PROGRESS_2025_H1");
        assertThat(standing.get("counties").findValuesAsText("divisionCode")).containsExactly(LISHI);
        JsonNode published = Json.parse(http.getForObject("/api/fundraising/campaign/calendar", String.class));
        assertThat(published.get("phases")).hasSize(5);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "clues?status=LOST                                   | status",
            "clues?source=FAX                                    | source",
            "clues?keyArea=CASINO                                | keyArea",
            "clues?outcome=MAYBE                                 | outcome",
            "clues?overdue=perhaps                               | overdue",
            "clues?size=201                                      | size",
            "clues?page=-1                                       | page",
            "clues?from=2025-03-05&to=2025-03-01                 | from",
            "clues?to=yesterday                                  | to",
            "clues?sort=subjectName                              | sort",
            "clues?direction=sideways                            | direction",
            "clues?division=Lishi                                | division",
            "cases?status=PAUSED                                 | status",
            "cases?level=PROVINCE                                | level",
            "cases?measureKind=PRISON                            | measureKind",
            "cases?legacy=sometimes                              | legacy",
            "cases?crossProvince=1x                              | crossProvince",
            "cases?transferred=no-idea                           | transferred",
            "cases?sort=name                                     | sort",
            "cases?size=0                                        | size",
            "cases/any/participants?size=500                     | size",
            "funnel?to=2025-03-31                                | from",
            "funnel?from=2025-01-01                              | to",
            "funnel?from=2025-04-01&to=2025-03-31                | from",
            "funnel?from=2025-01-01&to=2025-03-31&division=14110 | division",
            "recovery?asOf=2025-02-30                            | asOf",
            "campaign?division=all                               | division",
            "statistics/risk-clues?to=2025-03-31                 | from",
            "statistics/campaign-work?from=2025-01-01            | to",
            "statistics/cross-province?from=x&to=2025-03-31      | from",
            "statistics/2?from=2025-02-01&to=2025-01-31          | from"})
    void badParameter_isAProblemNamingIt(String query, String parameter) {
        ResponseEntity<String> response = http.getForEntity("/api/fundraising/" + query, String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = Json.parse(response.getBody());
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(parameter);
        assertThat(problem.get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void aTooLongSearchText_isAProblemNamingQ() {
        ResponseEntity<String> response = http.getForEntity("/api/fundraising/cases?q=" + "某".repeat(101),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Json.parse(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    @Test
    void theOpenApiDescription_documentsEveryFundraisingEndpoint() {
        JsonNode paths = Json.parse(http.getForObject("/v3/api-docs", String.class)).get("paths");

        for (String path : List.of("/api/fundraising/clues", "/api/fundraising/clues/{clueId}",
                "/api/fundraising/cases", "/api/fundraising/cases/{caseId}",
                "/api/fundraising/cases/{caseId}/participants", "/api/fundraising/legacy-cases",
                "/api/fundraising/funnel", "/api/fundraising/recovery", "/api/fundraising/campaign",
                "/api/fundraising/campaign/calendar", "/api/fundraising/statistics",
                "/api/fundraising/statistics/{table}")) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).get("get").get("summary").asText()).as(path).isNotBlank();
            paths.get(path).get("get").path("parameters").forEach(parameter -> assertThat(
                    parameter.path("description").asText()).as(path + " " + parameter.get("name")).isNotBlank());
        }
    }

    private JsonNode page(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private List<String> clueIds(String filters) {
        return page("/api/fundraising/clues?q=" + token + "&size=200&" + filters).get("items")
                .findValuesAsText("clueId");
    }

    private List<String> caseIds(String filters) {
        return page("/api/fundraising/cases?q=" + token + "&size=200&" + filters).get("items")
                .findValuesAsText("caseId");
    }
}
