package cn.gov.lvliang.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The OpenAPI description documents every query endpoint and every parameter of the case list. */
@QuerySideTest
class ApiDocumentationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void everyQueryEndpoint_hasASummary_andEveryListParameterADescription() {
        JsonNode paths = Json.parse(http.getForObject("/v3/api-docs", String.class)).get("paths");

        for (String path : new String[] {"/api/bundle-cases", "/api/bundle-cases/{caseId}", "/api/catalog/bundles",
                "/api/reference/divisions", "/api/reference/units", "/api/reference/halls"}) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).get("get").get("summary").asText()).as(path).isNotBlank();
        }
        Map<String, String> described = new HashMap<>();
        paths.get("/api/bundle-cases").get("get").get("parameters")
                .forEach(parameter -> described.put(parameter.get("name").asText(),
                        parameter.path("description").asText()));
        assertThat(described).containsOnlyKeys("division", "bundle", "leadUnit", "status", "channel", "overdue",
                "atRisk", "from", "to", "sort", "direction", "page", "size");
        assertThat(described.values()).allSatisfy(description -> assertThat(description).isNotBlank());
    }
}
