package cn.gov.lvliang.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The OpenAPI description documents the audit and projection-admin endpoints and every audit-trail filter. */
@QuerySideTest
class AuditApiDocumentationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void auditAndAdminEndpoints_haveSummaries_andTheTrailsFiltersDescriptions() {
        JsonNode paths = Json.parse(http.getForObject("/v3/api-docs", String.class)).get("paths");

        Map<String, String> operations = Map.of(
                "/api/cases/{caseId}/audit-trail", "get",
                "/api/cases/{caseId}/audit-trail.jsonl", "get",
                "/api/cases/{caseId}/audit-trail/export", "get",
                "/api/cases/{caseId}/state", "get",
                "/api/cases/{caseId}/diff", "get",
                "/api/cases/{caseId}/history", "get",
                "/api/admin/projections", "get",
                "/api/admin/projections/{name}/rebuild", "post",
                "/api/admin/projections/{name}/verify", "get");
        operations.forEach((path, method) -> {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).get(method).get("summary").asText()).as(path).isNotBlank();
        });
        Map<String, String> described = new HashMap<>();
        paths.get("/api/cases/{caseId}/audit-trail").get("get").get("parameters")
                .forEach(parameter -> described.put(parameter.get("name").asText(),
                        parameter.path("description").asText()));
        assertThat(described).containsOnlyKeys("caseId", "from", "to", "axis", "user", "unit", "type", "page",
                "size");
        assertThat(described.values()).allSatisfy(description -> assertThat(description).isNotBlank());
    }
}
