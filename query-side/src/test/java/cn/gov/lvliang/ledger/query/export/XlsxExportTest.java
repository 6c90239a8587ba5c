package cn.gov.lvliang.ledger.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardScenario;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.web.Cell;
import cn.gov.lvliang.ledger.query.web.CaseTables;
import cn.gov.lvliang.ledger.query.web.DashboardTables;
import cn.gov.lvliang.ledger.query.web.Links;
import cn.gov.lvliang.ledger.query.web.Table;
import cn.gov.lvliang.ledger.query.web.TargetTables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each export against the same service call that builds the page's table: the workbook opens with POI and shows,
 * cell for cell, what the page shows, with numbers and dates as Excel values. Runs without a browser.
 */
@QuerySideTest
class XlsxExportTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DashboardTables dashboard;

    @Autowired
    TargetTables targets;

    @Autowired
    CaseTables cases;

    DashboardScenario scenario;

    @BeforeEach
    void eightCases() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
        scenario = new DashboardScenario();
        scenario.feed(context.getBean("bundleCaseProjection"));
        // The pages speak Chinese unless asked otherwise; so do the service calls compared with them.
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyDashboardTable_exportsTheHeadersAndRowsOfThePage() throws IOException {
        DashboardFilter filter = new DashboardFilter(null, scenario.leadUnit, null, null);
        for (Table table : dashboard.all(filter).values()) {
            assertThat(exported(Links.dashboardExport(table.id(), filter), table.headers().size()))
                    .as(table.id()).isEqualTo(shown(table));
        }
        assertThat(exported(Links.dashboardExport("county", filter), 4)).contains(
                List.of("区县", "案件数", "已办结", "超期"), List.of("离石区", "6", "3", "0"), List.of("文水县", "2", "0", "1"));
    }

    @Test
    void theCaseList_exportsEveryCaseItSelects() throws IOException {
        CaseFilter mine = CaseFilter.builder().leadUnit(scenario.leadUnit).build();
        CaseFilter resolved = mine.toBuilder().complaints(CaseFilter.ComplaintFilter.RESOLVED).build();

        List<List<String>> all = exported(Links.casesExport(mine), 11);
        assertThat(all).isEqualTo(shown(cases.all(mine)));
        assertThat(all).hasSize(1 + 8);
        assertThat(all.get(1)).startsWith(scenario.d, "新生儿出生", "文水县");
        assertThat(exported(Links.casesExport(resolved), 11)).extracting(row -> row.get(0))
                .containsExactly("案件编号", scenario.c, scenario.b);
    }

    @Test
    void theTargetTables_exportWhatThePageShows() throws IOException {
        for (Table table : targets.all().values()) {
            assertThat(exported(Links.targetsExport(table.id()), table.headers().size())).as(table.id())
                    .isEqualTo(shown(targets.one(table.id()).orElseThrow()));
        }
    }

    @Test
    void numbersAndTimes_areExcelValues_andASecondSheetSaysWhatTheTableIs() throws IOException {
        DashboardFilter filter = new DashboardFilter(null, scenario.leadUnit, null, null);
        try (Workbook summary = workbook(Links.dashboardExport("summary", filter));
             Workbook list = workbook(Links.casesExport(CaseFilter.builder().leadUnit(scenario.leadUnit).build()))) {
            Row oneVisitShare = summary.getSheetAt(0).getRow(6);
            assertThat(oneVisitShare.getCell(0).getStringCellValue()).isEqualTo("最多跑一次占比（占办结案件）");
            assertThat(oneVisitShare.getCell(1).getNumericCellValue()).isEqualTo(2.0 / 3);
            org.apache.poi.ss.usermodel.Cell submitted = list.getSheetAt(0).getRow(1).getCell(7);
            assertThat(submitted.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(submitted)).isTrue();
            Sheet about = summary.getSheetAt(1);
            assertThat(about.getSheetName()).isEqualTo("说明");
            assertThat(about.getRow(0).getCell(1).getStringCellValue()).isEqualTo("关键指标");
        }
    }

    private List<List<String>> shown(Table table) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.headers());
        table.rows().forEach(row -> rows.add(row.stream().map(Cell::text).toList()));
        return rows;
    }

    private List<List<String>> exported(String href, int columns) throws IOException {
        try (Workbook workbook = workbook(href)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private Workbook workbook(String href) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity(URI.create(http.getRootUri() + href), byte[].class);
        assertThat(response.getStatusCode()).as(href).isEqualTo(HttpStatus.OK);
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }
}
