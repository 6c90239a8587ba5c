package cn.gov.lvliang.ledger.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The catalog over HTTP. Each test starts from an empty catalog read model, so that a version this test published
 * on an earlier run, with other content, cannot answer in its place.
 */
@QuerySideTest
class CatalogApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CatalogProjection projection;

    @Autowired
    EventProcessingConfiguration processing;

    Feed feed;

    @BeforeEach
    void emptyCatalog() {
        Processors.awaitCaughtUp(processing, CatalogProjection.PROCESSING_GROUP);
        feed = Feed.into(projection);
        feed.reset();
    }

    @AfterEach
    void restoreTheReadModelFromTheEventStore() {
        Processors.replay(processing, CatalogProjection.PROCESSING_GROUP);
    }

    @Test
    void publishedVersion_isAnsweredAsPrinted_bundlesInTheirPrintedOrder() {
        feed.event(CatalogTestData.small(931), CatalogTestData.PUBLISHED);

        JsonNode catalog = get("/api/catalog/bundles?version=931");

        assertThat(catalog.get("version").asInt()).isEqualTo(931);
        assertThat(catalog.get("title").asText()).isEqualTo("“高效办成一件事”重点事项清单");
        assertThat(catalog.get("source").asText()).isEqualTo("吕政发〔2024〕9号 附件");
        assertThat(catalog.get("publishedAt").asText()).isEqualTo("2025-01-02T00:00:00Z");
        JsonNode bundles = catalog.get("bundles");
        assertThat(bundles).hasSize(2);
        JsonNode opening = bundles.get(0);
        assertThat(opening.get("code").asText()).isEqualTo("2024-01");
        assertThat(opening.get("seq").asInt()).isEqualTo(1);
        assertThat(opening.get("name").asText()).isEqualTo("企业开办");
        assertThat(opening.get("mark").asText()).isEqualTo("PROVINCIAL");
        assertThat(opening.get("year").asInt()).isEqualTo(2024);
        assertThat(opening.get("subject").asText()).isEqualTo("ENTERPRISE");
        assertThat(opening.get("leadUnit").asText()).isEqualTo("市行政审批局");
        assertThat(opening.get("items")).hasSize(3);
        assertThat(opening.get("items").get(1).get("name").asText()).isEqualTo("公章刻制备案");
        assertThat(opening.get("items").get(1).get("unit").asText()).isEqualTo("市公安局");
        JsonNode birth = bundles.get(1);
        assertThat(birth.get("name").asText()).isEqualTo("新生儿出生");
        assertThat(birth.get("items").get(2).get("seq").asInt()).isEqualTo(3);
        assertThat(birth.get("items").get(2).get("coUnits").get(0).asText()).isEqualTo("市税务局");
        assertThat(birth.get("items").get(0).get("coUnits")).isEmpty();
    }

    @Test
    void withoutAVersion_theLatestPublishedVersionAnswers() {
        feed.event(CatalogTestData.small(932), CatalogTestData.PUBLISHED);
        feed.event(CatalogTestData.small(933), CatalogTestData.PUBLISHED);

        assertThat(get("/api/catalog/bundles").get("version").asInt()).isEqualTo(933);
        assertThat(get("/api/catalog/bundles?version=932").get("version").asInt()).isEqualTo(932);
    }

    @Test
    void redeliveredVersion_changesNothing() {
        feed.event(CatalogTestData.small(934), CatalogTestData.PUBLISHED);

        feed.event(CatalogTestData.small(934), CatalogTestData.PUBLISHED.plusSeconds(60));

        JsonNode catalog = get("/api/catalog/bundles?version=934");
        assertThat(catalog.get("bundles")).hasSize(2);
        assertThat(catalog.get("bundles").get(0).get("items")).hasSize(3);
    }

    @Test
    void nothingPublished_isAProblemNotFound() {
        ResponseEntity<String> response = http.getForEntity("/api/catalog/bundles", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(Json.parse(response.getBody()).get("detail").asText())
                .isEqualTo("No bundle catalog has been published yet");
    }

    @Test
    void unknownVersion_isAProblemNotFound() {
        feed.event(CatalogTestData.small(935), CatalogTestData.PUBLISHED);

        ResponseEntity<String> response = http.getForEntity("/api/catalog/bundles?version=123456", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Json.parse(response.getBody()).get("detail").asText())
                .isEqualTo("No bundle catalog version 123456");
    }

    @Test
    void versionThatIsNotANumber_isAProblemNamingIt() {
        ResponseEntity<String> response = http.getForEntity("/api/catalog/bundles?version=latest", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode error = Json.parse(response.getBody()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("version");
        assertThat(error.get("message").asText()).isEqualTo("has an invalid value 'latest'; expected a whole number");
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }
}
