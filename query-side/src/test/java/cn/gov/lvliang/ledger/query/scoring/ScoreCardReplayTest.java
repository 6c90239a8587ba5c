package cn.gov.lvliang.ledger.query.scoring;

import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.LISHI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.concludedCase;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.newId;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real path: bundle-case events and an issued card stored in the shared event store as the command side stores
 * them (Jackson JSON), projected by the running processors; then the bundle cases and the cards are replayed from the
 * first event. The card, the score computed again and its input hash are the same before and after, over HTTP. The
 * cases are placed in 离石区 in a month no test has used yet ({@link UnusedMonth}).
 */
@QuerySideTest
class ScoreCardReplayTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Test
    void anIssuedCard_isReproducedFromTheEvents_beforeAndAfterTheReadModelsAreReplayedFromTheFirstEvent()
            throws JsonProcessingException {
        ScoringTestData.publishReferenceCatalogAndRubric(context, processing);
        ScoringPeriod month = UnusedMonth.of(context.getBean(JdbcClient.class), LISHI);
        String period = month.code();
        List<String> cases = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String caseId = newId();
            cases.add(caseId);
            eventStore.publish(stored("BundleCase", caseId, concludedCase(caseId, LISHI, month, i, i == 3)));
        }
        String scorePath = "/api/scoring/counties/" + LISHI + "?period=" + period + "&rubricVersion=1";
        await("the cases projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> indicator(get(scorePath), "ON_TIME_CONCLUSION").path("denominator").asInt() == 3);
        JsonNode live = get(scorePath);
        assertThat(indicator(live, "ON_TIME_CONCLUSION").get("value").decimalValue())
                .isEqualByComparingTo("0.6667");

        SubjectScore score = ScoringTestData.MAPPER.readValue(live.toString(), SubjectScore.class);
        ScoreCardIssuedEvent card = ScoringTestData.issued(score, on(month, 28, "10:00"));
        eventStore.publish(stored("ScoreCard", card.cardId(), List.of(card)));
        String cardPath = "/api/scoring/cards/" + card.cardId();
        await("the card projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.getForEntity(cardPath, String.class).getStatusCode() == HttpStatus.OK);
        JsonNode issued = get(cardPath);
        assertThat(issued.get("inputHash").asText()).isEqualTo(live.get("inputHash").asText());
        assertThat(get(cardPath + "/verification").get("reproduced").asBoolean()).isTrue();

        Processors.replay(processing, "bundle-cases");
        Processors.replay(processing, ScoreCardProjection.PROCESSING_GROUP);

        assertThat(get(cardPath)).isEqualTo(issued);
        assertThat(get(scorePath)).isEqualTo(live);
        JsonNode verification = get(cardPath + "/verification");
        assertThat(verification.get("reproduced").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("recomputedHash").asText()).isEqualTo(card.inputHash());
        List<String> drilled = new ArrayList<>();
        get("/api/scoring/counties/" + LISHI + "/indicators/ON_TIME_CONCLUSION?period=" + period)
                .get("items").forEach(item -> drilled.add(item.get("caseId").asText()));
        assertThat(drilled).containsExactlyInAnyOrderElementsOf(cases);
    }

    private static JsonNode indicator(JsonNode score, String code) {
        for (JsonNode indicator : score.path("indicators")) {
            if (indicator.get("code").asText().equals(code)) {
                return indicator;
            }
        }
        return Json.parse("{}");
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private static List<DomainEventMessage<?>> stored(String aggregateType, String aggregateId, List<?> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object event = events.get(sequence);
            Instant businessTime = event instanceof BundleCaseEvent bundle ? bundle.businessTime()
                    : ((ScoreCardEvent) event).businessTime();
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event, Map.of(),
                    UUID.randomUUID().toString(), businessTime.plusSeconds(60)));
        }
        return messages;
    }
}
