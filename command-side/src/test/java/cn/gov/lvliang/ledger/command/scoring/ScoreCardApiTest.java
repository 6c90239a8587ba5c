package cn.gov.lvliang.ledger.command.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.command.StoredEvents;
import cn.gov.lvliang.ledger.command.TestAuthentication;
import cn.gov.lvliang.ledger.command.fundraising.CampaignCalendar;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The score-card REST contract over real HTTP: an inspector issues a card with the body the query side answers for
 * the subject, adjusts it with evidence and decides the county's appeal; the stored events name the signed-in users.
 * The card is 离石区's for January 2024 with fixed numbers, so a repeated run on the same database finds it issued
 * and changes nothing; the adjustments cancel out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScoreCardApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final String CARD = "score-card-county-141102-2024-01-r1";
    private static final String BASE = "/api/scoring/score-cards";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInspectorIssuesAndAdjustsACard_theCountyAppeals_andTheInspectorDecides() {
        ResponseEntity<String> issued = post(BASE, "inspector", issueBody("50.00", "ab".repeat(32)));
        assertThat(issued.getStatusCode()).as(issued.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(issued.getBody()).get("cardId").asText()).isEqualTo(CARD);
        long events = events(CARD);
        assertThat(post(BASE, "inspector", issueBody("50.00", "ab".repeat(32))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(events(CARD)).as("the same card again stores nothing").isEqualTo(events);

        ResponseEntity<String> frozen = post(BASE, "inspector", issueBody("50.00", "cd".repeat(32)));
        assertThat(frozen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(frozen.getBody()).get("rule").asText()).isEqualTo("issued-cards-are-frozen");

        JsonNode added = ok(BASE + "/" + CARD + "/adjustments", "inspector", """
                {"requestId": "%s", "indicatorCode": "CASE_CLOSURE", "pointsDelta": 0.5,
                 "reason": "结案材料补正后核实", "evidence": ["离石区处非办〔2024〕3号"]}""".formatted(requestId()));
        ok(BASE + "/" + CARD + "/adjustments", "inspector", """
                {"requestId": "%s", "pointsDelta": -0.5, "reason": "撤回上次调整", "evidence": ["考核组会议纪要"]}"""
                .formatted(requestId()));
        JsonNode adjusted = storedEvent(CARD, "ScoreCardAdjustedEvent", added.get("result").asText());
        assertThat(adjusted.get("payload").get("inspector").asText()).isEqualTo("inspector");
        assertThat(adjusted.get("payload").get("pointsDelta").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(adjusted.get("metadata").get(ActorMetadata.ROLE).asText()).isEqualTo("INSPECTOR");

        ResponseEntity<String> elsewhere = post(BASE + "/" + CARD + "/appeals", "fenyang-supervisor", appealBody());
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> appeal = post(BASE + "/" + CARD + "/appeals", "lishi-supervisor", appealBody());
        assertThat(appeal.getStatusCode()).as(appeal.getBody()).isEqualTo(HttpStatus.CREATED);
        String appealId = json(appeal.getBody()).get("result").asText();
        assertThat(storedEvent(CARD, "ScoreCardAppealLodgedEvent", appealId).get("payload").get("appellant").asText())
                .isEqualTo("lishi-supervisor");

        String decision = BASE + "/" + CARD + "/appeals/" + appealId + "/decision";
        ok(decision, "inspector", """
                {"requestId": "%s", "outcome": "DISMISSED", "reason": "延期未经批准，证据不足"}""".formatted(requestId()));
        ResponseEntity<String> again = post(decision, "inspector", """
                {"requestId": "%s", "outcome": "GRANTED", "pointsDelta": 1, "reason": "复议"}""".formatted(requestId()));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void badInput_isAProblemNamingTheField_andNothingIsStored() {
        ResponseEntity<String> badPeriod = post(BASE, "inspector", issueBody("50.00", "ab".repeat(32))
                .replace("\"2024-01\"", "\"2024-13\""));
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(badPeriod.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("period");

        ResponseEntity<String> noEvidence = post(BASE + "/" + CARD + "/adjustments", "inspector", """
                {"requestId": "%s", "pointsDelta": 1, "reason": "无证据"}""".formatted(requestId()));
        assertThat(noEvidence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noEvidence.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("evidence");

        ResponseEntity<String> unknown = post(BASE + "/score-card-county-141102-2019-01-r1/adjustments", "inspector",
                """
                {"requestId": "%s", "pointsDelta": 1, "reason": "原因", "evidence": ["证据"]}""".formatted(requestId()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The query side's answer for 离石区 in January 2024: every indicator of version 1 at half its weight. */
    private static String issueBody(String total, String hash) {
        Rubrics rubrics = new Rubrics(MAPPER, new CampaignCalendar(MAPPER, new ReferenceData(MAPPER)));
        ObjectNode body = MAPPER.createObjectNode();
        body.put("requestId", requestId());
        body.put("subjectKind", "COUNTY");
        body.put("subjectCode", "141102");
        body.put("subjectName", "离石区");
        body.put("subjectDivision", "141102");
        body.put("period", "2024-01");
        body.put("from", "2024-01-01");
        body.put("to", "2024-01-31");
        body.put("rubricVersion", 1);
        body.put("inputHash", hash);
        ArrayNode indicators = body.putArray("indicators");
        for (RubricIndicator indicator : rubrics.version(1).orElseThrow().indicators()) {
            if (indicator.subjects().contains(ScoredSubjectKind.COUNTY)) {
                ObjectNode line = indicators.addObject();
                line.put("code", indicator.code());
                line.put("name", indicator.name());
                line.put("applicable", true);
                line.put("value", new BigDecimal("0.5000"));
                line.put("numerator", 1);
                line.put("denominator", 2);
                line.put("points", indicator.weight().divide(BigDecimal.valueOf(2)));
            }
        }
        ObjectNode penalty = body.putArray("penalties").addObject();
        penalty.put("code", "MAJOR_CASE_HANDLED_POORLY");
        penalty.putArray("caseIds");
        penalty.put("points", 0);
        body.put("baseScore", new BigDecimal("50.00"));
        body.put("penaltyPoints", 0);
        body.put("totalScore", new BigDecimal(total));
        body.put("rank", 1);
        body.put("rankedAmong", 14);
        return body.toString();
    }

    private static String appealBody() {
        return """
                {"requestId": "%s", "indicatorCode": "ON_TIME_CONCLUSION", "grounds": "超期案件系申请人申请延期",
                 "evidence": ["离石区政务服务中心情况说明"]}""".formatted(requestId());
    }

    private JsonNode ok(String path, String user, String body) {
        ResponseEntity<String> response = post(path, user, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " -> " + response.getBody()).isTrue();
        return json(response.getBody());
    }

    private ResponseEntity<String> post(String path, String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestAuthentication.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private long events(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    /** The stored event of the type whose payload holds the given id (an adjustment's or an appeal's). */
    private JsonNode storedEvent(String aggregateId, String type, String id) {
        return StoredEvents.of(jdbc, aggregateId, type).stream()
                .filter(event -> event.get("payload").toString().contains(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " of " + aggregateId + " holds " + id));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
