package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.COUNTY_APPROVAL;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.accepted;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.at;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.dispatched;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.materials;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail over HTTP, from events stored in the real event store with the metadata the command side and the
 * coming access control write: who acted, the request, Axon's correlation ids.
 */
@QuerySideTest
class AuditTrailApiTest {

    static final Map<String, String> WINDOW_CLERK = Map.of("requestId", "req-submit", "traceId", "trace-1",
            "correlationId", "trace-1");
    static final Map<String, String> ZHANG_WEI = Map.of("actorUser", "zhang.wei", "actorRole", "ACCEPTOR",
            "actorUnit", COUNTY_APPROVAL, "actorDivision", "141102", "requestId", "req-accept",
            "traceId", "trace-2", "correlationId", "command-2");
    static final Map<String, String> LI_NA = Map.of("actorUser", "li.na", "actorRole", "APPROVER",
            "actorUnit", "CITY_APPROVAL", "requestId", "req-approve", "traceId", "trace-3",
            "correlationId", "command-3");

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    String caseId;

    @BeforeEach
    void storeACase() {
        caseId = newCaseId();
        StoredCases.into(eventStore)
                .event(submitted(caseId, "CITY_APPROVAL"), at("2025-03-03T01:30:01Z"), WINDOW_CLERK)         // 0
                .event(new VisitRecordedEvent(caseId, 1, CaseHistories.LISHI_HALL, CaseHistories.ONE_THING_WINDOW,
                        VisitPurpose.SUBMISSION, CaseHistories.SUBMITTED), at("2025-03-03T01:30:01Z"),
                        WINDOW_CLERK)                                                                        // 1
                .event(accepted(caseId), at("2025-03-03T02:00:01Z"), ZHANG_WEI)                             // 2
                .event(dispatched(caseId, 1, "CITY_APPROVAL"), at("2025-03-03T03:00:01Z"), ZHANG_WEI)        // 3
                .event(new ItemApprovedEvent(caseId, "CITY_APPROVAL", 1, "91141100MA0ABCDE12",
                        at("2025-03-04T02:00:00Z")), at("2025-03-04T02:00:01Z"), LI_NA)                      // 4
                .event(materials(caseId, at("2025-03-03T01:35:00Z")), at("2025-03-05T08:00:00Z"), ZHANG_WEI) // 5
                .event(new ComplaintLodgedEvent(caseId, "C-1", "<script>alert('窗口')</script> 排队太久",
                        at("2025-03-05T09:00:00Z")), at("2025-03-05T09:00:01Z"), Map.of())                    // 6
                .store();
    }

    @Test
    void trail_showsEveryEventWithItsActorTimesChannelAndIds() {
        JsonNode page = get("/api/cases/" + caseId + "/audit-trail");

        assertThat(page.get("total").asLong()).isEqualTo(7);
        JsonNode items = page.get("items");
        assertThat(sequences(page)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);

        JsonNode submission = items.get(0);
        assertThat(submission.get("eventType").asText()).isEqualTo("BundleCaseSubmittedEvent");
        assertThat(submission.get("eventLabel").asText()).isEqualTo("提交申请");
        assertThat(submission.get("aggregateType").asText()).isEqualTo("BundleCase");
        assertThat(submission.get("revision").asText()).isEqualTo("2");
        assertThat(submission.get("businessTime").asText()).isEqualTo("2025-03-03T01:30:00Z");
        assertThat(submission.get("recordedAt").asText()).isEqualTo("2025-03-03T01:30:01Z");
        assertThat(submission.get("channel").asText()).isEqualTo("WINDOW");
        assertThat(submission.get("requestId").asText()).isEqualTo("req-submit");
        assertThat(submission.get("correlationId").asText()).isEqualTo("trace-1");
        assertThat(submission.get("actor").has("user")).as("shown as null, not left out").isTrue();
        assertThat(submission.get("actor").get("user").isNull()).isTrue();
        assertThat(submission.get("actingUnit").isNull()).isTrue();
        assertThat(submission.get("payload").get("applicant").get("identifier").get("encrypted").asText())
                .as("the payload exactly as stored: personal data encrypted").isEqualTo("AES-256-GCM");
        assertThat(submission.get("payload").toString()).doesNotContain("91141100MA0ABCDE12");

        JsonNode acceptance = items.get(2);
        assertThat(acceptance.get("actor").get("user").asText()).isEqualTo("zhang.wei");
        assertThat(acceptance.get("actor").get("role").asText()).isEqualTo("ACCEPTOR");
        assertThat(acceptance.get("actor").get("unit").asText()).isEqualTo(COUNTY_APPROVAL);
        assertThat(acceptance.get("actor").get("division").asText()).isEqualTo("141102");
        assertThat(acceptance.get("actingUnit").asText()).isEqualTo(COUNTY_APPROVAL);
        assertThat(acceptance.get("correlationId").asText()).isEqualTo("trace-2");
        assertThat(acceptance.get("causationId").asText()).isEqualTo("command-2");
        assertThat(acceptance.get("metadata").get("actorUser").asText()).isEqualTo("zhang.wei");
    }

    @Test
    void recordedAndBusinessRanges_placeTheBackDatedEventDifferently() {
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?from=2025-03-03&to=2025-03-03")))
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?from=2025-03-03&to=2025-03-03&axis=business")))
                .containsExactly(0L, 1L, 2L, 3L, 5L);
        assertThat(sequences(get("/api/cases/" + caseId
                + "/audit-trail?from=2025-03-05T00:00:00Z&to=2025-03-05T08:00:00Z&axis=recorded")))
                .containsExactly(5L);
    }

    @Test
    void filtersByUserUnitAndType_combineWithAnd() {
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?user=zhang.wei"))).containsExactly(2L, 3L, 5L);
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?unit=CITY_APPROVAL")))
                .as("the metadata's unit or the payload's acting unit").containsExactly(4L);
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?unit=" + COUNTY_APPROVAL)))
                .containsExactly(2L, 3L, 5L);
        assertThat(sequences(get("/api/cases/" + caseId
                + "/audit-trail?type=ItemApprovedEvent,BundleCaseAcceptedEvent&type=VisitRecordedEvent")))
                .containsExactly(1L, 2L, 4L);
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?user=zhang.wei&type=MaterialsRecordedEvent")))
                .containsExactly(5L);
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?user=nobody"))).isEmpty();
    }

    @Test
    void longHistories_arePaged() {
        JsonNode last = get("/api/cases/" + caseId + "/audit-trail?size=3&page=2");

        assertThat(sequences(last)).containsExactly(6L);
        assertThat(last.get("total").asLong()).isEqualTo(7);
        assertThat(sequences(get("/api/cases/" + caseId + "/audit-trail?size=3&page=3"))).isEmpty();
    }

    @Test
    void jsonLines_haveOneLinePerEvent_withThePayloadAsStored() {
        ResponseEntity<byte[]> export = http.getForEntity("/api/cases/" + caseId + "/audit-trail.jsonl", byte[].class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("application/x-ndjson")))
                .isTrue();
        List<String> lines = new String(export.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("the events, then the case's proof").hasSize(8);
        assertThat(lines.subList(0, 7)).extracting(line -> Json.parse(line).get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(Json.parse(lines.get(7)).get("format").asText()).isEqualTo("lvliang-case-ledger/case-bundle/1");
        String storedPayload = jdbc.sql("""
                        SELECT payload FROM domainevententry WHERE aggregateidentifier = :caseId AND sequencenumber = 6""")
                .param("caseId", caseId)
                .query((row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8))
                .single();
        assertThat(lines.get(6)).contains("\"payload\":" + storedPayload);

        ResponseEntity<byte[]> filtered = http.getForEntity("/api/cases/" + caseId
                + "/audit-trail/export?format=jsonl&user=zhang.wei", byte[].class);
        assertThat(new String(filtered.getBody(), StandardCharsets.UTF_8).lines()).hasSize(3 + 1);
    }

    @Test
    void printablePage_hasTheChineseLabelsAndEveryEvent() {
        ResponseEntity<String> export = http.getForEntity("/api/cases/" + caseId + "/audit-trail/export?format=html",
                String.class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        String page = export.getBody();
        assertThat(page).contains("审计轨迹", "案件编号", "事件类型", "业务时间", "记录时间", "操作人", "单位", "县区",
                "渠道", "请求编号", "关联编号", "因果编号", "事件内容", "共 7 条", "@media print");
        assertThat(page).contains("提交申请", "到现场办理", "受理", "事项分办", "事项准予", "登记材料", "“办不成事”反映");
        JsonNode trail = get("/api/cases/" + caseId + "/audit-trail");
        trail.get("items").forEach(event -> assertThat(page).contains(event.get("eventId").asText()));
        assertThat(page).contains("zhang.wei", "经办单位 " + COUNTY_APPROVAL, "2025-03-03 09:30:00");
        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void historyEndpoint_stillAnswers() {
        JsonNode history = get("/api/cases/" + caseId + "/history");

        assertThat(history).hasSize(7);
        assertThat(history.get(5).get("type").asText()).isEqualTo("MaterialsRecordedEvent");
        assertThat(history.get(5).get("businessTime").asText()).isEqualTo("2025-03-03T01:35:00Z");
    }

    @Test
    void unknownCase_isNotFound_andBadParametersAreProblems() {
        for (String path : List.of("/api/cases/no-such-case/audit-trail", "/api/cases/no-such-case/audit-trail.jsonl",
                "/api/cases/no-such-case/audit-trail/export?format=html")) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertProblem("/audit-trail?axis=sideways", "axis");
        assertProblem("/audit-trail?from=last-week", "from");
        assertProblem("/audit-trail?from=2025-03-05&to=2025-03-04", "from");
        assertProblem("/audit-trail?type=drop%20table", "type");
        assertProblem("/audit-trail?size=1001", "size");
        assertProblem("/audit-trail/export?format=pdf", "format");
        assertProblem("/audit-trail/export", "format");
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    private void assertProblem(String path, String field) {
        ResponseEntity<String> response = http.getForEntity("/api/cases/" + caseId + path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(Json.parse(response.getBody()).get("errors").get(0).get("field").asText()).as(path)
                .isEqualTo(field);
    }

    private static List<Long> sequences(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(event -> event.get("sequence").asLong()).toList();
    }
}
