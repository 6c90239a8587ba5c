package cn.gov.lvliang.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.AssetRecoveredEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignPhase;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestoneRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseDeterminedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseTransferredToPoliceEvent;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.MeasureOrderedEvent;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantsRegisteredEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundRoundPaidEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundShare;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.ReportingDeadline;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueMarkedDuplicateEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueTakenIntoCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationAssignedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerifiedEvent;
import cn.gov.lvliang.ledger.events.fundraising.StatisticalTable;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingReadModels;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The fundraising board (打击非法集资) in a real headless Chromium over real HTTP, signed in as the city's supervisor,
 * on a small known event set of the development zone fed into the fundraising projections. The shared test database
 * holds others' clues and cases too, so every figure the page shows is compared with the query API's answer to the
 * same parameters (and every count with the total of the list it links to), and the known events are checked to be
 * among them.
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundraisingBoardBrowserTest {

    static final String ZONE = "1411KF";
    static final LocalDate FROM = LocalDate.of(2024, 10, 1);
    static final LocalDate TO = FixedClockConfiguration.TODAY;
    static final String BOARD = "/fundraising?division=" + ZONE + "&from=" + FROM + "&to=" + TO;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    HeadlessChromium browser;
    EventSet events;

    @BeforeAll
    void browserAndAKnownEventSet() {
        browser = HeadlessChromium.startOrSkip();
        browser.signIn(base(), "supervisor", TestAuthentication.PASSWORD);
        events = EventSet.feed(context, processing);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterAll
    void restoreTheReadModelsFromTheEventStore() {
        FundraisingReadModels.restore(processing);
    }

    @Test
    void everyCountOnTheBoard_isTheTotalOfTheListItLinksTo() {
        eventually(this::countsEqualTheListTotals);
        open(BOARD);
        assertThat(number(figures("clue-summary").get("录入线索（条）"))).as("the six clues of the period")
                .isGreaterThanOrEqualTo(6);
        assertThat(browser.rows("clue-county")).extracting(row -> row.get(0)).containsExactly("吕梁经济技术开发区");
    }

    private void countsEqualTheListTotals() {
        open(BOARD);
        int asked = 0;
        for (String id : tableIds()) {
            List<List<String>> rows = browser.rows(id);
            int columns = browser.headers(id).size();
            for (int column = 0; column < columns; column++) {
                List<String> links = browser.links(id, column);
                for (int row = 0; row < rows.size(); row++) {
                    String href = links.get(row);
                    // A count links to its list; a share beside it links to the same list.
                    if (href != null && rows.get(row).get(column).matches("\\d+")
                            && (href.startsWith("/fundraising/clues?") || href.startsWith("/fundraising/cases?"))) {
                        assertThat(apiTotal(href)).as(id + " " + rows.get(row) + " column " + column + ": " + href)
                                .isEqualTo(Long.parseLong(rows.get(row).get(column)));
                        asked++;
                    }
                }
            }
        }
        // 7 clue figures, 6 sources, 20 key areas, 7 per county, funnel, phases, standing, legacy, recovery.
        assertThat(asked).isGreaterThanOrEqualTo(7 + 6 + 20 + 7 + 2 + 4 + 4 + 2 + 2);
    }

    @Test
    void theFunnelRecoveryLegacyCasesAndCampaign_showTheQueryApisAnswers() {
        eventually(this::boardEqualsTheApi);
    }

    private void boardEqualsTheApi() {
        open(BOARD);
        // The funnel, stage by stage.
        JsonNode funnel = api("/api/fundraising/funnel?division=" + ZONE + "&from=" + FROM + "&to=" + TO);
        List<List<String>> stages = browser.rows("funnel");
        assertThat(stages).hasSize(funnel.get("stages").size());
        for (int i = 0; i < stages.size(); i++) {
            JsonNode stage = funnel.get("stages").get(i);
            assertThat(stages.get(i).get(0)).isEqualTo(stage.get("label").asText());
            assertThat(stages.get(i).get(1)).isEqualTo(stage.get("count").asText());
            assertThat(stages.get(i).get(3)).as(stage.get("key").asText()).isEqualTo(percent(stage.get("rate")));
        }
        assertThat(browser.rows("funnel-county").get(0).subList(1, 8)).containsExactlyElementsOf(
                funnel.get("counties").get(0).get("stages").findValuesAsText("count"));

        // Recovery and refunds as at the end of the period, exactly as the API gives them.
        JsonNode recovery = api("/api/fundraising/recovery?division=" + ZONE + "&asOf=" + TO);
        JsonNode total = recovery.get("total");
        Map<String, String> summary = figures("recovery-summary");
        assertThat(summary.get("案件（起）")).isEqualTo(total.get("cases").asText());
        assertThat(summary.get("涉案金额（元，已估计的案件）")).isEqualTo(yuan(total.get("involvedYuan")));
        assertThat(summary.get("追赃挽损金额（元）")).isEqualTo(yuan(total.get("recoveredYuan")));
        assertThat(summary.get("登记债权金额（元）")).isEqualTo(yuan(total.get("claimsYuan")));
        assertThat(summary.get("清退金额（元）")).isEqualTo(yuan(total.get("refundedYuan")));
        assertThat(summary.get("追赃挽损覆盖率（%）")).isEqualTo(percent(total.get("recoveryCoverage")));
        assertThat(summary.get("清退率（%，占追赃挽损）")).isEqualTo(percent(total.get("refundOfRecovered")));
        assertThat(summary.get("清退占登记债权（%）")).isEqualTo(percent(total.get("refundOfClaims")));
        List<String> county = browser.rows("recovery-county").get(0);
        JsonNode zone = recovery.get("counties").get(0).get("figures");
        assertThat(county).containsExactly(recovery.get("counties").get(0).get("divisionName").asText(),
                zone.get("cases").asText(), zone.get("casesWithoutAmount").asText(), yuan(zone.get("involvedYuan")),
                yuan(zone.get("recoveredYuan")), yuan(zone.get("claimsYuan")), yuan(zone.get("refundedYuan")),
                percent(zone.get("recoveryCoverage")), percent(zone.get("refundOfRecovered")),
                percent(zone.get("refundOfClaims")));
        List<List<String>> cases = browser.rows("recovery-case");
        assertThat(cases).hasSize(recovery.get("cases").size());
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = recovery.get("cases").get(i);
            assertThat(cases.get(i)).containsExactly(c.get("name").asText(), c.get("divisionName").asText(),
                    c.get("legacy").asBoolean() ? "是" : "否", yuan(c.get("involvedYuan")),
                    yuan(c.get("recoveredYuan")), yuan(c.get("claimsYuan")), yuan(c.get("refundedYuan")),
                    percent(c.get("recoveryCoverage")), percent(c.get("refundOfRecovered")),
                    percent(c.get("refundOfClaims")));
        }
        assertThat(cases).extracting(row -> row.get(0)).contains(events.caseA.name(), events.caseB.name());
        assertThat(cases.stream().filter(row -> row.get(0).equals(events.caseA.name())).findFirst().orElseThrow())
                .as("recovered a quarter of the estimate, refunded a third of it")
                .containsExactly(events.caseA.name(), "吕梁经济技术开发区", "否", "1,200,000.00", "300,000.00",
                        "300,000.00", "100,000.00", "25.00", "33.33", "33.33");
        assertThat(cases.stream().filter(row -> row.get(0).equals(events.caseB.name())).findFirst().orElseThrow())
                .as("an amount to the fen, and no coverage without an estimate nor a ratio without a denominator")
                .containsExactly(events.caseB.name(), "吕梁经济技术开发区", "否", "", "50,000.50", "0.00", "0.00", "",
                        "0.00", "");

        // The legacy cases of the zone, and the rate against the 100% target.
        JsonNode legacy = api("/api/fundraising/legacy-cases");
        List<JsonNode> zoneLegacy = new ArrayList<>();
        legacy.get("cases").forEach(c -> {
            if (ZONE.equals(c.get("divisionCode").asText())) {
                zoneLegacy.add(c);
            }
        });
        List<List<String>> legacyRows = browser.rows("legacy");
        assertThat(legacyRows).extracting(row -> row.get(0))
                .containsExactlyElementsOf(zoneLegacy.stream().map(c -> c.get("legacyCode").asText()).toList())
                .contains(events.legacyCode);
        for (int i = 0; i < legacyRows.size(); i++) {
            JsonNode c = zoneLegacy.get(i);
            assertThat(legacyRows.get(i).get(2)).isEqualTo(c.get("name").asText());
            assertThat(legacyRows.get(i).get(3)).isEqualTo(c.get("printedAs").asText());
            assertThat(legacyRows.get(i).get(11)).isEqualTo(c.get("resolved").asBoolean() ? "是" : "否");
        }
        JsonNode byCounty = null;
        for (JsonNode c : legacy.get("byCounty")) {
            if (ZONE.equals(c.get("divisionCode").asText())) {
                byCounty = c;
            }
        }
        assertThat(byCounty).isNotNull();
        Map<String, String> target = figures("legacy-summary");
        assertThat(target.get("化解目标")).isEqualTo(legacy.get("target").asText()).isEqualTo("100%");
        assertThat(target.get("陈案积案（起）")).isEqualTo(byCounty.get("total").asText());
        assertThat(target.get("已化解（起）")).isEqualTo(byCounty.get("resolved").asText());
        assertThat(target.get("化解率（%）")).isEqualTo(percent(byCounty.get("resolutionRate")));

        // The campaign calendar as the query side's clock places today in it.
        JsonNode campaign = api("/api/fundraising/campaign?division=" + ZONE);
        List<List<String>> phases = browser.rows("phases");
        assertThat(phases).hasSize(campaign.get("phases").size());
        for (int i = 0; i < phases.size(); i++) {
            JsonNode phase = campaign.get("phases").get(i);
            assertThat(phases.get(i).subList(0, 4)).containsExactly(phase.get("name").asText(),
                    phase.get("printedAs").asText(), phase.get("from").asText(), phase.get("to").asText());
            assertThat(phases.get(i).get(5)).isEqualTo(text(phase.get("daysLeft")));
            long clues = 0;
            for (JsonNode activity : campaign.get("counties").get(0).get("phases")) {
                if (activity.get("phase").asText().equals(phase.get("code").asText())) {
                    clues = activity.get("cluesRecorded").asLong();
                }
            }
            assertThat(phases.get(i).get(6)).isEqualTo(Long.toString(clues));
        }
        assertThat(phases).extracting(row -> row.get(0) + "=" + row.get(4)).containsExactly(
                "部署发动=已结束", "风险排查=常态化开展", "打击处置=进行中", "建章立制=进行中", "巩固提升=未开始");
        List<List<String>> deadlines = browser.rows("deadlines");
        for (int i = 0; i < deadlines.size(); i++) {
            JsonNode deadline = campaign.get("deadlines").get(i);
            assertThat(deadlines.get(i).get(0)).isEqualTo(deadline.get("name").asText());
            assertThat(deadlines.get(i).get(1)).isEqualTo(deadline.get("dueDate").asText());
            assertThat(deadlines.get(i).get(6)).isEqualTo(text(deadline.get("daysLeft")));
            assertThat(deadlines.get(i).get(7)).isEqualTo(text(deadline.get("daysPastDue")));
            assertThat(deadlines.get(i).get(8)).isEqualTo("账本未记录");
        }
        JsonNode standing = campaign.get("counties").get(0);
        assertThat(browser.rows("county-standing")).containsExactly(List.of("吕梁经济技术开发区",
                standing.get("cluesAwaitingVerification").asText(), standing.get("cluesOverdue").asText(),
                standing.get("casesInProgress").asText(), standing.get("casesClosed").asText(),
                standing.get("legacyCases").asText(), standing.get("legacyResolved").asText()));
        assertThat(figures("campaign").get("当前阶段")).isEqualTo("风险排查、打击处置、建章立制");
    }

    @Test
    void theStatisticsTables_showTheApisRowsAndTotals_underTheirPrintedHeaders() {
        eventually(() -> {
            for (String table : List.of("campaign-work", "risk-clues", "cross-province")) {
                statisticsPageEqualsTheApi(table);
            }
        });
        open("/fundraising/statistics/cross-province?division=" + ZONE + "&from=" + FROM + "&to=" + TO);
        assertThat(browser.rows("cross-province")).extracting(row -> row.get(1)).contains(events.caseA.name());
        open(BOARD);
        browser.driver().findElement(By.linkText("风险线索排查处置情况统计表")).click();
        assertThat(browser.driver().getCurrentUrl()).contains("/fundraising/statistics/risk-clues?division=" + ZONE)
                .contains("from=" + FROM).contains("to=" + TO);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("附件3 风险线索排查处置情况统计表");
    }

    private void statisticsPageEqualsTheApi(String name) {
        String query = "?division=" + ZONE + "&from=" + FROM + "&to=" + TO;
        open("/fundraising/statistics/" + name + query);
        JsonNode table = api("/api/fundraising/statistics/" + name + query);
        List<String> keys = table.get("columns").findValuesAsText("key");
        List<String> expectedHeaders = new ArrayList<>();
        table.get("columns").forEach(column -> expectedHeaders.add(column.get("kind").asText().equals("RATIO")
                ? column.get("header").asText() + "（%）" : column.get("header").asText()));
        assertThat(leafHeaders(name)).isEqualTo(expectedHeaders);
        List<JsonNode> expected = new ArrayList<>();
        table.get("rows").forEach(expected::add);
        expected.add(table.get("totals"));
        List<List<String>> rows = browser.rows(name);
        assertThat(rows).as(name).hasSize(expected.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < keys.size(); c++) {
                String kind = table.get("columns").get(c).get("kind").asText();
                JsonNode value = expected.get(r).get(keys.get(c));
                String shown = switch (kind) {
                    case "AMOUNT" -> yuan(value);
                    case "RATIO" -> percent(value);
                    default -> text(value);
                };
                assertThat(rows.get(r).get(c)).as(name + " row " + r + " " + keys.get(c)).isEqualTo(shown);
            }
        }
        assertThat(rows.get(rows.size() - 1).get(name.equals("cross-province") ? 1 : 0)).startsWith("合计");
        assertThat(browser.driver().findElements(By.cssSelector("#statistics-notes li")))
                .hasSize(table.get("notes").size());
    }

    @Test
    void clickingACount_leadsToTheCluesItCounts_asTheApiListsThem() {
        open(BOARD);
        WebElement zone = browser.driver().findElements(By.cssSelector("#table-clue-county tbody tr")).get(0);
        String shown = zone.findElements(By.tagName("td")).get(1).getText();
        zone.findElements(By.tagName("td")).get(1).findElement(By.tagName("a")).click();

        assertThat(browser.driver().getCurrentUrl()).contains("/fundraising/clues?division=" + ZONE);
        assertThat(browser.driver().findElement(By.id("list-total")).getText()).isEqualTo("共 " + shown + " 条");
        String query = browser.driver().getCurrentUrl().substring(browser.driver().getCurrentUrl().indexOf('?'));
        JsonNode firstPage = api("/api/fundraising/clues" + query + "&size=50");
        assertThat(firstPage.get("total").asText()).isEqualTo(shown);
        List<String> apiIds = firstPage.get("items").findValuesAsText("clueId");
        assertThat(browser.rows("clues")).extracting(row -> row.get(0)).containsExactlyElementsOf(apiIds);
        assertThat(allClueIds(query)).containsAll(events.clues).doesNotContain(events.clueBefore);
        assertThat(browser.driver().findElement(By.id("active-filters")).getText()).contains("区县：吕梁经济技术开发区");

        // A clue's page holds what the API answers for it, the case it was taken into among it.
        assertThat(browser.links("clues", 0)).first().isEqualTo("/fundraising/clues/" + apiIds.get(0));
        String taken = events.clues.get(0);
        JsonNode clue = api("/api/fundraising/clues/" + taken);
        assertThat(clue.get("caseId").asText()).isEqualTo(events.caseA.caseId());
        open("/fundraising/clues/" + taken);
        Map<String, String> facts = browser.rows("clue").stream()
                .collect(Collectors.toMap(row -> row.get(0), row -> row.get(1)));
        assertThat(browser.driver().findElement(By.id("clue-id")).getText()).isEqualTo(taken);
        assertThat(facts).containsEntry("线索状态", "已转立案").containsEntry("处置案件", events.caseA.caseId())
                .containsEntry("涉及主体", clue.get("subjectName").asText())
                .containsEntry("县（市、区）", "吕梁经济技术开发区");
        assertThat(browser.links("clue", 1)).contains("/api/fundraising/cases/" + events.caseA.caseId());
        assertThat(browser.script("return document.querySelectorAll('#table-clue td.num, #table-clue th.num').length"))
                .as("the facts read as one column of text, not numbers set apart on the right").isEqualTo(0L);
        assertThat(browser.driver().findElement(By.id("clue-api")).getDomProperty("href"))
                .endsWith("/api/fundraising/clues/" + taken);
        // The development zone's clue is not for Lishi's supervisor.
        assertThat(http.withBasicAuth("lishi-supervisor", TestAuthentication.PASSWORD)
                .getForEntity("/fundraising/clues/" + taken, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/fundraising/clues/no-such-clue", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Every clue id the list API answers for the filters, page by page. */
    private List<String> allClueIds(String query) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api("/api/fundraising/clues" + query + "&size=200&page=" + page);
            ids.addAll(answer.get("items").findValuesAsText("clueId"));
            if (answer.get("items").isEmpty() || ids.size() >= answer.get("total").asLong()) {
                return ids;
            }
        }
    }

    @Test
    void everyTableOnTheBoard_fitsItsPanel_halfWidthOnesToo() {
        open("/fundraising?from=" + FROM + "&to=" + TO);

        assertThat(browser.rows("county-standing")).as("the whole city's counties").hasSizeGreaterThan(1);
        assertThat(browser.panelsScrollingSideways()).isEmpty();
    }

    @Test
    void charts_areDrawnFromTheWebjarsECharts_andNothingComesFromElsewhere() {
        open(BOARD);
        assertThat(browser.script("return typeof echarts")).isEqualTo("object");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.script("""
                return [...document.querySelectorAll('script[src]')].map(s => s.src)
                    .concat([...document.querySelectorAll('link[href]')].map(l => l.href));""");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
        long charts = (Long) browser.script("return document.querySelectorAll('.chart').length");
        assertThat(charts).isEqualTo(5);
        assertThat(browser.script("return document.querySelectorAll('.chart[data-rendered] canvas').length"))
                .isEqualTo(charts);
        assertThat(browser.script("return document.querySelector('.chart[data-table=\"clue-source\"]')"
                + ".dataset.rendered")).isEqualTo("6");
        assertThat(browser.script("return document.querySelector('.chart[data-table=\"funnel\"]').dataset.rendered"))
                .isEqualTo("7");
    }

    @Test
    void everyExport_holdsThePagesHeadersAndRows() throws IOException {
        int tables = compareExports(BOARD, 1);
        assertThat(tables).isEqualTo(17);
        for (String name : List.of("campaign-work", "risk-clues", "cross-province")) {
            compareExports("/fundraising/statistics/" + name + "?division=" + ZONE + "&from=" + FROM + "&to=" + TO,
                    2);
        }
        compareExports("/fundraising/clues?division=" + ZONE + "&from=" + FROM + "&to=" + TO, 1);
        compareExports("/fundraising/cases?division=" + ZONE, 1);
    }

    @Test
    void english_isASecondLanguage_andChineseStaysTheDefault() {
        try {
            open(BOARD + "&lang=en");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .startsWith("Illegal fundraising campaign");
            assertThat(browser.headers("clue-source")).containsExactly("Source", "Clues", "Share");
            assertThat(browser.rows("funnel").get(0).get(0)).isEqualTo("Clues recorded");
            assertThat(browser.rows("clue-county").get(0).get(0)).as("names stay as the gazette prints them")
                    .isEqualTo("吕梁经济技术开发区");
        } finally {
            open("/fundraising?lang=zh-CN");
        }
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("打击非法集资专项行动");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A check that can be run again. */
    interface Check {
        void run() throws Exception;
    }

    /**
     * Runs a check until it passes, a few times: the query side's processors may project others' events between the
     * page and the API's answer. A check that keeps failing fails with its own last error. It polls on the test's own
     * thread, which holds the test's locale and the browser session.
     */
    static void eventually(Check check) {
        await("the page and the API agree").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofSeconds(1))
                .pollInSameThread().untilAsserted(check::run);
    }

    /** Opens a page and compares each of its tables with its export; answers how many tables it compared. */
    private int compareExports(String page, int headerRows) throws IOException {
        open(page);
        List<String> ids = tableIds();
        for (String id : ids) {
            String href = browser.driver().findElement(By.id("export-" + id)).getDomProperty("href");
            ResponseEntity<byte[]> export = http.getForEntity(URI.create(href), byte[].class);
            assertThat(export.getStatusCode()).as(href).isEqualTo(HttpStatus.OK);
            assertThat(export.getHeaders().getContentType()).hasToString(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<String> headers = headerRows == 1 ? browser.headers(id) : leafHeaders(id);
            List<List<String>> sheet = sheet(export.getBody(), headers.size());
            assertThat(sheetHeaders(sheet, headerRows)).as(page + " " + id + " headers").isEqualTo(headers);
            List<List<String>> exported = sheet.subList(headerRows, sheet.size());
            List<List<String>> shown = browser.rows(id);
            if (page.startsWith("/fundraising/clues") || page.startsWith("/fundraising/cases")) {
                // A list's export holds every page: the page's rows first, then the pages after it.
                assertThat(exported.size()).as(page + " rows exported").isEqualTo(listTotal());
                exported = exported.subList(0, Math.min(exported.size(), shown.size()));
            }
            assertThat(exported).as(page + " " + id + " rows").isEqualTo(shown);
        }
        return ids.size();
    }

    /** The number of rows of a list page's filters, as the page says it ("共 12 条"). */
    private long listTotal() {
        return Long.parseLong(browser.driver().findElement(By.id("list-total")).getText().replaceAll("[^0-9]", ""));
    }

    /** The header of each column: the last header row's text, or the one above where a header spans both. */
    static List<String> sheetHeaders(List<List<String>> sheet, int headerRows) {
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < sheet.get(0).size(); c++) {
            String header = "";
            for (int r = headerRows - 1; r >= 0 && header.isEmpty(); r--) {
                header = sheet.get(r).get(c);
            }
            headers.add(header);
        }
        return headers;
    }

    /** The first sheet's rows as Excel shows them. */
    static List<List<String>> sheet(byte[] xlsx, int columns) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.add(row == null || row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The leaf header of each column of a two-row statistics header, in column order. */
    @SuppressWarnings("unchecked")
    private List<String> leafHeaders(String tableId) {
        return (List<String>) browser.script("""
                const cells = [...document.getElementById('table-' + arguments[0]).tHead.querySelectorAll('th')]
                    .filter(th => th.dataset.column !== undefined);
                cells.sort((a, b) => Number(a.dataset.column) - Number(b.dataset.column));
                return cells.map(th => th.textContent.trim());""", tableId);
    }

    @SuppressWarnings("unchecked")
    private List<String> tableIds() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('table.data')].map(t => t.id.substring('table-'.length))");
    }

    /** The label and value of each row of a two-column figures table. */
    private Map<String, String> figures(String table) {
        Map<String, String> figures = new LinkedHashMap<>();
        browser.rows(table).forEach(row -> figures.put(row.get(0), row.get(1)));
        return figures;
    }

    /** The total of the list API for the filters of a list page's link. */
    private long apiTotal(String listHref) {
        String api = "/api" + listHref.substring(0, listHref.indexOf('?'));
        return api(api + listHref.substring(listHref.indexOf('?')) + "&size=1").get("total").asLong();
    }

    private JsonNode api(String path) {
        ResponseEntity<String> response = http.getForEntity(URI.create(base() + path), String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    /** An amount of the API (yuan, scale 2) as the page shows it: exactly, grouped by thousands, or empty. */
    static String yuan(JsonNode value) {
        return value == null || value.isNull() ? "" : String.format(Locale.ROOT, "%,.2f", value.decimalValue());
    }

    /** A ratio of the API (scale 4) as the page shows it: a percentage with 2 decimals, or empty. */
    static String percent(JsonNode value) {
        return value == null || value.isNull() ? ""
                : value.decimalValue().movePointRight(2).setScale(2).toPlainString();
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static long number(String text) {
        return Long.parseLong(text);
    }

    private void open(String path) {
        browser.driver().get(base() + path);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /**
     * Six clues of the development zone recorded between October 2024 and March 2025 (one more just before), two
     * cases (one opened from a clue, cross-province, determined, measured, with recoveries, registrations and a
     * refund; one suspected crime, transferred, with a recovery to the fen and no estimate) and a legacy case, fed
     * straight into the projections with ids of their own, plus the campaign calendar as published.
     */
    static final class EventSet {

        static final String UNIT = ZONE + "_GOV_OFFICE";
        static final Instant CALENDAR_PUBLISHED = Instant.parse("2025-01-02T00:00:00Z");

        final String token = "FB" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        final List<String> clues = new ArrayList<>();
        final String clueBefore = id();
        final String legacyCode = ZONE + "-" + token;
        final DisposalCaseOpenedEvent caseA;
        final DisposalCaseOpenedEvent caseB;
        private final Feed clueFeed;
        private final Feed caseFeed;
        private final Map<String, Long> sequences = new HashMap<>();

        private EventSet(ApplicationContext context) {
            this.clueFeed = Feed.into(context.getBean("riskClueProjection"));
            this.caseFeed = Feed.into(context.getBean("disposalCaseProjection"));
            for (int i = 0; i < 6; i++) {
                clues.add(id());
            }
            caseA = new DisposalCaseOpenedEvent(id(), UNIT, ZONE, token + "康养涉嫌非法集资案",
                    new FundraisingSubject(SubjectKind.ENTERPRISE, token + "康养有限公司", null), KeyArea.ELDERLY_CARE,
                    List.of(clues.get(0)), 120_000_000L, 80, true, List.of("410000"), beijing("2024-10-20T10:00"));
            caseB = new DisposalCaseOpenedEvent(id(), UNIT, ZONE, token + "虚拟币涉嫌非法集资案",
                    new FundraisingSubject(SubjectKind.ENTERPRISE, token + "数字科技有限公司", null),
                    KeyArea.VIRTUAL_CURRENCY, List.of(), null, null, false, List.of(), beijing("2025-01-15T10:00"));
        }

        /** Publishes the names and the calendar, then feeds the clues and cases. */
        static EventSet feed(ApplicationContext context, EventProcessingConfiguration processing) {
            Processors.awaitCaughtUp(processing, "reference-data");
            ReferenceTestData.publish(context);
            Feed.into(context.getBean("campaignCalendarProjection")).event(calendar(), CALENDAR_PUBLISHED);
            EventSet set = new EventSet(context);
            set.feedAll();
            return set;
        }

        private void feedAll() {
            clue(recorded(clueBefore, ClueSource.ONLINE_MONITORING, KeyArea.OTHER, 1_000_000L, "2024-09-20T10:00"));
            clue(recorded(clues.get(0), ClueSource.ONLINE_MONITORING, KeyArea.ELDERLY_CARE, 120_000_000L,
                    "2024-10-10T09:00"));
            clue(new RiskClueVerificationAssignedEvent(clues.get(0), UNIT, ZONE + "_MARKET_REGULATION", 15,
                    LocalDate.of(2024, 10, 31), beijing("2024-10-11T09:00")));
            clue(new RiskClueVerifiedEvent(clues.get(0), ZONE + "_MARKET_REGULATION",
                    VerificationOutcome.RISK_CONFIRMED, "实地走访", beijing("2024-10-18T09:00")));
            clue(recorded(clues.get(1), ClueSource.PUBLIC_REPORT, KeyArea.VIRTUAL_CURRENCY, null,
                    "2024-11-05T09:00"));
            clue(new RiskClueVerificationAssignedEvent(clues.get(1), UNIT, ZONE + "_MARKET_REGULATION", 10,
                    LocalDate.of(2024, 11, 20), beijing("2024-11-06T09:00")));
            clue(new RiskClueVerificationBecameOverdueEvent(clues.get(1), ZONE + "_MARKET_REGULATION",
                    LocalDate.of(2024, 11, 20), BusinessDay.startOf(LocalDate.of(2024, 11, 21))));
            clue(recorded(clues.get(2), ClueSource.GRID_WORKER, KeyArea.AGRICULTURE, 3_000_000L, "2025-01-08T09:00"));
            clue(new RiskClueVerifiedEvent(clues.get(2), ZONE + "_MARKET_REGULATION", VerificationOutcome.NO_RISK,
                    "正常经营", beijing("2025-01-20T09:00")));
            clue(recorded(clues.get(3), ClueSource.PETITION, KeyArea.ELDERLY_CARE, 500_000L, "2025-02-01T00:30"));
            clue(recorded(clues.get(4), ClueSource.OFFLINE_SCREENING, KeyArea.ELDERLY_CARE, null,
                    "2025-02-10T09:00"));
            clue(new RiskClueMarkedDuplicateEvent(clues.get(4), clues.get(3), UNIT, "同一主体",
                    beijing("2025-02-11T09:00")));
            clue(recorded(clues.get(5), ClueSource.ABNORMAL_FUND_FLOW, KeyArea.WEALTH_MANAGEMENT, 8_000_000L,
                    "2025-03-01T09:00"));
            clue(new RiskClueVerifiedEvent(clues.get(5), ZONE + "_MARKET_REGULATION",
                    VerificationOutcome.NEEDS_DETERMINATION, "需研判", beijing("2025-03-10T09:00")));

            String a = caseA.caseId();
            disposal(caseA);
            clue(new RiskClueTakenIntoCaseEvent(clues.get(0), a, UNIT, beijing("2024-10-20T10:00")));
            disposal(new DisposalCaseDeterminedEvent(a, UNIT, DeterminationLevel.COUNTY,
                    DeterminationOutcome.ILLEGAL_FUNDRAISING, "经调查认定", beijing("2024-11-01T10:00")));
            disposal(new MeasureOrderedEvent(a, "M1", MeasureKind.SEIZURE, ZONE + "_MARKET_REGULATION",
                    LocalDate.of(2024, 12, 5), 5_000_000L, "查封涉案财物", beijing("2024-11-05T10:00")));
            disposal(new AssetRecoveredEvent(a, 1, UNIT, AssetKind.BANK_DEPOSIT, 30_000_000L, "冻结账户资金",
                    30_000_000L, beijing("2024-12-01T10:00")));
            disposal(new ParticipantsRegisteredEvent(a, 1, "CITY_COURT", List.of(
                    new ParticipantClaim(token + "-P1", 20_000_000L), new ParticipantClaim(token + "-P2", 10_000_000L)),
                    30_000_000L, 30_000_000L, beijing("2024-12-10T10:00")));
            disposal(new RefundRoundPaidEvent(a, 1, "CITY_COURT", 10_000_000L, 30_000_000L, 0L, List.of(
                    new RefundShare(token + "-P1", 20_000_000L, 0L, 6_666_667L),
                    new RefundShare(token + "-P2", 10_000_000L, 0L, 3_333_333L)), "按比例清退",
                    beijing("2025-01-20T10:00")));

            String b = caseB.caseId();
            disposal(caseB);
            disposal(new DisposalCaseDeterminedEvent(b, UNIT, DeterminationLevel.COUNTY,
                    DeterminationOutcome.SUSPECTED_CRIME, "涉嫌犯罪", beijing("2025-01-20T10:00")));
            disposal(new DisposalCaseTransferredToPoliceEvent(b, UNIT, ZONE + "_POLICE", "移送",
                    beijing("2025-01-25T10:00")));
            disposal(new CriminalMilestoneRecordedEvent(b, CriminalMilestone.POLICE_FILED, ZONE + "_POLICE",
                    "立案决定书", null, beijing("2025-02-01T10:00")));
            disposal(new AssetRecoveredEvent(b, 1, ZONE + "_POLICE", AssetKind.BANK_DEPOSIT, 5_000_050L, "追缴",
                    5_000_050L, beijing("2025-02-20T10:00")));

            disposal(new LegacyCaseImportedEvent(id(), legacyCode, 1, "CITY_POLITICAL_LEGAL", ZONE,
                    token + "非法集资案", "经开区" + token + "非法集资案1起",
                    new FundraisingSubject(SubjectKind.PERSON, token, null), LegacyFilingAge.UNDER_THREE_YEARS,
                    LocalDate.of(2023, 1, 1), true, CriminalMilestone.INDICTED, beijing("2025-01-10T10:00")));
        }

        private RiskClueRecordedEvent recorded(String clueId, ClueSource source, KeyArea area, Long amountFen,
                                               String at) {
            return new RiskClueRecordedEvent(clueId, UNIT, source, ZONE, area,
                    new FundraisingSubject(SubjectKind.ENTERPRISE, token + "公司" + clueId.substring(0, 4),
                            "91141100MA0TEST01X"), "以高额回报为诱饵吸收资金", amountFen,
                    amountFen == null ? null : 30, source == ClueSource.PUBLIC_REPORT
                    ? new Reporter(true, "SXFJ-TEST", null) : null, beijing(at));
        }

        /** A clue's event at its next sequence number, stored a minute after its business time. */
        private void clue(RiskClueEvent event) {
            clueFeed.domainEvent("RiskClue", event.clueId(), next(event.clueId()), event,
                    event.businessTime().plus(Duration.ofMinutes(1)));
        }

        private void disposal(DisposalCaseEvent event) {
            caseFeed.domainEvent("DisposalCase", event.caseId(), next(event.caseId()), event,
                    event.businessTime().plus(Duration.ofMinutes(1)));
        }

        private long next(String aggregateId) {
            return sequences.merge(aggregateId, 1L, Long::sum) - 1;
        }

        private static String id() {
            return UUID.randomUUID().toString();
        }

        static Instant beijing(String localDateTime) {
            return LocalDateTime.parse(localDateTime).atZone(BusinessDay.ZONE).toInstant();
        }

        /** The campaign calendar as campaign-calendar-v1.json publishes it. */
        static CampaignCalendarPublishedEvent calendar() {
            return new CampaignCalendarPublishedEvent(CampaignCalendarPublishedEvent.CALENDAR_ID, 1,
                    "sha256-test-1", "吕政办发〔2024〕20号", LocalDate.of(2024, 6, 1), LocalDate.of(2025, 12, 31),
                    List.of(
                            new CampaignPhase("DEPLOYMENT", "部署发动", LocalDate.of(2024, 6, 1),
                                    LocalDate.of(2024, 6, 30), false, "（一）部署发动（2024年6月）"),
                            new CampaignPhase("RISK_SCREENING", "风险排查", LocalDate.of(2024, 7, 1),
                                    LocalDate.of(2024, 8, 31), true, "（二）风险排查（2024年7月-8月）"),
                            new CampaignPhase("CRACKDOWN_AND_DISPOSAL", "打击处置", LocalDate.of(2024, 9, 1),
                                    LocalDate.of(2025, 12, 31), false, "（三）打击处置（2024年9月-2025年12月）"),
                            new CampaignPhase("RULE_BUILDING", "建章立制", LocalDate.of(2024, 10, 1),
                                    LocalDate.of(2025, 12, 31), false, "（四）建章立制（2024年10月-2025年12月）"),
                            new CampaignPhase("CONSOLIDATION", "巩固提升", LocalDate.of(2025, 6, 1),
                                    LocalDate.of(2025, 12, 31), false, "（五）巩固提升（2025年6月-12月）")),
                    List.of(
                            new ReportingDeadline("WORK_PLAN", "工作方案、组织领导机制及联络员信息", LocalDate.of(2024, 7, 15),
                                    null, null, "CITY_GOV_OFFICE", true, List.of()),
                            new ReportingDeadline("PROGRESS_2024_H2", "专项行动阶段性进展情况（2024年下半年）",
                                    LocalDate.of(2025, 1, 15), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31),
                                    "CITY_GOV_OFFICE", false, List.of(2, 3, 4)),
                            new ReportingDeadline("PROGRESS_2025_H1", "专项行动阶段性进展情况（2025年上半年）",
                                    LocalDate.of(2025, 7, 15), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
                                    "CITY_GOV_OFFICE", false, List.of(2, 3, 4)),
                            new ReportingDeadline("FINAL_SUMMARY", "专项行动工作总结材料", LocalDate.of(2025, 11, 21),
                                    LocalDate.of(2024, 6, 1), LocalDate.of(2025, 11, 21), "CITY_GOV_OFFICE", true,
                                    List.of(2, 3, 4))),
                    List.of(
                            new StatisticalTable(2, "打击非法集资专项行动工作情况统计表"),
                            new StatisticalTable(3, "风险线索排查处置情况统计表"),
                            new StatisticalTable(4, "跨省（自治区、直辖市）案件（风险）信息统计表")),
                    CALENDAR_PUBLISHED);
        }
    }
}
