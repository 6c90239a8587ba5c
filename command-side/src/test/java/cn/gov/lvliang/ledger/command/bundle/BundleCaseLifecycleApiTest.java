package cn.gov.lvliang.ledger.command.bundle;

import static cn.gov.lvliang.ledger.command.bundle.BundleCaseApi.json;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseApi.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.catalog.CatalogItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whole bundle cases over real HTTP against PostgreSQL: the happy path of three different bundles, every error
 * class of the REST contract, and idempotent repeats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BundleCaseLifecycleApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BundleCatalog catalog;

    @Autowired
    UnitDirectory units;

    BundleCaseApi api;

    @BeforeEach
    void setUp() {
        api = new BundleCaseApi(http, jdbc);
    }

    /** Business times an hour apart from a Monday morning in 2025, Beijing time. */
    private static String hour(int n) {
        return Instant.parse("2025-03-03T01:00:00Z").plusSeconds(3600L * n).toString();
    }

    /** Dispatches every item of the bundle as the lead unit, then decides each as its responsible (city) unit. */
    private void dispatchAndDecideAll(String caseId, String bundleCode, String leadUnit, int rejectSeq) {
        List<CatalogItem> items = catalog.bundle(bundleCode).orElseThrow().items();
        for (CatalogItem item : items) {
            api.ok("/api/bundle-cases/" + caseId + "/items/" + item.seq() + "/dispatch",
                    api.unitStep(leadUnit, hour(2)));
        }
        for (CatalogItem item : items) {
            String unit = units.codeOfPrintedName(item.unit()).orElseThrow();
            if (item.seq() == rejectSeq) {
                api.ok("/api/bundle-cases/" + caseId + "/items/" + item.seq() + "/rejection", """
                        {"requestId": "%s", "actingUnit": "%s", "reason": "不符合条件", "businessTime": "%s"}"""
                        .formatted(requestId(), unit, hour(3)));
            } else {
                api.ok("/api/bundle-cases/" + caseId + "/items/" + item.seq() + "/approval", """
                        {"requestId": "%s", "actingUnit": "%s", "result": "R-%d", "businessTime": "%s"}"""
                        .formatted(requestId(), unit, item.seq(), hour(3)));
            }
        }
    }

    @Test
    void enterpriseOpening_atALishiWindow_runsFromSubmissionToARatedDelivery() {
        String caseId = api.submit("2024-01", "141102", "141102-HALL", "141102-HALL-W04", hour(0));
        api.ok("/api/bundle-cases/" + caseId + "/materials", """
                {"requestId": "%s", "submitted": ["企业设立登记申请书"],
                 "waived": [{"name": "营业执照", "basis": "E_LICENCE"}, {"name": "法定代表人身份证", "basis": "LVLIANG_CODE"}],
                 "businessTime": "%s"}""".formatted(requestId(), hour(0)));
        // The county approval bureau acts for the city's lead unit on a Lishi case.
        api.ok("/api/bundle-cases/" + caseId + "/acceptance", api.unitStep("141102_APPROVAL", hour(1)));
        api.ok("/api/bundle-cases/" + caseId + "/assistance", """
                {"requestId": "%s", "assistant": "LS-BB-017", "kind": "ASSISTED", "steps": ["填表", "刻章预约"],
                 "businessTime": "%s"}""".formatted(requestId(), hour(1)));
        dispatchAndDecideAll(caseId, "2024-01", "141102_APPROVAL", 0);
        api.ok("/api/bundle-cases/" + caseId + "/conclusion", api.unitStep("141102_APPROVAL", hour(4)));
        api.ok("/api/bundle-cases/" + caseId + "/delivery", """
                {"requestId": "%s", "method": "ELECTRONIC", "businessTime": "%s"}""".formatted(requestId(), hour(5)));
        api.ok("/api/bundle-cases/" + caseId + "/rating", """
                {"requestId": "%s", "score": 5, "reasons": ["一次办好"], "businessTime": "%s"}"""
                .formatted(requestId(), hour(6)));

        List<String> expected = new ArrayList<>(List.of("BundleCaseSubmittedEvent", "VisitRecordedEvent",
                "MaterialsRecordedEvent", "BundleCaseAcceptedEvent", "AssistanceRecordedEvent"));
        expected.addAll(List.of("ItemDispatchedEvent", "ItemDispatchedEvent", "ItemDispatchedEvent",
                "ItemDispatchedEvent", "ItemDispatchedEvent", "ItemDispatchedEvent"));
        expected.addAll(List.of("ItemApprovedEvent", "ItemApprovedEvent", "ItemApprovedEvent", "ItemApprovedEvent",
                "ItemApprovedEvent", "ItemApprovedEvent"));
        expected.addAll(List.of("BundleCaseConcludedEvent", "ResultDeliveredEvent", "ServiceRatedEvent"));
        assertThat(api.storedSteps(caseId)).containsExactlyElementsOf(expected);
    }

    @Test
    void newbornOnline_inFenyang_pausesForASupplement_andConcludesPartlyApproved_afterAComplaint() {
        String caseId = api.submit("2024-18", "141182", null, null, hour(0));
        api.ok("/api/bundle-cases/" + caseId + "/supplement-requests", """
                {"requestId": "%s", "actingUnit": "141182_HEALTH", "materials": ["出生医学证明"],
                 "reason": "缺少出生医学证明", "businessTime": "%s"}""".formatted(requestId(), hour(0)));
        api.ok("/api/bundle-cases/" + caseId + "/supplements", """
                {"requestId": "%s", "materials": ["出生医学证明"], "businessTime": "%s"}"""
                .formatted(requestId(), hour(1)));
        api.ok("/api/bundle-cases/" + caseId + "/acceptance", api.unitStep("141182_HEALTH", hour(1)));
        dispatchAndDecideAll(caseId, "2024-18", "141182_HEALTH", 5);
        JsonNode complaint = api.ok("/api/bundle-cases/" + caseId + "/complaints", """
                {"requestId": "%s", "content": "生育报销审核未通过，要求说明理由", "businessTime": "%s"}"""
                .formatted(requestId(), hour(3)));
        String complaintId = complaint.get("result").asText();
        api.ok("/api/bundle-cases/" + caseId + "/complaints/" + complaintId + "/resolution", """
                {"requestId": "%s", "actingUnit": "CITY_MEDICAL_SECURITY", "text": "已书面说明不予报销的依据",
                 "businessTime": "%s"}""".formatted(requestId(), hour(4)));
        api.ok("/api/bundle-cases/" + caseId + "/conclusion", api.unitStep("141182_HEALTH", hour(4)));

        List<String> stored = api.storedSteps(caseId);
        assertThat(stored).startsWith("BundleCaseSubmittedEvent", "SupplementRequestedEvent",
                "SupplementSuppliedEvent", "BundleCaseAcceptedEvent");
        assertThat(stored).contains("ItemRejectedEvent", "ComplaintLodgedEvent", "ComplaintResolvedEvent");
        assertThat(stored).endsWith("BundleCaseConcludedEvent");
        String outcome = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%BundleCaseConcludedEvent'""")
                .param("id", caseId).query(String.class).single();
        assertThat(json(outcome).get("outcome").asText()).isEqualTo("PARTIALLY_APPROVED");
    }

    @Test
    void retirement_transferredCityWide_isWithdrawnAndThenTakesOnlyComplaints() {
        String caseId = api.submit("2024-22", "141102", "141102-HALL", "141102-HALL-W03", hour(0));
        api.ok("/api/bundle-cases/" + caseId + "/transfer", """
                {"requestId": "%s", "toDivisionCode": "141181", "toHallCode": "141181-HALL", "mode": "CITY_WIDE",
                 "reason": "申请人常住孝义", "businessTime": "%s"}""".formatted(requestId(), hour(1)));
        // After the transfer the Xiaoyi counterpart leads the case, and Lishi's no longer may.
        assertThat(api.post("/api/bundle-cases/" + caseId + "/acceptance", api.unitStep("141102_HRSS", hour(2)))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        api.ok("/api/bundle-cases/" + caseId + "/acceptance", api.unitStep("141181_HRSS", hour(2)));
        api.ok("/api/bundle-cases/" + caseId + "/withdrawal", """
                {"requestId": "%s", "reason": "申请人暂缓退休", "businessTime": "%s"}""".formatted(requestId(), hour(3)));

        ResponseEntity<String> dispatch = api.post("/api/bundle-cases/" + caseId + "/items/1/dispatch",
                api.unitStep("141181_HRSS", hour(4)));
        assertConflict(dispatch, "WITHDRAWN");
        api.ok("/api/bundle-cases/" + caseId + "/complaints", """
                {"requestId": "%s", "content": "撤回后材料未退还", "businessTime": "%s"}""".formatted(requestId(), hour(5)));

        assertThat(api.storedSteps(caseId)).containsExactly("BundleCaseSubmittedEvent", "VisitRecordedEvent",
                "BundleCaseTransferredEvent", "BundleCaseAcceptedEvent", "BundleCaseWithdrawnEvent",
                "ComplaintLodgedEvent");
    }

    @Test
    void missingActingUnit_isA400NamingTheField() {
        String caseId = api.submit("2024-13", "141102", null, null, hour(0));

        ResponseEntity<String> response = api.post("/api/bundle-cases/" + caseId + "/acceptance",
                "{\"requestId\": \"" + requestId() + "\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response.getBody()).get("errors").findValuesAsText("field")).contains("actingUnit");
        assertThat(api.storedTypes(caseId)).containsExactly("BundleCaseSubmittedEvent");
    }

    @Test
    void aUnitThatDoesNotLeadTheBundle_isA403NamingTheRule() {
        String caseId = api.submit("2024-13", "141102", null, null, hour(0));

        ResponseEntity<String> response = api.post("/api/bundle-cases/" + caseId + "/acceptance",
                api.unitStep("CITY_APPROVAL", hour(1)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("actingUnit").asText()).isEqualTo("CITY_APPROVAL");
        assertThat(problem.get("detail").asText()).contains("only the lead unit CITY_HRSS");
        assertThat(api.storedTypes(caseId)).containsExactly("BundleCaseSubmittedEvent");
    }

    @Test
    void anUnknownCase_isA404() {
        ResponseEntity<String> response = api.post("/api/bundle-cases/no-such-case/acceptance",
                api.unitStep("CITY_HRSS", hour(1)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response.getBody()).get("caseId").asText()).isEqualTo("no-such-case");
    }

    @Test
    void aStepTheStateForbids_isA409NamingTheStateAndTheRule() {
        String caseId = api.submit("2024-13", "141102", null, null, hour(0));

        ResponseEntity<String> response = api.post("/api/bundle-cases/" + caseId + "/items/1/dispatch",
                api.unitStep("CITY_HRSS", hour(1)));

        assertConflict(response, "SUBMITTED");
        assertThat(json(response.getBody()).get("rule").asText()).isNotBlank();
    }

    @Test
    void aRepeatedSubmission_answersWithTheFirstCase_andStoresNothingNew() {
        String body = """
                {"requestId": "%s", "bundleCode": "2024-13",
                 "applicant": {"kind": "PERSON", "name": "王五", "identifier": "141102197707071234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM", "businessTime": "%s"}"""
                .formatted(requestId(), hour(0));
        ResponseEntity<String> first = api.post("/api/bundle-cases", body);
        String caseId = json(first.getBody()).get("caseId").asText();
        long submissions = api.submissionCount();

        ResponseEntity<String> repeat = api.post("/api/bundle-cases", body);

        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(repeat.getBody()).get("caseId").asText()).isEqualTo(caseId);
        assertThat(repeat.getHeaders().getFirst(BundleCaseController.REPLAYED)).isEqualTo("true");
        assertThat(first.getHeaders().getFirst(BundleCaseController.REPLAYED)).isEqualTo("false");
        assertThat(api.submissionCount()).isEqualTo(submissions);
        assertThat(api.storedTypes(caseId)).containsExactly("BundleCaseSubmittedEvent");
    }

    @Test
    void aRepeatedStep_isAppliedOnce_evenWhereASecondApplicationWouldBeRefused() {
        String caseId = api.submit("2024-13", "141102", null, null, hour(0));
        String accept = api.unitStep("CITY_HRSS", hour(1));

        api.ok("/api/bundle-cases/" + caseId + "/acceptance", accept);
        ResponseEntity<String> repeat = api.post("/api/bundle-cases/" + caseId + "/acceptance", accept);

        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.storedSteps(caseId)).containsExactly("BundleCaseSubmittedEvent", "BundleCaseAcceptedEvent");
    }

    @Test
    void aRequestIdReusedForAnotherCommand_isA400NamingTheRequestId() {
        String caseId = api.submit("2024-13", "141102", null, null, hour(0));
        String id = requestId();
        api.ok("/api/bundle-cases/" + caseId + "/acceptance", """
                {"requestId": "%s", "actingUnit": "CITY_HRSS", "businessTime": "%s"}""".formatted(id, hour(1)));

        ResponseEntity<String> reuse = api.post("/api/bundle-cases/" + caseId + "/rating", """
                {"requestId": "%s", "score": 3}""".formatted(id));

        assertThat(reuse.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(reuse.getBody()).get("detail").asText()).startsWith("requestId:");
        assertThat(api.storedSteps(caseId)).containsExactly("BundleCaseSubmittedEvent", "BundleCaseAcceptedEvent");
    }

    private static void assertConflict(ResponseEntity<String> response, String state) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response.getBody()).get("currentState").asText()).isEqualTo(state);
    }
}
