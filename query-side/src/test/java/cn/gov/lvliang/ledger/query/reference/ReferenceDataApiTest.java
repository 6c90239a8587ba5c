package cn.gov.lvliang.ledger.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The reference data over HTTP, from a freshly published test version. */
@QuerySideTest
class ReferenceDataApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReferenceDataProjection projection;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void publishTestVersion() {
        Processors.awaitCaughtUp(processing, ReferenceDataProjection.PROCESSING_GROUP);
        Feed feed = Feed.into(projection);
        feed.reset();
        feed.event(ReferenceTestData.lvliang(ReferenceTestData.TEST_VERSION), ReferenceTestData.PUBLISHED);
    }

    @AfterEach
    void restoreTheReadModelFromTheEventStore() {
        Processors.replay(processing, ReferenceDataProjection.PROCESSING_GROUP);
    }

    @Test
    void divisions_inPublishedOrder_withTheirVersion() {
        JsonNode divisions = get("/api/reference/divisions");

        assertThat(field(divisions, "code")).containsExactly("141102", "141121", "1411KF");
        assertThat(field(divisions, "name")).containsExactly("离石区", "文水县", "吕梁经济技术开发区");
        assertThat(divisions.get(2).get("shortName").asText()).isEqualTo("吕梁经开区");
        assertThat(divisions.get(2).get("kind").asText()).isEqualTo("DEV_ZONE");
        assertThat(divisions.get(0).get("version").asInt()).isEqualTo(ReferenceTestData.TEST_VERSION);
    }

    @Test
    void units_withLevelCounterpartAndAliases() {
        JsonNode units = get("/api/reference/units");

        assertThat(field(units, "code"))
                .containsExactly("CITY_APPROVAL", "CITY_POLICE", "CITY_TAX", "CITY_HRSS", "141102_APPROVAL");
        assertThat(units.get(0).get("name").asText()).isEqualTo("市行政审批局");
        assertThat(field(units.get(0).get("aliases"), null)).containsExactly("市审批局", "吕梁市行政审批服务管理局");
        JsonNode county = units.get(4);
        assertThat(county.get("level").asText()).isEqualTo("COUNTY");
        assertThat(county.get("division").asText()).isEqualTo("141102");
        assertThat(county.get("cityCounterpart").asText()).isEqualTo("CITY_APPROVAL");
    }

    @Test
    void halls_withTheirDivisionNameAndWindows() {
        JsonNode halls = get("/api/reference/halls");

        assertThat(field(halls, "code")).containsExactly("CITY-HALL", "141102-HALL", "141121-HALL");
        assertThat(halls.get(0).has("division")).as("the city hall belongs to no division").isFalse();
        JsonNode lishi = halls.get(1);
        assertThat(lishi.get("name").asText()).isEqualTo("离石区政务服务中心");
        assertThat(lishi.get("divisionName").asText()).isEqualTo("离石区");
        assertThat(field(lishi.get("windows"), "code")).containsExactly("141102-HALL-W04", "141102-HALL-W05");
        assertThat(lishi.get("windows").get(1).get("name").asText()).isEqualTo("“办不成事”反映窗口");
        assertThat(lishi.get("windows").get(1).get("kind").asText()).isEqualTo("UNRESOLVED_MATTERS");
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(name == null ? node.asText() : node.get(name).asText()));
        return values;
    }
}
