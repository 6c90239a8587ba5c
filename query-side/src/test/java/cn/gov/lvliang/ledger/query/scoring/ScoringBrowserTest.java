package cn.gov.lvliang.ledger.query.scoring;

import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.LISHI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.WENSHUI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.concluded;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.concludedCase;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.newId;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.on;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.rated;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import cn.gov.lvliang.ledger.query.web.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ranking page in a real headless Chromium over real HTTP, as an inspector reads it: the ranking shows the API's
 * scores with a chart of the totals; a county leads to its indicators with a radar chart, an indicator to the cases
 * it counted, a case to its page; the ranking exports to xlsx with the page's rows; the county's issued card prints
 * with its frozen total, verified against the ledger. The cases are placed in a month no test has used yet
 * ({@link UnusedMonth}): three concluded in 离石区 (one after going overdue), one in 文水县.
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    HeadlessChromium browser;
    ScoringPeriod month;
    String period;
    String ranking;
    final List<String> lishiCases = new ArrayList<>();
    JsonNode lishi;

    @BeforeAll
    void casesInAMonthOfTheirOwn_andLishisCardIssued() {
        browser = HeadlessChromium.startOrSkip();
        browser.signIn(base(), "inspector", TestAuthentication.PASSWORD);
        ScoringTestData.publishReferenceCatalogAndRubric(context, processing);
        month = UnusedMonth.of(context.getBean(JdbcClient.class), LISHI);
        period = month.code();
        ranking = "/scoring?kind=counties&period=" + period + "&rubricVersion=1";
        for (int i = 1; i <= 3; i++) {
            String caseId = newId();
            lishiCases.add(caseId);
            List<BundleCaseEvent> events = new ArrayList<>(concludedCase(caseId, LISHI, month, i, i == 3));
            events.add(rated(caseId, 4 + i % 2, on(month, 20, "10:00")));
            ScoringTestData.feedBundleCases(context, events);
        }
        String wenshui = newId();
        ScoringTestData.feedBundleCases(context, List.of(submitted(wenshui, WENSHUI, on(month, 3, "09:00")),
                concluded(wenshui, on(month, 10, "10:00"))));
        lishi = api("/api/scoring/counties/" + LISHI + "?period=" + period + "&rubricVersion=1");
        try {
            ScoreCardIssuedEvent card = ScoringTestData.issued(ScoringTestData.MAPPER.readValue(lishi.toString(),
                    SubjectScore.class), on(month, 28, "10:00"));
            Feed.into(context.getBean(ScoreCardProjection.class)).domainEvent("ScoreCard", card.cardId(), 0, card,
                    card.businessTime());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRanking_showsTheApisScores_withAChartOfTheTotals_andLeadsDownToTheCases() {
        open(ranking);

        assertThat(browser.headers("ranking")).startsWith("排名", "县（市、区）", "总分", "指标得分（百分制）", "扣分",
                "按期办结率（12分）").endsWith("评分表");
        List<String> lishiRow = row("ranking", "离石区");
        String total = lishi.get("totalScore").decimalValue().setScale(2).toPlainString();
        assertThat(lishiRow.get(2)).isEqualTo(total);
        assertThat(lishiRow.get(0)).isEqualTo(lishi.get("rank").asText());
        assertThat(lishiRow.get(lishiRow.size() - 1)).isEqualTo("已签发 " + total);
        assertThat(browser.driver().findElement(By.id("chart-ranking")).getAttribute("data-rendered"))
                .isEqualTo(String.valueOf(browser.rows("ranking").size()));
        assertThat(row("cards", "离石区")).contains(period, total);

        browser.driver().findElement(By.linkText("离石区")).click();
        assertThat(browser.driver().findElement(By.id("total-score")).getText()).isEqualTo(total);
        List<String> onTime = row("indicators", "按期办结率");
        // Two of three concluded on time.
        assertThat(onTime.get(2)).isEqualTo("66.7%");
        assertThat(onTime.get(3)).isEqualTo("2 / 3");
        assertThat(browser.lines("indicators", 6)).as("lines of each indicator's rank").containsOnly(1L);
        assertThat(browser.script("""
                const hash = document.getElementById('input-hash');
                return hash.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(hash).lineHeight);"""))
                .as("the input hash on one line").isEqualTo(true);
        assertThat(browser.driver().findElement(By.id("chart-indicators")).getAttribute("data-rendered"))
                .as("one spoke per indicator that applies").isEqualTo(String.valueOf(
                        count(lishi.get("indicators"), "applicable")));
        assertThat(browser.driver().findElement(By.id("card-status")).getText()).contains("已由 inspector");

        browser.driver().findElement(By.linkText("按期办结率")).click();
        assertThat(browser.driver().findElement(By.id("indicator-figures")).getText()).isEqualTo("2 / 3");
        List<List<String>> items = browser.rows("items");
        assertThat(items).extracting(item -> item.get(1)).containsExactlyInAnyOrderElementsOf(lishiCases);
        assertThat(items).extracting(item -> item.get(2)).containsExactlyInAnyOrder("按期办结", "按期办结", "超期后办结");

        browser.driver().findElement(By.linkText(lishiCases.get(0))).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/" + lishiCases.get(0));
        assertThat(browser.driver().getPageSource()).contains(lishiCases.get(0));
    }

    @Test
    void theRankingsExport_holdsThePagesRows() throws IOException {
        open(ranking);
        List<List<String>> page = browser.rows("ranking");
        String href = browser.driver().findElement(By.id("export-ranking")).getAttribute("href");

        ResponseEntity<byte[]> export = http.getForEntity(href.substring(base().length()), byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            assertThat(rows).isEqualTo(page);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("县（市、区）");
        }
    }

    @Test
    void theIssuedCard_printsWithItsFrozenTotal_verifiedAgainstTheLedger() {
        open("/scoring/counties/" + LISHI + "/print?period=" + period + "&rubricVersion=1");

        assertThat(browser.driver().findElement(By.id("print-subject")).getText()).isEqualTo("离石区");
        assertThat(browser.driver().findElement(By.id("print-status")).getText()).startsWith("已签发");
        assertThat(browser.driver().findElement(By.id("print-total")).getText())
                .isEqualTo(lishi.get("totalScore").decimalValue().setScale(2).toPlainString());
        assertThat(browser.driver().findElement(By.id("print-verification")).getText()).contains("一致");
        assertThat(browser.rows("indicators")).hasSize(14);

        open("/scoring/counties/" + WENSHUI + "/print?period=" + period + "&rubricVersion=1");
        assertThat(browser.driver().findElement(By.id("print-status")).getText()).contains("未签发");
    }

    private List<String> row(String table, String firstCellOrName) {
        return browser.rows(table).stream()
                .filter(row -> row.contains(firstCellOrName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row " + firstCellOrName + " in " + browser.rows(table)));
    }

    private static long count(JsonNode indicators, String flag) {
        long count = 0;
        for (JsonNode indicator : indicators) {
            count += indicator.get(flag).asBoolean() ? 1 : 0;
        }
        return count;
    }

    private JsonNode api(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private void open(String path) {
        browser.driver().get(base() + path);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
