package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
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
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What every xlsx download shares: the second sheet that says what the table is, which request made it, when and how
 * many rows it has; and the response that carries the workbook with its Chinese title as the file name.
 */
@Component
class XlsxDownloads {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Labels labels;
    private final Clock clock;

    XlsxDownloads(Labels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    /** A table as a workbook of its own, with the second sheet and any extra lines on it. */
    ResponseEntity<byte[]> table(Table table, String asciiName, List<String[]> extra) {
        return attachment(table.title(), asciiName,
                XlsxTables.write(table, about(table, extra), labels.get("export.about.sheet")));
    }

    /** The second sheet: what the table is, the request that made it, when, and how many rows. */
    List<String[]> about(Table table, List<String[]> extra) {
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
    static ResponseEntity<byte[]> attachment(String title, String asciiName, byte[] bytes) {
        String disposition = "attachment; filename=\"" + asciiName + ".xlsx\"; filename*=UTF-8''"
                + UriUtils.encode(title + ".xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(XlsxExportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(bytes);
    }
}
