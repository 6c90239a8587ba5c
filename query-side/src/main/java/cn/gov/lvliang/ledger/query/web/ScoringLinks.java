package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * The URLs of the scoring pages, exports and API. A kind is written as the API writes it ({@code counties},
 * {@code lead-units}); every link carries its period and rubric version, so a page, its export and the API answer the
 * same score. Paths start with {@code /}; the templates add the context path.
 */
public final class ScoringLinks {

    private ScoringLinks() {
    }

    /** The kind as a path segment. */
    public static String segment(ScoredSubjectKind kind) {
        return kind == ScoredSubjectKind.LEAD_UNIT ? "lead-units" : "counties";
    }

    public static String ranking(ScoredSubjectKind kind, String period, Integer rubric) {
        return "/scoring?kind=" + segment(kind) + period(period, rubric);
    }

    public static String rankingExport(ScoredSubjectKind kind, String period, Integer rubric) {
        return "/export/scoring/" + segment(kind) + ".xlsx?" + period(period, rubric).substring(1);
    }

    public static String subject(ScoredSubjectKind kind, String code, String period, Integer rubric) {
        return subjectPath("/scoring/", kind, code) + "?" + period(period, rubric).substring(1);
    }

    public static String print(ScoredSubjectKind kind, String code, String period, Integer rubric) {
        return subjectPath("/scoring/", kind, code) + "/print?" + period(period, rubric).substring(1);
    }

    public static String indicators(ScoredSubjectKind kind, String code, String period, Integer rubric) {
        return subjectPath("/export/scoring/", kind, code) + "/indicators.xlsx?" + period(period, rubric).substring(1);
    }

    public static String drilldown(ScoredSubjectKind kind, String code, String indicator, String period,
                                   Integer rubric) {
        return subjectPath("/scoring/", kind, code) + "/indicators/" + encode(indicator) + "?"
                + period(period, rubric).substring(1);
    }

    public static String drilldownExport(ScoredSubjectKind kind, String code, String indicator, String period,
                                         Integer rubric) {
        return subjectPath("/export/scoring/", kind, code) + "/indicators/" + encode(indicator) + ".xlsx?"
                + period(period, rubric).substring(1);
    }

    public static String cardsExport(ScoredSubjectKind kind, String period, Integer rubric) {
        return "/export/scoring/cards.xlsx?kind=" + segment(kind) + period(period, rubric);
    }

    /** A card as the query API answers it. */
    public static String cardApi(String cardId) {
        return "/api/scoring/cards/" + encode(cardId);
    }

    /** A card computed again and compared, as the query API answers it. */
    public static String verificationApi(String cardId) {
        return cardApi(cardId) + "/verification";
    }

    /** A card's events, as the audit trail shows any case's. */
    public static String auditTrail(String cardId) {
        return "/api/cases/" + encode(cardId) + "/audit-trail/export?format=html";
    }

    /** The facts a score is computed from, with their hash, as the query API answers them. */
    public static String inputsApi(ScoredSubjectKind kind, String code, String period, Integer rubric) {
        return subjectPath("/api/scoring/", kind, code) + "/inputs?" + period(period, rubric).substring(1);
    }

    private static String subjectPath(String prefix, ScoredSubjectKind kind, String code) {
        return prefix + segment(kind) + "/" + encode(code);
    }

    private static String period(String period, Integer rubric) {
        return "&period=" + URLEncoder.encode(period, StandardCharsets.UTF_8)
                + (rubric == null ? "" : "&rubricVersion=" + rubric);
    }

    private static String encode(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }
}
