package cn.gov.lvliang.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.dashboard.DashboardScenario;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web UI in a real headless Chromium over real HTTP, on the cases of {@link DashboardScenario} stored in the
 * event store and projected by the running processors. The figures a supervisor sees must be the query API's
 * answers; a click on a figure must lead through the case list and the case to its audit trail; every exported
 * workbook must hold the page's rows.
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    /** The parameters of the case list API; a drill-down link with only these can be asked of the API itself. */
    static final Set<String> API_FILTERS = Set.of("division", "bundle", "leadUnit", "status", "channel", "overdue",
            "atRisk", "from", "to");
    static final Pattern CASE_TOTAL = Pattern.compile("id=\"case-total\">共 (\\d+) 件<");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ApplicationContext context;

    HeadlessChromium browser;
    DashboardScenario scenario;

    @BeforeAll
    void browserAndEightCasesInTheEventStore() {
        browser = HeadlessChromium.startOrSkip();
        // A city-wide supervisor: reads every county's figures and the audit trails behind them.
        browser.signIn(base(), "supervisor", TestAuthentication.PASSWORD);
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
        scenario = new DashboardScenario();
        scenario.store(eventStore);
        await("the scenario's cases projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> scenario.lastSequences().entrySet().stream()
                        .allMatch(last -> lastEventSequence(last.getKey()) == last.getValue()));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void dashboard_showsTheFiguresWorkedOutForTheScenario() {
        open("/?leadUnit=" + scenario.leadUnit);

        assertThat(browser.headers("county")).containsExactly("区县", "案件数", "已办结", "超期");
        assertThat(browser.rows("county")).containsExactly(
                List.of("离石区", "6", "3", "0"),
                List.of("文水县", "2", "0", "1"),
                List.of("吕梁经济技术开发区", "0", "0", "0"));
        assertThat(figures("summary")).containsExactly(
                Map.entry("案件总数", "8"), Map.entry("已办结", "3"), Map.entry("超期案件", "1"),
                Map.entry("临近超期案件", "1"), Map.entry("最多跑一次办结案件", "2"),
                Map.entry("最多跑一次占比（占办结案件）", "66.7%"), Map.entry("材料总数", "9"),
                Map.entry("免予提交材料", "3"), Map.entry("免予提交占比（占材料总数）", "33.3%"));
        assertThat(browser.rows("status")).containsExactly(
                List.of("待受理", "1", "12.5%"), List.of("办理中", "2", "25.0%"), List.of("不予受理", "1", "12.5%"),
                List.of("已办结", "3", "37.5%"), List.of("已撤回", "1", "12.5%"));
        assertThat(browser.rows("bundle")).containsExactly(
                List.of("2024-01", "企业开办", "5"), List.of("2024-13", "新生儿出生", "3"));
        assertThat(browser.rows("month")).containsExactly(
                List.of("2024-12", "1"), List.of("2025-01", "2"), List.of("2025-02", "2"), List.of("2025-03", "3"));
        assertThat(browser.rows("channel")).extracting(row -> row.get(0) + "=" + row.get(1)).containsExactly(
                "窗口=5", "网上办事平台=1", "7×24 小时自助终端=1", "12345 热线=1");
        assertThat(figures("complaints")).containsExactly(
                Map.entry("反映件数", "3"), Map.entry("已解决", "2"), Map.entry("未解决", "1"),
                Map.entry("解决率", "66.7%"), Map.entry("平均解决天数", "1.5"));
        assertThat(figures("ratings")).containsExactly(Map.entry("评价数", "3"), Map.entry("平均分（1–5 分）", "3.67"));
        assertThat(browser.rows("rating-distribution")).extracting(row -> row.get(1))
                .containsExactly("1", "1", "0", "1", "0");
        assertThat(browser.rows("waivers")).containsExactly(
                List.of("电子证照", "2", "66.7%"), List.of("数据共享", "1", "33.3%"));
        assertThat(browser.rows("overdue")).extracting(row -> row.get(0)).containsExactly(scenario.e);
        assertThat(browser.rows("at-risk")).extracting(row -> row.get(0)).containsExactly(scenario.d);
    }

    @Test
    void casesByMonth_showEveryMonthOfThePeriod_thoseWithoutCasesAsZero() {
        open("/?leadUnit=" + scenario.leadUnit + "&from=2024-10-01&to=2025-04-30");

        assertThat(browser.rows("month")).containsExactly(
                List.of("2024-10", "0"), List.of("2024-11", "0"), List.of("2024-12", "1"), List.of("2025-01", "2"),
                List.of("2025-02", "2"), List.of("2025-03", "3"), List.of("2025-04", "0"));
        String emptyMonth = browser.links("month", 1).get(1);
        assertThat(emptyMonth).contains("from=2024-11-01").contains("to=2024-11-30");
        assertThat(apiTotal(emptyMonth)).as("the list behind a month without cases").isZero();
    }

    @Test
    void everyCaseCount_equalsTheQueryApisTotal_orTheDrillDownListsTotal() {
        open("/?leadUnit=" + scenario.leadUnit);
        Map<String, List<Integer>> caseCounts = new LinkedHashMap<>();
        caseCounts.put("status", List.of(1));
        caseCounts.put("county", List.of(1, 2, 3));
        caseCounts.put("bundle", List.of(2));
        caseCounts.put("lead-unit", List.of(1));
        caseCounts.put("channel", List.of(1));
        caseCounts.put("month", List.of(1));
        caseCounts.put("visits", List.of(1));
        caseCounts.put("rating-distribution", List.of(1));
        int askedTheApi = 0;
        int followed = 0;
        for (Map.Entry<String, List<Integer>> table : caseCounts.entrySet()) {
            List<List<String>> rows = browser.rows(table.getKey());
            for (int column : table.getValue()) {
                List<String> links = browser.links(table.getKey(), column);
                for (int row = 0; row < rows.size(); row++) {
                    long shown = Long.parseLong(rows.get(row).get(column));
                    String href = links.get(row);
                    assertThat(href).as(table.getKey() + " " + rows.get(row)).startsWith("/cases?");
                    if (onlyApiFilters(href)) {
                        assertThat(apiTotal(href)).as("API for " + table.getKey() + " " + rows.get(row) + ": " + href)
                                .isEqualTo(shown);
                        askedTheApi++;
                    } else {
                        assertThat(listTotal(href)).as("list for " + table.getKey() + " " + rows.get(row))
                                .isEqualTo(shown);
                        followed++;
                    }
                }
            }
        }
        Map<String, String> summaryLinks = figureLinks("summary");
        for (String figure : List.of("案件总数", "已办结", "超期案件", "临近超期案件")) {
            assertThat(apiTotal(summaryLinks.get(figure))).as(figure)
                    .isEqualTo(Long.parseLong(figures("summary").get(figure)));
        }
        assertThat(askedTheApi).isGreaterThanOrEqualTo(20);
        assertThat(followed).isGreaterThanOrEqualTo(9);
        // The overdue and at-risk lists are the API's own lists, in its order.
        assertThat(browser.rows("at-risk")).extracting(row -> row.get(0))
                .containsExactlyElementsOf(apiCaseIds("/cases?leadUnit=" + scenario.leadUnit + "&atRisk=true"));
    }

    @Test
    void clickingAFigure_leadsThroughTheListAndTheCase_toItsAuditTrail() {
        open("/?leadUnit=" + scenario.leadUnit);
        WebElement lishi = browser.driver().findElements(By.cssSelector("#table-county tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("td")).getText().equals("离石区"))
                .findFirst().orElseThrow();
        lishi.findElements(By.tagName("td")).get(1).findElement(By.tagName("a")).click();

        assertThat(browser.driver().getCurrentUrl()).contains("/cases?").contains("division=141102");
        assertThat(browser.driver().findElement(By.id("case-total")).getText()).isEqualTo("共 6 件");
        List<String> listed = browser.rows("cases").stream().map(row -> row.get(0)).toList();
        assertThat(listed).containsExactlyElementsOf(
                apiCaseIds("/cases?division=141102&leadUnit=" + scenario.leadUnit));

        browser.driver().findElement(By.linkText(scenario.a)).click();
        assertThat(browser.driver().findElement(By.id("case-id")).getText()).isEqualTo(scenario.a);
        assertThat(browser.driver().findElement(By.id("case-status")).getText()).isEqualTo("已办结");
        assertThat(browser.driver().findElement(By.id("case-division")).getText()).isEqualTo("离石区");
        assertThat(browser.driver().findElement(By.id("case-bundle")).getText()).isEqualTo("2024-01 企业开办");
        assertThat(browser.driver().findElement(By.id("case-rating")).getText())
                .isEqualTo("5 分 非常满意 · 2025-02-12 10:00 · 办事效率高");
        assertThat(browser.rows("items")).extracting(row -> row.get(1))
                .containsExactlyElementsOf(DashboardScenario.OPENING_ITEMS);

        WebElement auditTrail = browser.driver().findElement(By.id("audit-trail"));
        assertThat(auditTrail.getDomProperty("href"))
                .isEqualTo(base() + "/api/cases/" + scenario.a + "/audit-trail/export?format=html");
        auditTrail.click();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("审计轨迹");
        assertThat(browser.driver().getPageSource()).contains(scenario.a, "提交申请", "好差评");
    }

    @Test
    void aCasePage_showsTheCaseAsItStoodAtAPastMoment_andEachEventLeadsToTheCaseRightAfterIt() {
        open("/cases/" + scenario.a);
        // Case A: submitted, visited and its materials recorded by 09:05 on 10 February 2025, accepted at 10:00,
        // concluded the next day, rated the day after; each event recorded a second after it happened.
        browser.script("document.getElementById('as-of-at').value = '2025-02-10T09:30'");
        browser.driver().findElement(By.id("as-of-submit")).click();
        awaitUrl(url -> url.contains("/as-of?"));

        assertThat(browser.driver().getCurrentUrl()).contains("/cases/" + scenario.a + "/as-of?")
                .contains("at=2025-02-10T09%3A30").contains("axis=business");
        assertThat(text("as-of-banner")).contains("2025-02-10 09:30:00", "按业务时间", "前 3 个事件");
        assertThat(text("case-status")).isEqualTo("待受理");
        assertThat(text("case-visits")).isEqualTo("1");
        assertThat(text("case-rating")).isEmpty();
        assertThat(browser.rows("items")).extracting(row -> row.get(3)).containsOnly("待分办");
        assertThat(browser.rows("materials")).hasSize(3);
        assertThat(browser.driver().findElements(By.id("export-items"))).as("no export of the past").isEmpty();
        assertThat(browser.driver().findElement(By.className("site-footer")).getText()).contains("事件回放得出");
        assertThat(browser.rows("events")).extracting(row -> row.get(1) + " " + row.get(4)).containsExactly(
                "提交申请 已计入", "到现场办理 已计入", "登记材料 已计入", "受理 其后发生", "办结 其后发生",
                "好差评 其后发生");

        browser.driver().findElement(By.linkText("受理")).click();
        awaitUrl(url -> url.contains("T10%3A00") || url.contains("T10:00"));
        assertThat(text("as-of-banner")).contains("2025-02-10 10:00:00", "前 4 个事件");
        assertThat(text("case-status")).isEqualTo("办理中");
        assertThat(text("case-due-date")).isEqualTo("2025-02-11");
        assertThat(browser.rows("events")).extracting(row -> row.get(4))
                .containsExactly("已计入", "已计入", "已计入", "已计入", "其后发生", "其后发生");

        browser.driver().findElement(By.id("as-of-current")).click();
        awaitUrl(url -> !url.contains("/as-of"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base() + "/cases/" + scenario.a);
        assertThat(text("case-status")).isEqualTo("已办结");
        assertThat(browser.driver().findElements(By.id("as-of-banner"))).isEmpty();
        assertThat(browser.driver().findElement(By.className("site-footer")).getText()).contains("读模型");
    }

    @Test
    void aMomentBeforeTheSubmission_saysTheCaseWasNotYetSubmitted_orNotYetRecorded() {
        open("/cases/" + scenario.a + "/as-of?at=2025-02-10T08:59&axis=business");

        assertThat(text("as-of-banner")).isEqualTo("截至 2025-02-10 08:59:00（北京时间，按业务时间），案件尚未提交。");
        assertThat(browser.driver().findElements(By.id("case-facts"))).isEmpty();
        assertThat(browser.rows("events")).extracting(row -> row.get(4)).containsOnly("其后发生");

        // Submitted at 09:00:00 and recorded a second later: at 09:00:00 the ledger did not know of it yet.
        open("/cases/" + scenario.a + "/as-of?at=2025-02-10T09:00&axis=recorded");
        assertThat(text("as-of-banner"))
                .isEqualTo("截至 2025-02-10 09:00:00（北京时间，按记录时间），账本尚未记录该案件的任何事件。");
        open("/cases/" + scenario.a + "/as-of?at=2025-02-10T09:00&axis=business");
        assertThat(text("case-status")).isEqualTo("待受理");
    }

    @Test
    void theCaseList_fitsANarrowWindow_withEachCaseNumberStatusAndWarningOnOneLine() {
        Dimension window = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(1100, window.getHeight()));
        try {
            open("/cases?division=141102&leadUnit=" + scenario.leadUnit);

            assertThat(browser.rows("cases")).hasSize(6);
            assertThat(browser.lines("cases", 0)).as("lines of each case number").containsOnly(1L);
            assertThat(browser.lines("cases", 6)).as("lines of each status").containsOnly(1L);
            assertThat(browser.lines("cases", 9)).as("lines of each warning").containsOnly(1L);
            assertThat(browser.panelsScrollingSideways()).isEmpty();
        } finally {
            browser.driver().manage().window().setSize(window);
        }
    }

    @Test
    void charts_areDrawnFromTheWebjarsECharts_andNothingComesFromElsewhere() {
        open("/?leadUnit=" + scenario.leadUnit);

        assertThat(browser.script("return typeof echarts")).isEqualTo("object");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.script("""
                return [...document.querySelectorAll('script[src]')].map(s => s.src)
                    .concat([...document.querySelectorAll('link[href]')].map(l => l.href))
                    .concat([...document.querySelectorAll('img[src]')].map(i => i.src));""");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
        assertThat(resources).anyMatch(url -> url.matches(".*/webjars/echarts/[0-9.]+/echarts\\.min\\.js"));
        long charts = (Long) browser.script("return document.querySelectorAll('.chart').length");
        assertThat(charts).isGreaterThanOrEqualTo(8);
        assertThat(browser.script("return document.querySelectorAll('.chart[data-rendered] canvas').length"))
                .isEqualTo(charts);
        assertThat(browser.script("return document.querySelector('.chart[data-table=county]').dataset.rendered"))
                .as("one bar per row of the county table").isEqualTo("3");
    }

    @Test
    void everyExport_holdsThePagesHeadersAndRows() throws IOException {
        int tables = 0;
        tables += compareExports("/?leadUnit=" + scenario.leadUnit);
        tables += compareExports("/cases?division=141102&leadUnit=" + scenario.leadUnit);
        tables += compareExports("/cases?leadUnit=" + scenario.leadUnit + "&complaints=ANY");
        tables += compareExports("/cases/" + scenario.c);
        assertThat(tables).isGreaterThanOrEqualTo(14 + 1 + 1 + 7);
        // The targets page counts the whole city, which other tests also write; compare again if one did meanwhile.
        await("targets page and its exports agree").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .untilAsserted(() -> assertThat(compareExports("/targets")).isEqualTo(5));
    }

    @Test
    void targets_countWhatTheQueryApiAnswers_andSayWhereTheLedgerHasNoData() {
        await("targets page equals the API").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .untilAsserted(this::targetsEqualTheApi);
    }

    private void targetsEqualTheApi() {
        open("/targets");
        List<List<String>> targets = browser.rows("targets");
        for (int year : List.of(2024, 2025)) {
            String table = "bundles-" + year;
            List<List<String>> bundles = browser.rows(table);
            List<String> links = browser.links(table, 3);
            for (int i = 0; i < bundles.size(); i++) {
                assertThat(apiTotal(links.get(i))).as(bundles.get(i).toString())
                        .isEqualTo(Long.parseLong(bundles.get(i).get(3)));
            }
            long inOperation = bundles.stream().filter(row -> !row.get(3).equals("0")).count();
            assertThat(target(targets, year, "“高效办成一件事”改革").get(3)).isEqualTo(Long.toString(inOperation));
            for (String mode : List.of("全市通办", "跨市通办")) {
                long items = browser.rows("transferred-items").stream()
                        .filter(row -> row.get(0).equals(Integer.toString(year)) && row.get(1).equals(mode)).count();
                assertThat(target(targets, year, mode + "事项").get(3)).isEqualTo(Long.toString(items));
            }
            assertThat(target(targets, year, "“多业一证”上线服务").subList(3, 5))
                    .containsExactly("账本暂无数据", "账本暂无数据");
        }
        assertThat(browser.lines("targets", 3)).as("lines of each actual").containsOnly(1L);
        assertThat(browser.lines("targets", 4)).as("lines of each standing").containsOnly(1L);
        List<List<String>> selfService = browser.rows("self-service");
        for (int column : List.of(1, 2, 4, 5)) {
            List<String> links = browser.links("self-service", column);
            for (int i = 0; i < selfService.size(); i++) {
                assertThat(apiTotal(links.get(i))).as(selfService.get(i) + " column " + column)
                        .isEqualTo(Long.parseLong(selfService.get(i).get(column)));
            }
        }
    }

    @Test
    void theFundraisingBoard_isOneClickAwayInTheNavigation() {
        open("/?leadUnit=" + scenario.leadUnit);
        browser.driver().findElement(By.linkText("打击非法集资")).click();

        // The board itself is tested in FundraisingBoardBrowserTest.
        assertThat(browser.driver().getCurrentUrl()).endsWith("/fundraising");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("打击非法集资");
    }

    @Test
    void english_isWelcomeAsASecondLanguage_andChineseStaysTheDefault() {
        try {
            open("/?leadUnit=" + scenario.leadUnit + "&lang=en");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo("Get one thing done efficiently: overview");
            assertThat(browser.headers("county")).containsExactly("County", "Cases", "Concluded", "Overdue");
            assertThat(browser.rows("county").get(0).get(0)).as("names stay as the gazette prints them")
                    .isEqualTo("离石区");
            open("/targets");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Targets and actuals");
            open("/cases/" + scenario.a + "/as-of?at=2025-02-10T09:30&axis=business");
            assertThat(text("as-of-banner")).startsWith("The case as it stood at 2025-02-10 09:30:00");
            assertThat(browser.rows("events")).extracting(row -> row.get(1)).startsWith("Application submitted",
                    "Visit in person", "Materials recorded", "Accepted");
        } finally {
            open("/?lang=zh-CN");
        }
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("“高效办成一件事”总览");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Opens a page and compares each of its tables with its export; answers how many tables it compared. */
    private int compareExports(String page) throws IOException {
        open(page);
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.script(
                "return [...document.querySelectorAll('table.data')].map(t => t.id.substring('table-'.length))");
        for (String id : ids) {
            String href = browser.driver().findElement(By.id("export-" + id)).getDomProperty("href");
            ResponseEntity<byte[]> export = http.getForEntity(URI.create(href), byte[].class);
            assertThat(export.getStatusCode()).as(href).isEqualTo(HttpStatus.OK);
            assertThat(export.getHeaders().getContentType()).hasToString(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<List<String>> sheet = sheet(export.getBody(), browser.headers(id).size());
            assertThat(sheet.get(0)).as(page + " " + id + " headers").isEqualTo(browser.headers(id));
            assertThat(sheet.subList(1, sheet.size())).as(page + " " + id + " rows").isEqualTo(browser.rows(id));
        }
        return ids.size();
    }

    /** The first sheet's rows as Excel shows them. */
    private static List<List<String>> sheet(byte[] xlsx, int columns) throws IOException {
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

    private List<String> target(List<List<String>> targets, int year, String target) {
        return targets.stream().filter(row -> row.get(0).equals(Integer.toString(year)) && row.get(1).equals(target))
                .findFirst().orElseThrow(() -> new AssertionError("no target " + year + " " + target));
    }

    /** The label and value of each row of a two-column figures table. */
    private Map<String, String> figures(String table) {
        Map<String, String> figures = new LinkedHashMap<>();
        browser.rows(table).forEach(row -> figures.put(row.get(0), row.get(1)));
        return figures;
    }

    private Map<String, String> figureLinks(String table) {
        Map<String, String> links = new LinkedHashMap<>();
        List<List<String>> rows = browser.rows(table);
        List<String> hrefs = browser.links(table, 1);
        for (int i = 0; i < rows.size(); i++) {
            links.put(rows.get(i).get(0), hrefs.get(i));
        }
        return links;
    }

    private static boolean onlyApiFilters(String href) {
        return API_FILTERS.containsAll(UriComponentsBuilder.fromUriString(href).build().getQueryParams().keySet());
    }

    /** The total of {@code GET /api/bundle-cases} with the filters of a case list link. */
    private long apiTotal(String casesHref) {
        return api(casesHref).get("total").asLong();
    }

    private List<String> apiCaseIds(String casesHref) {
        List<String> ids = new ArrayList<>();
        api(casesHref).get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private JsonNode api(String casesHref) {
        String query = casesHref.substring(casesHref.indexOf('?') + 1);
        ResponseEntity<String> response = http.getForEntity(
                URI.create(base() + "/api/bundle-cases?" + query + "&size=200"), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    /** The total the case list page shows for a link. */
    private long listTotal(String casesHref) {
        String page = http.getForEntity(URI.create(base() + casesHref), String.class).getBody();
        Matcher total = CASE_TOTAL.matcher(page);
        assertThat(total.find()).as(casesHref).isTrue();
        return Long.parseLong(total.group(1));
    }

    private long lastEventSequence(String caseId) {
        ResponseEntity<String> response = http.getForEntity("/api/bundle-cases/" + caseId, String.class);
        return response.getStatusCode() == HttpStatus.OK
                ? Json.parse(response.getBody()).get("lastEventSequence").asLong() : -1;
    }

    /** Waits for the browser to have navigated to a page whose address passes {@code test}. */
    private void awaitUrl(Predicate<String> test) {
        await("the browser's navigation").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> test.test(browser.driver().getCurrentUrl()));
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private void open(String path) {
        browser.driver().get(base() + path);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
