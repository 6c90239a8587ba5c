package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.query.web.FundraisingCaseParams;
import cn.gov.lvliang.ledger.query.web.FundraisingClueParams;
import cn.gov.lvliang.ledger.query.web.FundraisingParams;
import cn.gov.lvliang.ledger.query.web.FundraisingStatisticsPage;
import cn.gov.lvliang.ledger.query.web.FundraisingTables;
import cn.gov.lvliang.ledger.query.web.Labels;
import cn.gov.lvliang.ledger.query.web.Table;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The fundraising board's tables, its statistics tables and its clue and case lists as xlsx workbooks, with the
 * page's headers (Chinese unless the reader chose English; the statistics tables' headers are the plan's, in
 * Chinese) and exactly the page's rows, built by the same {@link FundraisingTables} call from the same parameters.
 * A list exports all its pages.
 */
@Controller
class FundraisingXlsxExportController {

    private final FundraisingTables tables;
    private final Labels labels;
    private final XlsxDownloads downloads;

    FundraisingXlsxExportController(FundraisingTables tables, Labels labels, XlsxDownloads downloads) {
        this.tables = tables;
        this.labels = labels;
        this.downloads = downloads;
    }

    @GetMapping("/export/fundraising/{table}.xlsx")
    ResponseEntity<byte[]> boardTable(@PathVariable String table, FundraisingParams params) {
        Table found = tables.boardTable(table, params)
                .orElseThrow(() -> new NotFoundException(labels.get("error.noTable", table)));
        return downloads.table(found, "fundraising-" + table, List.of());
    }

    @GetMapping("/export/fundraising/statistics/{table}.xlsx")
    ResponseEntity<byte[]> statisticsTable(@PathVariable String table, FundraisingParams params) {
        FundraisingStatisticsPage page = tables.statistics(table, params);
        List<String[]> extra = new ArrayList<>();
        extra.add(new String[] {labels.get("fr.export.scope"), page.scopeName()});
        extra.add(new String[] {labels.get("fr.export.period"), page.from() + " – " + page.to()});
        extra.add(new String[] {labels.get("fr.export.attachment"),
                labels.get("fr.attachment", page.kind().attachment())});
        for (String note : page.notes()) {
            extra.add(new String[] {labels.get("fr.export.tableNote"), note});
        }
        return XlsxDownloads.attachment(page.table().title(), "fundraising-statistics-" + page.kind().path(),
                FundraisingXlsxTables.write(page.table(), page.groups(), downloads.about(page.table(), extra),
                        labels.get("export.about.sheet")));
    }

    @GetMapping("/export/fundraising/clues.xlsx")
    ResponseEntity<byte[]> clues(FundraisingClueParams params) {
        Table table = tables.allClues(params.toFilter());
        return downloads.table(table, "fundraising-clues", List.of());
    }

    @GetMapping("/export/fundraising/cases.xlsx")
    ResponseEntity<byte[]> cases(FundraisingCaseParams params) {
        Table table = tables.allCases(params.toFilter());
        return downloads.table(table, "fundraising-cases", List.of());
    }
}
