package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.AsOfApi.changes;
import static cn.gov.lvliang.ledger.query.audit.AsOfApi.sequences;
import static cn.gov.lvliang.ledger.query.audit.AsOfApi.typesBetween;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.ACCEPTED;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.DISPATCHED;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.SUBMITTED;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.SUPPLEMENT_REQUESTED;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.SUPPLEMENT_SUPPLIED;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.accepted;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.at;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.dispatched;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.materials;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.submitted;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.supplementRequested;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.supplementSupplied;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A case's state as of a past instant, replayed from its own events in the real event store, on both time axes, with
 * a back-dated event: the materials were handed in at 09:35 on 3 March (Beijing) but recorded only on 6 March, after
 * the supplement had been supplied.
 */
@QuerySideTest
class AsOfStateApiTest {

    /** Recorded on 6 March, 16:00 in Beijing; happened on 3 March, 09:35. */
    static final Instant MATERIALS_RECORDED = at("2025-03-06T08:00:00Z");
    static final Instant MATERIALS_HAPPENED = at("2025-03-03T01:35:00Z");

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    ObjectMapper objectMapper;

    String caseId;
    List<BundleCaseEvent> events;
    AsOfApi api;

    @BeforeEach
    void storeACaseWithABackDatedEvent() {
        api = new AsOfApi(http, objectMapper);
        caseId = newCaseId();
        events = List.of(
                submitted(caseId, "CITY_APPROVAL"),                                       // 0
                accepted(caseId),                                                          // 1
                dispatched(caseId, 1, "CITY_APPROVAL"),                                    // 2
                supplementRequested(caseId),                                               // 3
                supplementSupplied(caseId),                                                // 4
                materials(caseId, MATERIALS_HAPPENED),                                     // 5, back-dated
                new ItemApprovedEvent(caseId, "CITY_APPROVAL", 1, "91141100MA0ABCDE12",
                        at("2025-03-07T02:00:00Z")));                                      // 6
        StoredCases stored = StoredCases.into(eventStore);
        List<Instant> recorded = List.of(SUBMITTED.plusSeconds(1), ACCEPTED.plusSeconds(1),
                DISPATCHED.plusSeconds(1), SUPPLEMENT_REQUESTED.plusSeconds(1), SUPPLEMENT_SUPPLIED.plusSeconds(1),
                MATERIALS_RECORDED, at("2025-03-07T02:00:01Z"));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            stored.event(events.get(sequence), recorded.get(sequence), Map.of());
        }
        stored.store();
    }

    @Test
    void recordedAxis_foldsTheEventsRecordedByThen_inSequenceOrder() {
        JsonNode view = api.get("/api/cases/" + caseId + "/state?asOf=2025-03-05T00:00:00Z&axis=recorded");

        assertThat(sequences(view)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(view.get("state")).isEqualTo(folded(0, 1, 2, 3));
        assertThat(view.get("state").get("paused").asBoolean()).isTrue();
        assertThat(view.get("state").get("materials")).isEmpty();
    }

    @Test
    void businessAxis_countsTheBackDatedEventFromWhenItHappened() {
        JsonNode view = api.get("/api/cases/" + caseId + "/state?asOf=2025-03-05T00:00:00Z&axis=business");

        assertThat(sequences(view)).containsExactly(0L, 5L, 1L, 2L, 3L);
        assertThat(view.get("state")).isEqualTo(folded(0, 5, 1, 2, 3));
        assertThat(view.get("state").get("materials")).hasSize(4);
        assertThat(view.get("state").get("materials").get(0).get("recordedAt").asText())
                .isEqualTo("2025-03-03T01:35:00Z");
    }

    @Test
    void onceRecorded_theBackDatedEventStandsOnTheRecordedAxisToo() {
        JsonNode before = api.get("/api/cases/" + caseId + "/state?asOf=2025-03-06T07:59:59Z&axis=recorded");
        JsonNode after = api.get("/api/cases/" + caseId + "/state?asOf=" + MATERIALS_RECORDED + "&axis=recorded");

        assertThat(before.get("state")).isEqualTo(folded(0, 1, 2, 3, 4));
        assertThat(after.get("state")).isEqualTo(folded(0, 1, 2, 3, 4, 5));
        assertThat(after.get("state").get("materials")).hasSize(4);
    }

    @Test
    void beforeTheSubmission_theCaseDidNotExistYet() {
        JsonNode view = api.get("/api/cases/" + caseId + "/state?asOf=2025-03-03T01:00:00Z&axis=business");

        assertThat(view.get("eventsApplied").asInt()).isZero();
        assertThat(view.get("state").isNull()).isTrue();
    }

    @Test
    void withoutAnInstant_theStateIsTodays_andEqualsTheWholeHistory() {
        JsonNode view = api.get("/api/cases/" + caseId + "/state");

        assertThat(view.get("kind").asText()).isEqualTo("BUNDLE_CASE");
        assertThat(view.get("axis").asText()).isEqualTo("recorded");
        assertThat(view.get("state")).isEqualTo(folded(0, 1, 2, 3, 4, 5, 6));
        assertThat(view.get("state").get("items").get(0).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void diffOnTheRecordedAxis_namesTheEventsAndFieldsThatChanged() {
        JsonNode diff = api.get("/api/cases/" + caseId + "/diff?from=2025-03-05T00:00:00Z&to=2025-03-06T09:00:00Z");

        assertThat(diff.get("kind").asText()).isEqualTo("BUNDLE_CASE");
        assertThat(typesBetween(diff)).containsExactly("SupplementSuppliedEvent", "MaterialsRecordedEvent");
        Map<String, JsonNode> changes = changes(diff);
        assertThat(changes.get("paused").get("from").asBoolean()).isTrue();
        assertThat(changes.get("paused").get("to").asBoolean()).isFalse();
        assertThat(changes.get("dueDate").get("to").asText()).isEqualTo("2025-03-12");
        assertThat(changes.get("items[seq=1].dueDate").get("to").asText()).isEqualTo("2025-03-10");
        assertThat(changes.get("materials[0].name").get("from").isNull()).isTrue();
        assertThat(changes.get("materials[0].name").get("to").asText()).isEqualTo("公司登记（备案）申请书");
        assertThat(changes).doesNotContainKey("status");
    }

    @Test
    void diffOnTheBusinessAxis_placesTheBackDatedEventWhereItHappened() {
        JsonNode diff = api.get("/api/cases/" + caseId
                + "/diff?from=2025-03-03T01:32:00Z&to=2025-03-03T01:40:00Z&axis=business");

        assertThat(diff.get("eventsBetween")).hasSize(1);
        assertThat(diff.get("eventsBetween").get(0).get("sequence").asLong()).isEqualTo(5);
        assertThat(diff.get("eventsBetween").get(0).get("recordedAt").asText()).isEqualTo("2025-03-06T08:00:00Z");
        assertThat(changes(diff).keySet()).allMatch(field -> field.startsWith("materials["));
    }

    @Test
    void unknownCase_isNotFound_andBadParametersAreProblems() {
        assertThat(http.getForEntity("/api/cases/no-such-case/state", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/cases/no-such-case/diff?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertProblem("/api/cases/" + caseId + "/state?axis=sideways", "axis");
        assertProblem("/api/cases/" + caseId + "/state?asOf=yesterday", "asOf");
        assertProblem("/api/cases/" + caseId + "/diff?from=2025-03-06T00:00:00Z&to=2025-03-05T00:00:00Z", "from");
        assertProblem("/api/cases/" + caseId + "/diff?from=2025-03-06T00:00:00Z", "to");
    }

    private void assertProblem(String path, String field) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(Json.parse(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    /** The state folded from exactly these events, in this order, as the API writes it. */
    private JsonNode folded(int... sequences) {
        return api.asWritten(BundleCaseState.fold(Arrays.stream(sequences).mapToObj(events::get).toList()));
    }
}
