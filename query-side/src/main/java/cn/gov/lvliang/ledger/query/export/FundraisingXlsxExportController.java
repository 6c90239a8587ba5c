package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.query.web.FundraisingCaseParams;
import cn.gov.lvliang.ledger.query.web.FundraisingClueParams;
import cn.gov.lvliang.ledger.query.web.FundraisingParams;
import cn.gov.lvliang.ledger.query.web.FundraisingStatisticsPage;
import cn.gov.lvliang.ledger.query.web.FundraisingTables;
import cn.gov.lvliang.ledger.query.web.Labels;
import cn.gov.lvliang.ledger.query.web.Table;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The fundraising board's tables, its statistics tables and its clue and case lists as xlsx workbooks, with the
 * page's headers (Chinese unless the reader chose English; the statistics tables' headers are the plan's, in
 * Chinese) and exactly the page's rows, built by the same {@link FundraisingTables} call from the same parameters.
 * A list exports all its pages.
 */
@Controller
class FundraisingXlsxExportController {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FundraisingTables tables;
    private final Labels labels;
    private final Clock clock;

    FundraisingXlsxExportController(FundraisingTables tables, Labels labels, Clock clock) {
        this.tables = tables;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/export/fundraising/{table}.xlsx")
    ResponseEntity<byte[]> boardTable(@PathVariable String table, FundraisingParams params) {
        Table found = tables.boardTable(table, params)
                .orElseThrow(() -> new NotFoundException(labels.get("error.noTable", table)));
        return attachment(found.title(), "fundraising-" + table,
                XlsxTables.write(found, about(found, List.of()), labels.get("export.about.sheet")));
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
        return attachment(page.table().title(), "fundraising-statistics-" + page.kind().path(),
                FundraisingXlsxTables.write(page.table(), page.groups(), about(page.table(), extra),
                        labels.get("export.about.sheet")));
    }

    @GetMapping("/export/fundraising/clues.xlsx")
    ResponseEntity<byte[]> clues(FundraisingClueParams params) {
        Table table = tables.allClues(params.toFilter());
        return attachment(table.title(), "fundraising-clues",
                XlsxTables.write(table, about(table, List.of()), labels.get("export.about.sheet")));
    }

    @GetMapping("/export/fundraising/cases.xlsx")
    ResponseEntity<byte[]> cases(FundraisingCaseParams params) {
        Table table = tables.allCases(params.toFilter());
        return attachment(table.title(), "fundraising-cases",
                XlsxTables.write(table, about(table, List.of()), labels.get("export.about.sheet")));
    }

    /** The second sheet: what the table is, the request that made it, when, and how many rows. */
    private List<String[]> about(Table table, List<String[]> extra) {
        List<String[]> about = new ArrayList<>();
        about.add(new String[] {labels.get("export.about.table"), table.title()});
        if (table.note() != null) {
            about.add(new String[] {labels.get("export.about.note"), table.note()});
        }
        about.add(new String[] {labels.get("export.about.query"),
                ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString()});
        about.add(new String[] {labels.get("export.about.generated"),
                GENERATED.format(LocalDateTime.ofInstant(clock.instant(), BusinessDay.ZONE))});
        about.add(new String[] {labels.get("export.about.rows"), Integer.toString(table.rows().size())});
        about.addAll(extra);
        return about;
    }

    /** The Chinese title as the file name (RFC 6266), with an ASCII name for clients that cannot read it. */
    private static ResponseEntity<byte[]> attachment(String title, String asciiName, byte[] bytes) {
        String disposition = "attachment; filename=\"" + asciiName + ".xlsx\"; filename*=UTF-8''"
                + UriUtils.encode(title + ".xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(XlsxExportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(bytes);
    }
}
