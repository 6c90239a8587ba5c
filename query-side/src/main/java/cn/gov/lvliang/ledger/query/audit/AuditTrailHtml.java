package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.verifier.CaseBundle;
import cn.gov.lvliang.ledger.verifier.CaseProofs;
import cn.gov.lvliang.ledger.verifier.CaseVerification;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A case's audit trail as a printable page in Chinese: a server-rendered page without scripts, laid out for A4
 * landscape, each event kept on one page with its payload printed as stored, and the case's proof (账本校验): the
 * verdict, the signed checkpoint, the case's chain head and how an auditor checks it with the standalone verifier.
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
            section.proof { border: 1px solid #999; padding: 6px 10px; margin: 0 0 12px; break-inside: avoid; }
            section.proof h2 { font-size: 14px; margin: 0 0 4px; }
            .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 11px; word-break: break-all; }
            .verdict-FAILED { color: #b3261e; font-weight: bold; }
            @page { size: A4 landscape; margin: 12mm; }
            @media print {
                body { margin: 0; font-size: 10.5px; }
                thead { display: table-header-group; }
                th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private AuditTrailHtml() {
    }

    static String render(String caseId, List<AuditTrailEntry> entries, AuditTrailFilter filter, Instant exportedAt,
                         CaseProofs.Proof proof, ProofBadge verdict) {
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
                .markup("</p>\n");
        proof(html, caseId, proof, verdict);
        html.markup("</header>\n<table>\n<thead>\n<tr>");
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

    /** The case's proof: the verdict, what the checkpoint signs, the case's chain head, and how to check them. */
    private static void proof(Html html, String caseId, CaseProofs.Proof proof, ProofBadge verdict) {
        CaseBundle bundle = proof.bundle();
        CaseVerification verification = proof.verification();
        Checkpoint checkpoint = bundle.checkpoint();
        html.markup("<section class=\"proof\" id=\"proof\">\n<h2>账本校验</h2>\n<dl class=\"meta\">\n");
        html.element("dt", null, "校验结果").markup("<dd>")
                .element("span", "verdict-" + verdict.status(), verdict.label()).text("：" + verdict.detail())
                .markup("</dd>\n");
        if (checkpoint == null) {
            meta(html, "检查点", "账本尚未签署检查点");
        } else {
            meta(html, "检查点", "编号 " + checkpoint.id() + " · 覆盖账本前 " + checkpoint.size() + " 个事件 · 签署于 "
                    + beijing(Instant.parse(checkpoint.time())) + "（北京时间，" + checkpoint.time() + "）");
            meta(html, "账本", checkpoint.origin() + " · 日志标识 " + checkpoint.logId());
            hashes(html, "Merkle 树根", checkpoint.roots());
            hashes(html, "账本链头", checkpoint.chainHeads());
            html.element("dt", null, "签名").markup("<dd>");
            checkpoint.signatures().forEach(signature -> html
                    .text(signature.algorithm().label() + " · 密钥编号 " + signature.keyId()).markup("<br>"));
            html.markup("</dd>\n");
            if (verification.caseChainHeads().isEmpty()) {
                meta(html, "本案链头", "检查点尚未覆盖本案事件");
            } else {
                hashes(html, "本案链头", verification.caseChainHeads());
            }
        }
        meta(html, "本案事件", "检查点覆盖 " + verification.eventsVerified() + " 个，晚于检查点 "
                + verification.uncoveredEvents() + " 个");
        String path = "/api/cases/" + caseId;
        html.markup("</dl>\n<p class=\"note\">")
                .text("独立校验：下载本案的 JSON Lines 导出（" + path + "/audit-trail.jsonl，最后一行即本案证明包）"
                        + "或证明包（" + path + "/audit-trail/bundle），向账本管理部门索取检查点公钥并核对上列密钥编号，"
                        + "然后运行 java -jar ledger-verifier.jar audit-trail-" + caseId + ".jsonl --public-key "
                        + "checkpoint-ed25519.pub.pem（证明包则为 case-" + caseId + "-bundle.json）。校验工具不依赖本系统："
                        + "它由事件原文重算每个事件的哈希、本案哈希链和到检查点 Merkle 树根的包含证明，验证检查点签名，"
                        + "并逐行核对导出内容与证明包中的事件一致。算法见 docs/verifiable-ledger.md。")
                .markup("</p>\n</section>\n");
    }

    private static void hashes(Html html, String term, Map<HashAlgorithm, byte[]> hashes) {
        html.element("dt", null, term).markup("<dd>");
        hashes.forEach((algorithm, hash) -> html.text(algorithm.label() + " ")
                .element("span", "hash", Json.hex(hash)).markup("<br>"));
        html.markup("</dd>\n");
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
