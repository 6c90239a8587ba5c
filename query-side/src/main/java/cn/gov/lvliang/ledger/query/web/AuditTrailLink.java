package cn.gov.lvliang.ledger.query.web;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Where a case page links for the case's audit trail: the auditors' HTML export
 * ({@code /api/cases/{caseId}/audit-trail/export?format=html}) once the query side serves it, and until then the
 * stored history ({@code /api/cases/{caseId}/history}). Decided from the handler mappings, once, so the link
 * follows the audit feature without a change here.
 */
@Component
class AuditTrailLink {

    private static final PathContainer EXPORT_PROBE = PathContainer.parsePath("/api/cases/probe/audit-trail/export");

    private final RequestMappingHandlerMapping mappings;
    private volatile Boolean exportServed;

    AuditTrailLink(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    String of(String caseId) {
        String casePath = "/api/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
        return exportServed() ? casePath + "/audit-trail/export?format=html" : casePath + "/history";
    }

    private boolean exportServed() {
        Boolean served = exportServed;
        if (served == null) {
            served = mappings.getHandlerMethods().keySet().stream()
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                    .anyMatch(pattern -> pattern.matches(EXPORT_PROBE));
            exportServed = served;
        }
        return served;
    }
}
