package cn.gov.lvliang.ledger.query.web;

import static cn.gov.lvliang.ledger.query.web.FundraisingBoardBrowserTest.FROM;
import static cn.gov.lvliang.ledger.query.web.FundraisingBoardBrowserTest.TO;
import static cn.gov.lvliang.ledger.query.web.FundraisingBoardBrowserTest.ZONE;
import static cn.gov.lvliang.ledger.query.web.FundraisingBoardBrowserTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.fundraising.FundraisingReadModels;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTableKind;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The fundraising board's exports against the same {@link FundraisingTables} calls that build its pages: each
 * workbook opens with POI and holds, cell for cell, the page's Chinese headers and rows, with amounts, ratios and
 * dates as Excel values; a statistics table keeps its printed two-row header. Runs without a browser, on the known
 * event set of {@link FundraisingBoardBrowserTest}.
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundraisingBoardExportTest {

    static final FundraisingParams PARAMS = new FundraisingParams(ZONE, FROM, TO);

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    FundraisingTables tables;

    FundraisingBoardBrowserTest.EventSet events;

    @BeforeEach
    void aKnownEventSet() {
        events = FundraisingBoardBrowserTest.EventSet.feed(context, processing);
        // The pages speak Chinese unless asked otherwise; so do the service calls compared with them.
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @AfterAll
    void restoreTheReadModelsFromTheEventStore() {
        FundraisingReadModels.restore(processing);
    }

    @Test
    void everyTableOfTheBoard_exportsThePagesChineseHeadersAndRows() {
        eventually(() -> {
            FundraisingBoard board = tables.board(PARAMS);
            assertThat(board.tables()).hasSize(17);
            for (Table table : board.tables().values()) {
                assertThat(table.exportHref()).isEqualTo(FundraisingLinks.boardExport(table.id(), board.filter()));
                assertThat(exported(table.exportHref(), table.headers().size(), 1)).as(table.id())
                        .isEqualTo(shown(table));
            }
        });
        Table clueCounty = tables.board(PARAMS).tables().get("clue-county");
        assertThat(clueCounty.headers()).containsExactly("县（市、区）", "录入线索（条）", "待核查线索（条）",
                "核查曾逾期（条）", "有风险待立案（条）", "已转立案（条）", "排除风险（条）", "重复线索（条）");
    }

    @Test
    void eachStatisticsTable_exportsItsTwoRowHeaderRowsAndTotals() throws IOException {
        for (StatisticsTableKind kind : StatisticsTableKind.values()) {
            eventually(() -> {
                FundraisingStatisticsPage page = tables.statistics(kind.path(), PARAMS);
                List<List<String>> sheet = exported(page.table().exportHref(), page.table().headers().size(), 2);
                assertThat(sheet).as(kind.path()).isEqualTo(shown(page.table()));
            });
        }
        FundraisingStatisticsPage riskClues = tables.statistics("3", PARAMS);
        try (Workbook workbook = workbook(riskClues.table().exportHref())) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("风险线索排查处置情况统计表");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("县（市、区）");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("新增风险线索");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("合计（条）");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 1, 0, 0),
                    new CellRangeAddress(0, 0, 1, 8));
            Row zone = sheet.getRow(2);
            assertThat(zone.getCell(0).getStringCellValue()).isEqualTo("吕梁经济技术开发区");
            assertThat(zone.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(zone.getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(6);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
            Sheet about = workbook.getSheetAt(1);
            List<String> aboutValues = new ArrayList<>();
            about.forEach(row -> aboutValues.add(row.getCell(1).getStringCellValue()));
            assertThat(aboutValues).contains("风险线索排查处置情况统计表", "吕梁经济技术开发区", "附件3")
                    .containsAll(riskClues.notes());
        }
        FundraisingStatisticsPage crossProvince = tables.statistics("cross-province", PARAMS);
        try (Workbook workbook = workbook(crossProvince.table().exportHref())) {
            Sheet sheet = workbook.getSheetAt(0);
            int columns = crossProvince.table().headers().size();
            Row caseA = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (events.caseA.name().equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
                    caseA = sheet.getRow(r);
                }
            }
            assertThat(caseA).as("the cross-province case is listed").isNotNull();
            assertThat(caseA.getCell(8).getCellType()).as("opened on, a date").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(caseA.getCell(8))).isTrue();
            assertThat(caseA.getCell(10).getNumericCellValue()).as("involved, yuan").isEqualTo(1_200_000.00);
            assertThat(caseA.getCell(columns - 4).getNumericCellValue()).as("coverage, %").isEqualTo(25.00);
        }
    }

    @Test
    void theClueAndCaseLists_exportEveryRowTheySelect() throws IOException {
        FundraisingClueFilter clues = FundraisingClueFilter.recordedIn(new FundraisingFilter(ZONE, FROM, TO));
        FundraisingCaseFilter cases = FundraisingCaseFilter.in(ZONE);
        eventually(() -> {
            assertThat(exported(FundraisingLinks.cluesExport(clues), 13, 1)).isEqualTo(shown(tables.allClues(clues)));
            assertThat(exported(FundraisingLinks.casesExport(cases), 15, 1)).isEqualTo(shown(tables.allCases(cases)));
        });
        List<List<String>> exported = exported(FundraisingLinks.cluesExport(clues), 13, 1);
        assertThat(exported.get(0)).startsWith("线索编号", "录入时间", "县（市、区）", "线索来源");
        assertThat(exported).extracting(row -> row.get(0)).containsAll(events.clues)
                .doesNotContain(events.clueBefore);
        ResponseEntity<byte[]> response = http.getForEntity(URI.create(http.getRootUri()
                + FundraisingLinks.cluesExport(clues)), byte[].class);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).as("风险线索.xlsx").isEqualTo(
                "attachment; filename=\"fundraising-clues.xlsx\"; filename*=UTF-8''"
                        + "%E9%A3%8E%E9%99%A9%E7%BA%BF%E7%B4%A2.xlsx");
    }

    @Test
    void anUnknownTable_isNotFound() {
        assertThat(http.getForEntity("/export/fundraising/nothing.xlsx", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/export/fundraising/statistics/attachment-9.xlsx", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/fundraising/statistics/attachment-9", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<List<String>> shown(Table table) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.headers());
        table.rows().forEach(row -> rows.add(row.stream().map(Cell::text).toList()));
        return rows;
    }

    /** The headers (one per column, from a one- or two-row header) and the rows of an export's first sheet. */
    private List<List<String>> exported(String href, int columns, int headerRows) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity(URI.create(http.getRootUri() + href), byte[].class);
        assertThat(response.getStatusCode()).as(href).isEqualTo(HttpStatus.OK);
        List<List<String>> sheet = FundraisingBoardBrowserTest.sheet(response.getBody(), columns);
        List<List<String>> rows = new ArrayList<>();
        rows.add(FundraisingBoardBrowserTest.sheetHeaders(sheet, headerRows));
        rows.addAll(sheet.subList(headerRows, sheet.size()));
        return rows;
    }

    private Workbook workbook(String href) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity(URI.create(http.getRootUri() + href), byte[].class);
        assertThat(response.getStatusCode()).as(href).isEqualTo(HttpStatus.OK);
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }
}
