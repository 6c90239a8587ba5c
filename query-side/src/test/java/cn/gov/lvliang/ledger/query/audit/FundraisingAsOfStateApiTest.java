package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.AsOfApi.changes;
import static cn.gov.lvliang.ledger.query.audit.AsOfApi.sequences;
import static cn.gov.lvliang.ledger.query.audit.AsOfApi.typesBetween;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.completed;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.lead;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.measure;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.opened;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.overdue;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.petition;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.taken;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A risk clue's and a disposal case's state as of a past instant, replayed from their own events in the real event
 * store, on both time axes, each with a back-dated event. Every event but the back-dated one is recorded a minute after
 * it happened (times are Beijing time):
 *
 * <pre>
 * clue  0 recorded 01-05 10:00   1 assigned 01-06 (due 01-27)   2 overdue 01-28 00:00   3 verified RISK_CONFIRMED,
 *       happened 01-24 10:00 but recorded 02-03 09:00           4 taken into the case 02-05
 * case  0 opened 02-01 10:00     1 seizure M1 ordered 02-02     2 recovery 1 of 300,000.00 on 02-10
 *       3 recovery 2 of 100,000.00, happened 02-05 10:00 but recorded 02-20 09:00
 *       4 M1 completed 02-21      5 petition PT-1 of 5 people 02-22
 * </pre>
 *
 * <p>Now (the tests' fixed clock) is 14 March, after all of it.
 */
@QuerySideTest
class FundraisingAsOfStateApiTest {

    /** The aggregate types the command side stores clues and cases under. */
    static final String CLUE = "RiskClue";
    static final String CASE = "DisposalCase";
    static final Duration STORED_AFTER = Duration.ofMinutes(1);

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    ObjectMapper objectMapper;

    AsOfApi api;
    String clueId;
    String caseId;
    List<RiskClueEvent> clue;
    List<DisposalCaseEvent> disposalCase;

    @BeforeEach
    void storeAClueAndACaseWithABackDatedEventEach() {
        api = new AsOfApi(http, objectMapper);
        clueId = newId();
        caseId = newId();
        clue = List.of(
                recorded(clueId, LISHI, ClueSource.ONLINE_MONITORING, KeyArea.AGRICULTURE, "离石沃野农业专业合作社",
                        60_000_000L, null, beijing("2025-01-05T10:00")),
                assigned(clueId, LISHI, LocalDate.of(2025, 1, 27), beijing("2025-01-06T10:00")),
                overdue(clueId, LISHI, LocalDate.of(2025, 1, 27)),
                verified(clueId, LISHI, VerificationOutcome.RISK_CONFIRMED, beijing("2025-01-24T10:00")),
                taken(clueId, caseId, LISHI, beijing("2025-02-05T10:00")));
        disposalCase = List.of(
                opened(caseId, LISHI, "离石沃野农业专业合作社涉嫌非法集资案", KeyArea.AGRICULTURE, List.of(clueId),
                        60_000_000L, 40, List.of(), beijing("2025-02-01T10:00")),
                measure(caseId, "M1", MeasureKind.SEIZURE, LISHI, 5_000_000L, beijing("2025-02-02T10:00")),
                recovered(caseId, 1, lead(LISHI), 30_000_000L, 30_000_000L, beijing("2025-02-10T10:00")),
                recovered(caseId, 2, lead(LISHI), 10_000_000L, 40_000_000L, beijing("2025-02-05T10:00")),
                completed(caseId, "M1", LISHI, beijing("2025-02-21T10:00")),
                petition(caseId, "PT-1", LISHI, 5, beijing("2025-02-22T10:00")));
        StoredCases stored = StoredCases.into(eventStore);
        for (int sequence = 0; sequence < clue.size(); sequence++) {
            RiskClueEvent event = clue.get(sequence);
            Instant recordedAt = sequence == 3 ? beijing("2025-02-03T09:00")
                    : event.businessTime().plus(STORED_AFTER);
            stored.event(CLUE, clueId, event, recordedAt, Map.of());
        }
        for (int sequence = 0; sequence < disposalCase.size(); sequence++) {
            DisposalCaseEvent event = disposalCase.get(sequence);
            Instant recordedAt = sequence == 3 ? beijing("2025-02-20T09:00")
                    : event.businessTime().plus(STORED_AFTER);
            stored.event(CASE, caseId, event, recordedAt, Map.of());
        }
        stored.store();
    }

    // ---- the clue ----------------------------------------------------------------------------------------------

    @Test
    void clue_recordedAxis_foldsWhatTheLedgerHadRecorded_inSequenceOrder() {
        JsonNode view = api.get(state(clueId, "2025-01-30T00:00", "recorded"));

        assertThat(view.get("kind").asText()).isEqualTo("RISK_CLUE");
        assertThat(sequences(view)).containsExactly(0L, 1L, 2L);
        assertThat(view.get("state")).isEqualTo(clueFolded(0, 1, 2));
        assertThat(view.get("state").get("status").asText()).isEqualTo("VERIFYING");
        assertThat(view.get("state").get("overdue").asBoolean()).isTrue();
        assertThat(view.get("state").has("outcome")).as("no outcome yet").isFalse();
    }

    @Test
    void clue_businessAxis_countsTheLateVerificationFromWhenItHappened() {
        JsonNode view = api.get(state(clueId, "2025-01-30T00:00", "business"));

        assertThat(sequences(view)).containsExactly(0L, 1L, 3L, 2L);
        assertThat(view.get("state")).isEqualTo(clueFolded(0, 1, 3, 2));
        assertThat(view.get("state").get("status").asText()).isEqualTo("AWAITING_CASE");
        assertThat(view.get("state").get("outcome").asText()).isEqualTo("RISK_CONFIRMED");
        assertThat(view.get("state").get("overdue").asBoolean()).as("the deadline fired all the same").isTrue();
    }

    @Test
    void clue_onceTheVerificationWasRecorded_bothAxesShowIt_andNowTheWholeHistory() {
        assertThat(api.get(state(clueId, "2025-02-03T08:59", "recorded")).get("state"))
                .isEqualTo(clueFolded(0, 1, 2));
        assertThat(api.get(state(clueId, "2025-02-03T09:00", "recorded")).get("state"))
                .isEqualTo(clueFolded(0, 1, 2, 3));

        JsonNode now = api.get("/api/cases/" + clueId + "/state");
        assertThat(now.get("state")).isEqualTo(clueFolded(0, 1, 2, 3, 4));
        assertThat(now.get("state").get("status").asText()).isEqualTo("IN_CASE");
        assertThat(now.get("state").get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void clue_diffOnTheRecordedAxis_namesTheLateVerification() {
        JsonNode diff = api.get(diff(clueId, "2025-01-30T00:00", "2025-02-04T00:00", "recorded"));

        assertThat(diff.get("kind").asText()).isEqualTo("RISK_CLUE");
        assertThat(typesBetween(diff)).containsExactly("RiskClueVerifiedEvent");
        Map<String, JsonNode> changes = changes(diff);
        assertThat(changes.get("status").get("from").asText()).isEqualTo("VERIFYING");
        assertThat(changes.get("status").get("to").asText()).isEqualTo("AWAITING_CASE");
        assertThat(changes.get("verifiedAt").get("to").asText()).isEqualTo("2025-01-24T02:00:00Z");
        assertThat(changes).containsKeys("outcome", "verifiedBy", "verificationNotes").doesNotContainKey("overdue");
    }

    // ---- the disposal case -------------------------------------------------------------------------------------

    @Test
    void case_recordedAxis_hasOnlyTheRecoveryRecordedByThen() {
        JsonNode view = api.get(state(caseId, "2025-02-15T00:00", "recorded"));

        assertThat(view.get("kind").asText()).isEqualTo("DISPOSAL_CASE");
        assertThat(sequences(view)).containsExactly(0L, 1L, 2L);
        assertThat(view.get("state")).isEqualTo(caseFolded(0, 1, 2));
        assertThat(view.get("state").get("money").get("recoveredFen").asLong()).isEqualTo(30_000_000L);
        assertThat(view.get("state").get("recoveries")).hasSize(1);
    }

    @Test
    void case_businessAxis_countsTheBackDatedRecoveryFromWhenItHappened() {
        JsonNode view = api.get(state(caseId, "2025-02-15T00:00", "business"));

        assertThat(sequences(view)).containsExactly(0L, 1L, 3L, 2L);
        assertThat(view.get("state")).isEqualTo(caseFolded(0, 1, 3, 2));
        assertThat(view.get("state").get("money").get("recoveredFen").asLong()).isEqualTo(40_000_000L);
        assertThat(view.get("state").get("recoveries").findValuesAsText("recoveryNumber")).containsExactly("1", "2");

        JsonNode before = api.get(state(caseId, "2025-02-06T00:00", "business"));
        assertThat(before.get("state")).isEqualTo(caseFolded(0, 1, 3));
        assertThat(before.get("state").get("money").get("recoveredFen").asLong())
                .as("what had been recovered by then, not the running total recovery 2 carries")
                .isEqualTo(10_000_000L);
    }

    @Test
    void case_beforeItsOpening_didNotExistYet_andNowItIsTheWholeHistory() {
        JsonNode before = api.get(state(caseId, "2025-02-01T09:59", "business"));
        JsonNode now = api.get("/api/cases/" + caseId + "/state?axis=business");

        assertThat(before.get("kind").asText()).isEqualTo("DISPOSAL_CASE");
        assertThat(before.get("eventsApplied").asInt()).isZero();
        assertThat(before.get("state").isNull()).isTrue();
        assertThat(now.get("state")).isEqualTo(caseFolded(0, 1, 3, 2, 4, 5));
    }

    @Test
    void case_diffOnTheBusinessAxis_placesTheBackDatedRecoveryWhereItHappened() {
        JsonNode diff = api.get(diff(caseId, "2025-02-04T00:00", "2025-02-06T00:00", "business"));

        assertThat(diff.get("eventsBetween")).hasSize(1);
        assertThat(diff.get("eventsBetween").get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(diff.get("eventsBetween").get(0).get("recordedAt").asText()).isEqualTo("2025-02-20T01:00:00Z");
        Map<String, JsonNode> changes = changes(diff);
        assertThat(changes.get("money.recoveredFen").get("from").asLong()).isZero();
        assertThat(changes.get("money.recoveredFen").get("to").asLong()).isEqualTo(10_000_000L);
        assertThat(changes.get("recoveries[recoveryNumber=2].amountFen").get("to").asLong()).isEqualTo(10_000_000L);
        assertThat(changes.keySet()).allMatch(field -> field.startsWith("money.") || field.startsWith("recoveries["));
    }

    @Test
    void case_diffOnTheRecordedAxis_namesMeasuresAndPetitionsByTheirIds() {
        JsonNode diff = api.get(diff(caseId, "2025-02-15T00:00", "2025-02-25T00:00", "recorded"));

        assertThat(typesBetween(diff)).containsExactly("AssetRecoveredEvent", "MeasureCompletedEvent",
                "PetitionReceivedEvent");
        Map<String, JsonNode> changes = changes(diff);
        assertThat(changes.get("measures[measureId=M1].completed").get("from").asBoolean()).isFalse();
        assertThat(changes.get("measures[measureId=M1].completed").get("to").asBoolean()).isTrue();
        assertThat(changes.get("measuresOpen").get("to").asInt()).isZero();
        assertThat(changes.get("petitions[petitionId=PT-1].petitioners").get("to").asInt()).isEqualTo(5);
        assertThat(changes.get("petitionsOpen").get("to").asInt()).isEqualTo(1);
        assertThat(changes.get("money.recoveredFen").get("to").asLong()).isEqualTo(40_000_000L);
        assertThat(changes).doesNotContainKey("status");
    }

    /** The state path as of a moment in Beijing time, e.g. {@code 2025-01-30T00:00}. */
    private static String state(String id, String beijing, String axis) {
        return "/api/cases/" + id + "/state?asOf=" + beijing(beijing) + "&axis=" + axis;
    }

    private static String diff(String id, String from, String to, String axis) {
        return "/api/cases/" + id + "/diff?from=" + beijing(from) + "&to=" + beijing(to) + "&axis=" + axis;
    }

    /** The clue folded from exactly these of its events, in this order, as the API writes it. */
    private JsonNode clueFolded(int... sequences) {
        return api.asWritten(RiskClueState.fold(Arrays.stream(sequences).mapToObj(clue::get).toList()));
    }

    /** The case folded from exactly these of its events, in this order, as the API writes it. */
    private JsonNode caseFolded(int... sequences) {
        return api.asWritten(DisposalCaseState.fold(Arrays.stream(sequences).mapToObj(disposalCase::get).toList()));
    }
}
