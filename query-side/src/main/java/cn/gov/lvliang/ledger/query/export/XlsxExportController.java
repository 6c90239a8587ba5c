package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.query.bundle.BundleCaseView;
import cn.gov.lvliang.ledger.query.dashboard.DashboardFilter;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.dashboard.ReformTargets;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.query.web.CaseParams;
import cn.gov.lvliang.ledger.query.web.CaseTables;
import cn.gov.lvliang.ledger.query.web.DashboardParams;
import cn.gov.lvliang.ledger.query.web.DashboardTables;
import cn.gov.lvliang.ledger.query.web.Labels;
import cn.gov.lvliang.ledger.query.web.Table;
import cn.gov.lvliang.ledger.query.web.TargetTables;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every table of the pages as an xlsx workbook, with the page's headers (in the reader's language, Chinese unless
 * chosen otherwise) and the page's rows: the export of a table is built by the same code as the table on the page,
 * from the same filters. The case list exports all its pages.
 */
@Controller
class XlsxExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final DashboardTables dashboard;
    private final TargetTables targets;
    private final CaseTables cases;
    private final LedgerQueries ledger;
    private final ReformTargets reformTargets;
    private final Labels labels;
    private final XlsxDownloads downloads;

    XlsxExportController(DashboardTables dashboard, TargetTables targets, CaseTables cases, LedgerQueries ledger,
                         ReformTargets reformTargets, Labels labels, XlsxDownloads downloads) {
        this.dashboard = dashboard;
        this.targets = targets;
        this.cases = cases;
        this.ledger = ledger;
        this.reformTargets = reformTargets;
        this.labels = labels;
        this.downloads = downloads;
    }

    @GetMapping("/export/dashboard/{table}.xlsx")
    ResponseEntity<byte[]> dashboardTable(@PathVariable String table, DashboardParams params) {
        DashboardFilter filter = params.toFilter();
        Table found = dashboard.one(table, filter).orElseThrow(() -> noTable(table));
        return workbook(found, "dashboard-" + table);
    }

    @GetMapping("/export/targets/{table}.xlsx")
    ResponseEntity<byte[]> targetsTable(@PathVariable String table) {
        Table found = targets.one(table).orElseThrow(() -> noTable(table));
        List<String[]> extra = List.<String[]>of(new String[] {labels.get("export.about.source"),
                reformTargets.source().document() + " " + reformTargets.source().title()});
        return workbook(found, "targets-" + table, extra);
    }

    @GetMapping("/export/cases.xlsx")
    ResponseEntity<byte[]> caseList(CaseParams params) {
        return workbook(cases.all(params.toFilter()), "cases");
    }

    @GetMapping("/export/cases/{caseId}/{table}.xlsx")
    ResponseEntity<byte[]> caseTable(@PathVariable String caseId, @PathVariable String table) {
        BundleCaseView view = ledger.findCase(caseId)
                .orElseThrow(() -> new NotFoundException(labels.get("error.noCase", caseId)));
        return workbook(cases.detail(view, table).orElseThrow(() -> noTable(table)), "case-" + table);
    }

    private ResponseEntity<byte[]> workbook(Table table, String asciiName) {
        return workbook(table, asciiName, List.of());
    }

    private ResponseEntity<byte[]> workbook(Table table, String asciiName, List<String[]> extra) {
        return downloads.table(table, asciiName, extra);
    }

    private NotFoundException noTable(String table) {
        return new NotFoundException(labels.get("error.noTable", table));
    }
}
