package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.fundraising.StatisticsTableKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.springframework.web.util.UriUtils;

/**
 * The URLs of the fundraising board, its statistics pages, its clue and case lists and their exports. Filters are
 * query parameters named as the fundraising query API names them, so a list link's query string, asked of
 * {@code /api/fundraising/clues} or {@code /api/fundraising/cases}, answers the same clues or cases. Paths start with
 * {@code /}; the templates add the context path.
 */
public final class FundraisingLinks {

    private FundraisingLinks() {
    }

    public static String board(FundraisingFilter filter) {
        return period(new Query("/fundraising"), filter).toString();
    }

    /** A section of the board, e.g. {@code legacy}: the board with the anchor of that table's panel. */
    public static String boardSection(FundraisingFilter filter, String table) {
        return board(filter) + "#panel-" + table;
    }

    public static String boardExport(String table, FundraisingFilter filter) {
        return period(new Query("/export/fundraising/" + table + ".xlsx"), filter).toString();
    }

    public static String statistics(StatisticsTableKind kind, FundraisingFilter filter) {
        return period(new Query("/fundraising/statistics/" + kind.path()), filter).toString();
    }

    public static String statisticsExport(StatisticsTableKind kind, FundraisingFilter filter) {
        return period(new Query("/export/fundraising/statistics/" + kind.path() + ".xlsx"), filter).toString();
    }

    public static String statisticsApi(StatisticsTableKind kind, FundraisingFilter filter) {
        return period(new Query("/api/fundraising/statistics/" + kind.path()), filter).toString();
    }

    public static String clues(FundraisingClueFilter filter) {
        return clueQuery("/fundraising/clues", filter).toString();
    }

    public static String clues(FundraisingClueFilter filter, int page) {
        return clueQuery("/fundraising/clues", filter).add("page", page == 0 ? null : page).toString();
    }

    public static String cluesExport(FundraisingClueFilter filter) {
        return clueQuery("/export/fundraising/clues.xlsx", filter).toString();
    }

    public static String cluesApi(FundraisingClueFilter filter) {
        return clueQuery("/api/fundraising/clues", filter).toString();
    }

    public static String cases(FundraisingCaseFilter filter) {
        return caseQuery("/fundraising/cases", filter).toString();
    }

    public static String cases(FundraisingCaseFilter filter, int page) {
        return caseQuery("/fundraising/cases", filter).add("page", page == 0 ? null : page).toString();
    }

    public static String casesExport(FundraisingCaseFilter filter) {
        return caseQuery("/export/fundraising/cases.xlsx", filter).toString();
    }

    public static String casesApi(FundraisingCaseFilter filter) {
        return caseQuery("/api/fundraising/cases", filter).toString();
    }

    /** One clue's page: everything the ledger holds of it but the reporter. */
    public static String clue(String clueId) {
        return "/fundraising/clues/" + UriUtils.encodePathSegment(clueId, StandardCharsets.UTF_8);
    }

    /** One clue as the API answers it. */
    public static String clueJson(String clueId) {
        return "/api" + clue(clueId);
    }

    /** One disposal case in full as the API answers it. */
    public static String caseJson(String caseId) {
        return "/api/fundraising/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
    }

    private static Query period(Query query, FundraisingFilter filter) {
        return query.add("division", filter.division()).add("from", filter.from()).add("to", filter.to());
    }

    private static Query clueQuery(String path, FundraisingClueFilter filter) {
        return new Query(path)
                .add("division", filter.division())
                .addAll("source", filter.sources())
                .addAll("keyArea", filter.keyAreas())
                .addAll("outcome", filter.outcomes())
                .addAll("status", filter.statuses())
                .add("overdue", filter.overdue())
                .add("from", filter.from())
                .add("to", filter.to())
                .add("q", filter.q());
    }

    private static Query caseQuery(String path, FundraisingCaseFilter filter) {
        return new Query(path)
                .add("division", filter.division())
                .addAll("status", filter.statuses())
                .add("level", filter.level())
                .add("outcome", filter.outcome())
                .add("legacy", filter.legacy())
                .add("crossProvince", filter.crossProvince())
                .add("measureKind", filter.measureKind())
                .add("transferred", filter.transferred())
                .add("escalated", filter.escalated())
                .add("keyArea", filter.keyArea())
                .add("from", filter.from())
                .add("to", filter.to())
                .add("q", filter.q());
    }

    /** A path with form-encoded parameters, as a browser submits a form and the servlet container decodes it. */
    private static final class Query {

        private final StringBuilder url;
        private boolean first = true;

        Query(String path) {
            this.url = new StringBuilder(path);
        }

        Query add(String name, Object value) {
            if (value != null) {
                String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
                url.append(first ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
                first = false;
            }
            return this;
        }

        /** A repeated parameter, one value each, in the set's order. */
        Query addAll(String name, Collection<?> values) {
            values.forEach(value -> add(name, value));
            return this;
        }

        @Override
        public String toString() {
            return url.toString();
        }
    }
}
