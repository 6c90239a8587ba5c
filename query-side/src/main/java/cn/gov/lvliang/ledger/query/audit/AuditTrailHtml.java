package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A case's audit trail as a printable page in Chinese: a server-rendered page without scripts, laid out for A4
 * landscape, each event kept on one page with its payload printed as stored.
 */
final class AuditTrailHtml {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessDay.ZONE);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(BusinessDay.ZONE);
    private static final String NONE = "—";

    private static final String STYLE = """
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun",
                   sans-serif; font-size: 12px; color: #111; margin: 24px; }
            h1 { font-size: 20px; margin: 0 0 4px; }
            .ledger { margin: 0 0 12px; color: #444; }
            dl.meta { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0 0 8px; }
            dl.meta dt { font-weight: bold; }
            dl.meta dd { margin: 0; }
            .note { color: #444; margin: 0 0 12px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
            th { background: #eee; white-space: nowrap; }
            td.time { white-space: nowrap; }
            small, .label { color: #555; }
            .label { font-weight: bold; display: block; margin-top: 2px; }
            tr.content td { background: #fafafa; }
            pre { white-space: pre-wrap; word-break: break-all; margin: 0 0 4px;
                  font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 11px; }
            tbody.event { break-inside: avoid; page-break-inside: avoid; }
            @page { size: A4 landscape; margin: 12mm; }
            @media print {
                body { margin: 0; font-size: 10.5px; }
                thead { display: table-header-group; }
                th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private AuditTrailHtml() {
    }

    static String render(String caseId, List<AuditTrailEntry> entries, AuditTrailFilter filter, Instant exportedAt) {
        String aggregateType = entries.isEmpty() ? NONE : entries.get(0).aggregateType();
        Html html = new Html().markup("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<title>").text("审计轨迹 · 案件 " + caseId).markup("</title>\n<style>\n").markup(STYLE)
                .markup("</style>\n</head>\n<body>\n<header>\n<h1>审计轨迹</h1>\n")
                .markup("<p class=\"ledger\">吕梁市案件账本</p>\n<dl class=\"meta\">\n");
        meta(html, "案件编号", caseId);
        meta(html, "案件类别", aggregateType);
        meta(html, "筛选条件", filter.describe());
        meta(html, "事件数", "共 " + entries.size() + " 条");
        meta(html, "导出时间", beijing(exportedAt) + "（北京时间）");
        html.markup("</dl>\n<p class=\"note\">")
                .text("时间均为北京时间。业务时间为事项实际发生的时间，记录时间为账本记录该事件的时间，"
                        + "二者不同者为补录。事件内容与元数据按账本存储原样列出。")
                .markup("</p>\n</header>\n<table>\n<thead>\n<tr>");
        for (String heading : List.of("序号", "事件类型", "业务时间", "记录时间", "操作人", "单位", "县区", "渠道",
                "标识")) {
            html.element("th", null, heading);
        }
        html.markup("</tr>\n</thead>\n");
        for (AuditTrailEntry entry : entries) {
            event(html, entry);
        }
        return html.markup("</table>\n</body>\n</html>\n").toString();
    }

    private static void event(Html html, AuditTrailEntry entry) {
        html.markup("<tbody class=\"event\">\n<tr>")
                .element("td", null, String.valueOf(entry.sequence()))
                .markup("<td>").text(entry.eventLabel()).markup("<br><small>").text(entry.eventType())
                .text(entry.revision() == null ? "" : " · 第 " + entry.revision() + " 版").markup("</small></td>")
                .element("td", "time", entry.businessTime() == null ? NONE : beijing(entry.businessTime()))
                .element("td", "time", beijing(entry.recordedAt()))
                .markup("<td>").text(or(entry.actor().user()));
        if (entry.actor().role() != null) {
            html.markup("<br><small>").text("角色 " + entry.actor().role()).markup("</small>");
        }
        html.markup("</td><td>").text(or(entry.actor().unit()));
        if (entry.actingUnit() != null) {
            html.markup("<br><small>").text("经办单位 " + entry.actingUnit()).markup("</small>");
        }
        html.markup("</td>")
                .element("td", null, or(entry.actor().division()))
                .element("td", null, or(entry.channel()))
                .markup("<td><small>");
        identifier(html, "请求编号", entry.requestId());
        identifier(html, "关联编号", entry.correlationId());
        identifier(html, "因果编号", entry.causationId());
        identifier(html, "事件编号", entry.eventId());
        identifier(html, "全局序号", String.valueOf(entry.globalIndex()));
        html.markup("</small></td></tr>\n<tr class=\"content\"><td colspan=\"9\">")
                .element("span", "label", "事件内容").element("pre", null, entry.payload())
                .element("span", "label", "元数据").element("pre", null, or(entry.metadata()))
                .markup("</td></tr>\n</tbody>\n");
    }

    private static void meta(Html html, String term, String value) {
        html.element("dt", null, term).element("dd", null, value).markup("\n");
    }

    private static void identifier(Html html, String label, String value) {
        html.text(label + " " + or(value)).markup("<br>");
    }

    private static String or(String value) {
        return value == null ? NONE : value;
    }

    /** An instant in Beijing time, with milliseconds where it has them. */
    static String beijing(Instant instant) {
        return (instant.getNano() == 0 ? SECONDS : MILLIS).format(instant);
    }
}
