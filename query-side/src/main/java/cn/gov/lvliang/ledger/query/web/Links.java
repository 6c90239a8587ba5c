package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.audit.TimeAxis;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.springframework.web.util.UriUtils;

/**
 * The URLs of the pages and exports, with their filters as query parameters named as the case list API names them
 * ({@code division}, {@code status}, {@code from}, ...). Paths start with {@code /}; the templates add the context
 * path.
 */
public final class Links {

    private Links() {
    }

    /** The case list page for the filter. */
    public static String cases(CaseFilter filter) {
        return caseQuery("/cases", filter).toString();
    }

    /** One page of the case list. */
    public static String cases(CaseFilter filter, int page) {
        return caseQuery("/cases", filter).add("page", page == 0 ? null : page).toString();
    }

    /** The xlsx export of the case list. */
    public static String casesExport(CaseFilter filter) {
        return caseQuery("/export/cases.xlsx", filter).toString();
    }

    public static String caseDetail(String caseId) {
        return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
    }

    /** A case's audit trail as the auditors' printable page: every event, as stored, and the case's proof. */
    public static String auditTrail(String caseId) {
        return "/api/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8)
                + "/audit-trail/export?format=html";
    }

    /** The case page as the case stood at {@code at} (Beijing time) on {@code axis}. */
    public static String caseAsOf(String caseId, LocalDateTime at, TimeAxis axis) {
        return new Query(caseDetail(caseId) + "/as-of").add("at", at).add("axis", axis.parameter()).toString();
    }

    public static String caseExport(String caseId, String table) {
        return "/export" + caseDetail(caseId) + "/" + table + ".xlsx";
    }

    public static String dashboard(DashboardFilter filter) {
        return dashboardQuery("/", filter).toString();
    }

    public static String dashboardExport(String table, DashboardFilter filter) {
        return dashboardQuery("/export/dashboard/" + table + ".xlsx", filter).toString();
    }

    public static String targetsExport(String table) {
        return "/export/targets/" + table + ".xlsx";
    }

    private static Query dashboardQuery(String path, DashboardFilter filter) {
        return new Query(path)
                .add("division", filter.division())
                .add("leadUnit", filter.leadUnit())
                .add("from", filter.from())
                .add("to", filter.to());
    }

    private static Query caseQuery(String path, CaseFilter filter) {
        Query query = new Query(path)
                .add("division", filter.division())
                .add("bundle", filter.bundle())
                .add("leadUnit", filter.leadUnit());
        filter.statuses().stream().map(Enum::name).sorted().forEach(status -> query.add("status", status));
        return query
                .add("channel", filter.channel())
                .add("overdue", filter.overdue())
                .add("atRisk", filter.atRisk())
                .add("from", filter.from())
                .add("to", filter.to())
                .add("minVisits", filter.minVisits())
                .add("maxVisits", filter.maxVisits())
                .add("waived", filter.waived())
                .add("waiverBasis", filter.waiverBasis())
                .add("complaints", filter.complaints())
                .add("rated", filter.rated())
                .add("rating", filter.rating())
                .add("transfer", filter.transfer())
                .add("transferYear", filter.transferYear())
                .add("item", filter.item())
                .add("bundleYear", filter.bundleYear());
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

        @Override
        public String toString() {
            return url.toString();
        }
    }
}
