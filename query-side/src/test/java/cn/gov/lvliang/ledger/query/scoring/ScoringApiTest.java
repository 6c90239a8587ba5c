package cn.gov.lvliang.ledger.query.scoring;

import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.LISHI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.WENSHUI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.concludedCase;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.newId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scoring REST contract over HTTP on the shared test database: the ranking, one subject's score, the drill-down
 * and the inputs agree with each other; bad periods, versions and subjects are 400s and 404s; a county-scoped user
 * sees their own county only. The cases are placed in 离石区 in a month no test has used yet ({@link UnusedMonth}).
 */
@QuerySideTest
class ScoringApiTest {

    static String period;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    static final List<String> CASES = new ArrayList<>();

    @BeforeEach
    void twoCasesConcludedInAMonthOfTheirOwn() {
        ScoringTestData.publishReferenceCatalogAndRubric(context, processing);
        synchronized (CASES) {
            if (!CASES.isEmpty()) {
                return;
            }
            ScoringPeriod month = UnusedMonth.of(context.getBean(JdbcClient.class), LISHI);
            period = month.code();
            for (int i = 1; i <= 2; i++) {
                String caseId = newId();
                ScoringTestData.feedBundleCases(context, concludedCase(caseId, LISHI, month, i, false));
                CASES.add(caseId);
            }
        }
    }

    @Test
    void theRanking_scoresEachCountyFromItsFacts_andAgreesWithTheSubjectsOwnScoreAndInputs() {
        JsonNode ranking = get("/api/scoring/counties?period=" + period + "&rubricVersion=1", "inspector");

        assertThat(ranking.get("subjectKind").asText()).isEqualTo("COUNTY");
        ScoringPeriod month = ScoringPeriod.parse(period);
        assertThat(ranking.get("from").asText()).isEqualTo(month.from().toString());
        assertThat(ranking.get("to").asText()).isEqualTo(month.to().toString());
        assertThat(ranking.get("indicators")).hasSize(14);
        JsonNode lishi = line(ranking, LISHI);
        // Both cases on time (12 points), with one visit (10) and accepted, none refused (4); the plan's legacy case
        // unresolved (0 of 8): 26 ÷ 34 × 100 = 76.47. Nothing else applies in a month long before the programmes.
        assertThat(lishi.get("baseScore").decimalValue()).isEqualByComparingTo("76.47");
        assertThat(lishi.get("totalScore").decimalValue()).isEqualByComparingTo("76.47");
        assertThat(lishi.get("rank").asInt()).isEqualTo(1);
        assertThat(line(ranking, WENSHUI).get("totalScore")).as("文水县 had nothing to count").isNull();

        JsonNode own = get("/api/scoring/counties/" + LISHI + "?period=" + period, "inspector");
        assertThat(own.get("totalScore").decimalValue()).isEqualByComparingTo("76.47");
        assertThat(own.get("inputHash").asText()).isEqualTo(lishi.get("inputHash").asText()).matches("[0-9a-f]{64}");
        JsonNode inputs = get("/api/scoring/counties/" + LISHI + "/inputs?period=" + period, "inspector");
        assertThat(inputs.get("inputHash").asText()).isEqualTo(lishi.get("inputHash").asText());
        assertThat(inputs.get("inputs").get("bundle").get("conclusions")).hasSize(2);
    }

    @Test
    void theDrilldown_listsTheCasesBehindAnIndicator() {
        JsonNode drilldown = get("/api/scoring/counties/" + LISHI + "/indicators/ON_TIME_CONCLUSION?period=" + period,
                "inspector");

        assertThat(drilldown.get("indicator").get("value").decimalValue()).isEqualByComparingTo("1");
        assertThat(drilldown.get("definition").get("name").asText()).isEqualTo("按期办结率");
        List<String> ids = new ArrayList<>();
        drilldown.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(CASES);
    }

    @Test
    void badPeriodsVersionsAndSubjects_areProblemsNamingWhatIsWrong() {
        ResponseEntity<String> badPeriod = call("/api/scoring/counties?period=2023-13", "inspector");
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.parse(badPeriod.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("period");

        ResponseEntity<String> future = call("/api/scoring/counties?period=2026", "inspector");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).contains("has not begun");

        assertThat(call("/api/scoring/counties?period=" + period + "&rubricVersion=99", "inspector")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("/api/scoring/counties/999999?period=" + period, "inspector").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("/api/scoring/counties/" + LISHI + "/indicators/NO_SUCH?period=" + period, "inspector")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("/api/scoring/counties", "inspector").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCountySupervisor_seesTheirOwnCountysLine_rankedAmongAll_andNoOtherSubject() {
        JsonNode ranking = get("/api/scoring/counties?period=" + period, "lishi-supervisor");

        assertThat(ranking.get("subjects")).hasSize(1);
        assertThat(ranking.get("subjects").get(0).get("subjectCode").asText()).isEqualTo(LISHI);
        assertThat(ranking.get("subjects").get(0).get("rankedAmong").asInt())
                .isEqualTo(get("/api/scoring/counties?period=" + period, "inspector").get("subjects").get(0)
                        .get("rankedAmong").asInt());
        assertThat(call("/api/scoring/counties/" + WENSHUI + "?period=" + period, "lishi-supervisor")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("/api/scoring/lead-units/CITY_APPROVAL?period=" + period, "lishi-supervisor")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("/api/scoring/counties/" + LISHI + "?period=" + period, "lishi-supervisor")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCountySupervisor_seesTheirCountysCard_butNeitherAnotherCountysCardNorItsAuditTrail() throws IOException {
        SubjectScore lishi = ScoringTestData.MAPPER.readValue(
                get("/api/scoring/counties/" + LISHI + "?period=" + period + "&rubricVersion=1", "inspector")
                        .toString(), SubjectScore.class);
        ScoreCardIssuedEvent card = ScoringTestData.issued(lishi, ScoringTestData.RUBRIC_PUBLISHED);
        Feed.into(context.getBean(ScoreCardProjection.class)).domainEvent("ScoreCard", card.cardId(), 0, card,
                card.businessTime());

        assertThat(call("/api/scoring/cards/" + card.cardId(), "lishi-supervisor").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call("/api/scoring/cards/" + card.cardId(), "fenyang-supervisor").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("/api/cases/" + card.cardId() + "/audit-trail", "fenyang-supervisor").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cardIds("lishi-supervisor")).contains(card.cardId());
        assertThat(cardIds("fenyang-supervisor")).doesNotContain(card.cardId());
    }

    private List<String> cardIds(String user) {
        List<String> ids = new ArrayList<>();
        get("/api/scoring/cards?period=" + period, user).forEach(line -> ids.add(line.get("cardId").asText()));
        return ids;
    }

    private static JsonNode line(JsonNode ranking, String code) {
        for (JsonNode subject : ranking.get("subjects")) {
            if (subject.get("subjectCode").asText().equals(code)) {
                return subject;
            }
        }
        throw new AssertionError("No line for " + code + " in " + ranking);
    }

    private JsonNode get(String path, String user) {
        ResponseEntity<String> response = call(path, user);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private ResponseEntity<String> call(String path, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestAuthentication.PASSWORD);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
