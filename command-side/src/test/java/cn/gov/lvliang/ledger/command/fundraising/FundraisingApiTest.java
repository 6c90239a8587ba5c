package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingApi.hour;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingApi.json;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingApi.requestId;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingApi.unitNote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The fundraising command API over real HTTP against PostgreSQL: a clue through a criminal case to refunds and
 * closure, a legacy import, atomic opening from clues, and every error class of the REST contract. The database is
 * shared by every test class, and a back-dated clue's verification deadline may fire at any moment, so each test
 * reads only its own aggregates and leaves overdue events out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FundraisingApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    FundraisingApi api;

    @BeforeEach
    void setUp() {
        api = new FundraisingApi(http, jdbc);
    }

    @Test
    void aPublicReport_becomesACriminalCase_whoseRecoveryIsRefundedProRata_beforeItIsClosed() {
        String clueId = api.verifiedClue("RISK_CONFIRMED");
        api.ok("/api/fundraising/clues/" + clueId + "/reward", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "amountYuan": 2000, "businessTime": "%s"}"""
                .formatted(requestId(), hour(3)));
        String caseId = api.openCase(List.of(clueId), "\"2400000.50\"", 180);
        String cases = "/api/fundraising/cases/" + caseId;
        api.ok(cases + "/determination", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "outcome": "SUSPECTED_CRIME",
                 "basis": "未经批准向社会公开宣传并承诺回报，涉嫌非法吸收公众存款", "businessTime": "%s"}"""
                .formatted(requestId(), hour(4)));
        String measureId = api.ok(cases + "/measures", """
                {"requestId": "%s", "kind": "SEIZURE", "orderingUnit": "141125_MARKET_REGULATION",
                 "amountYuan": "350000", "description": "查封经营场所及账册", "businessTime": "%s"}"""
                .formatted(requestId(), hour(5))).get("result").asText();
        api.ok(cases + "/measures/" + measureId + "/follow-ups",
                unitNote("141125_MARKET_REGULATION", "场所已封存", hour(6)));
        api.ok(cases + "/measures/" + measureId + "/completion",
                unitNote("141125_MARKET_REGULATION", "随案移交公安", hour(7)));
        api.ok(cases + "/police-transfer", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "policeUnit": "141125_POLICE",
                 "businessTime": "%s"}""".formatted(requestId(), hour(8)));
        milestone(cases, "POLICE_FILED", "141125_POLICE", hour(9));
        milestone(cases, "PROSECUTION_REVIEW", "CITY_PROCURATORATE", hour(10));
        milestone(cases, "INDICTED", "CITY_PROCURATORATE", hour(11));
        milestone(cases, "FIRST_INSTANCE_JUDGMENT", "CITY_COURT", hour(12));
        api.ok(cases + "/recoveries", """
                {"requestId": "%s", "actingUnit": "141125_POLICE", "kind": "BANK_DEPOSIT", "amountYuan": "1000.00",
                 "description": "冻结涉案账户资金", "businessTime": "%s"}""".formatted(requestId(), hour(13)));
        api.ok(cases + "/participant-batches", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "participants": [
                  {"participantReference": "LL-2025-003", "claimYuan": "300"},
                  {"participantReference": "LL-2025-001", "claimYuan": 300.00},
                  {"participantReference": "LL-2025-002", "claimYuan": "300.0"}], "businessTime": "%s"}"""
                .formatted(requestId(), hour(14)));
        JsonNode round = api.ok(cases + "/refund-rounds", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "roundTotalYuan": "100.00", "businessTime": "%s"}"""
                .formatted(requestId(), hour(15)));
        api.ok(cases + "/closure", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "resolution": "CLOSED_AFTER_JUDGMENT",
                 "businessTime": "%s"}""".formatted(requestId(), hour(16)));

        assertThat(round.get("result").asText()).isEqualTo("1");
        assertThat(api.storedTypes(clueId)).containsExactly("RiskClueRecordedEvent",
                "RiskClueVerificationAssignedEvent", "RiskClueVerifiedEvent", "RiskClueReporterRewardedEvent",
                "RiskClueTakenIntoCaseEvent");
        assertThat(api.storedTypes(caseId)).containsExactly("DisposalCaseOpenedEvent", "DisposalCaseDeterminedEvent",
                "MeasureOrderedEvent", "MeasureFollowedUpEvent", "MeasureCompletedEvent",
                "DisposalCaseTransferredToPoliceEvent", "CriminalMilestoneRecordedEvent",
                "CriminalMilestoneRecordedEvent", "CriminalMilestoneRecordedEvent", "CriminalMilestoneRecordedEvent",
                "AssetRecoveredEvent", "ParticipantsRegisteredEvent", "RefundRoundPaidEvent", "DisposalCaseClosedEvent");
        // 100.00 yuan over three claims of 300.00: 3333.33 fen each, the odd fen to the smallest reference.
        JsonNode refund = api.storedPayload(caseId, "RefundRoundPaidEvent");
        assertThat(refund.get("shares").findValuesAsText("participantReference"))
                .containsExactly("LL-2025-001", "LL-2025-002", "LL-2025-003");
        assertThat(refund.get("shares").findValues("shareFen")).extracting(JsonNode::asLong)
                .containsExactly(3334L, 3333L, 3333L);
        assertThat(api.storedPayload(clueId, "RiskClueRecordedEvent").get("estimatedAmountFen").asLong())
                .isEqualTo(240_000_050L);
        JsonNode closed = api.storedPayload(caseId, "DisposalCaseClosedEvent");
        assertThat(closed.get("totalRecoveredFen").asLong()).isEqualTo(100_000L);
        assertThat(closed.get("totalRefundedFen").asLong()).isEqualTo(10_000L);
    }

    @Test
    void aRefundAboveWhatWasRecovered_isA409NamingTheRule_andStoresNothing() {
        String caseId = api.openCase(List.of(api.verifiedClue("NEEDS_DETERMINATION")), "null", 30);
        String cases = "/api/fundraising/cases/" + caseId;
        api.ok(cases + "/recoveries", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "kind": "CASH", "amountYuan": "1000",
                 "description": "主动退缴", "businessTime": "%s"}""".formatted(requestId(), hour(4)));
        api.ok(cases + "/participant-batches", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "participants": [
                  {"participantReference": "LL-1", "claimYuan": "5000"}], "businessTime": "%s"}"""
                .formatted(requestId(), hour(5)));

        ResponseEntity<String> response = api.post(cases + "/refund-rounds", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "roundTotalYuan": "1000.01", "businessTime": "%s"}"""
                .formatted(requestId(), hour(6)));

        assertProblem(response, HttpStatus.CONFLICT);
        assertThat(json(response.getBody()).get("rule").asText()).isEqualTo("refund-within-recovered");
        assertThat(api.storedTypes(caseId)).doesNotContain("RefundRoundPaidEvent");
    }

    @Test
    void aCaseOverTheParticipantThreshold_isEscalated_andItsCountyDeterminationIsA403() {
        String caseId = api.openCase(List.of(api.verifiedClue("RISK_CONFIRMED")), "\"1200000\"", 650);

        ResponseEntity<String> county = api.post("/api/fundraising/cases/" + caseId + "/determination", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "outcome": "SUSPECTED_CRIME", "basis": "研判",
                 "businessTime": "%s"}""".formatted(requestId(), hour(4)));
        api.ok("/api/fundraising/cases/" + caseId + "/determination", """
                {"requestId": "%s", "actingUnit": "CITY_GOV_OFFICE", "outcome": "SUSPECTED_CRIME", "basis": "市级认定",
                 "businessTime": "%s"}""".formatted(requestId(), hour(5)));

        assertProblem(county, HttpStatus.FORBIDDEN);
        assertThat(json(county.getBody()).get("actingUnit").asText()).isEqualTo("141125_GOV_OFFICE");
        assertThat(api.storedTypes(caseId)).containsExactly("DisposalCaseOpenedEvent", "DisposalCaseEscalatedEvent",
                "DisposalCaseDeterminedEvent");
        assertThat(api.storedPayload(caseId, "DisposalCaseDeterminedEvent").get("level").asText()).isEqualTo("CITY");
    }

    @Test
    void aCaseWithAnOpenMeasure_cannotBeClosed_andThe409NamesTheMeasure() {
        String caseId = api.openCase(List.of(api.verifiedClue("RISK_CONFIRMED")), "\"80000\"", 12);
        String cases = "/api/fundraising/cases/" + caseId;
        api.ok(cases + "/determination", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "outcome": "ILLEGAL_FUNDRAISING", "basis": "研判",
                 "businessTime": "%s"}""".formatted(requestId(), hour(4)));
        String measureId = api.ok(cases + "/measures", """
                {"requestId": "%s", "kind": "WARNING_TALK", "orderingUnit": "141125_GOV_OFFICE",
                 "description": "约谈法定代表人", "businessTime": "%s"}""".formatted(requestId(), hour(5)))
                .get("result").asText();

        ResponseEntity<String> response = api.post(cases + "/closure", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE",
                 "resolution": "CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL", "businessTime": "%s"}"""
                .formatted(requestId(), hour(6)));

        assertProblem(response, HttpStatus.CONFLICT);
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("close-with-nothing-open");
        assertThat(problem.get("detail").asText()).contains(measureId, "WARNING_TALK");
        assertThat(api.storedTypes(caseId)).doesNotContain("DisposalCaseClosedEvent");
    }

    @Test
    void openingFromAnUnverifiedClue_isA409_andNoClueIsTaken() {
        String verified = api.verifiedClue("RISK_CONFIRMED");
        String unverified = api.verifiedClue(null);

        ResponseEntity<String> response = api.post("/api/fundraising/cases",
                api.openCaseBody(List.of(verified, unverified), "null", 10));

        assertProblem(response, HttpStatus.CONFLICT);
        assertThat(json(response.getBody()).get("rule").asText()).isEqualTo("take-verified-risk-into-case");
        // The verified clue was taken first, then rolled back with the refused opening: it still opens a case.
        assertThat(api.storedTypes(verified)).doesNotContain("RiskClueTakenIntoCaseEvent");
        String caseId = api.openCase(List.of(verified), "null", 10);
        assertThat(api.storedPayload(verified, "RiskClueTakenIntoCaseEvent").get("caseId").asText())
                .isEqualTo(caseId);
        // The clue changed as part of the opening's request, and its event says so.
        assertThat(api.storedRequestId(verified, "RiskClueTakenIntoCaseEvent"))
                .isEqualTo(api.storedRequestId(caseId, "DisposalCaseOpenedEvent")).isNotBlank();
    }

    @Test
    void aLegacyCase_isImportedOnce_withItsOriginalFilingDate() {
        // A fixed requestId: a later run on the same database answers from the first import, which stands.
        String body = """
                {"requestId": "fundraising-api-test-legacy-141129-1", "actingUnit": "CITY_POLITICAL_LEGAL",
                 "businessTime": "%s"}""".formatted(hour(0));

        ResponseEntity<String> first = api.post("/api/fundraising/legacy-cases/141129-1/import", body);
        ResponseEntity<String> repeat = api.post("/api/fundraising/legacy-cases/141129-1/import", body);
        ResponseEntity<String> second = api.post("/api/fundraising/legacy-cases/141129-1/import", """
                {"requestId": "%s", "actingUnit": "141129_GOV_OFFICE", "businessTime": "%s"}"""
                .formatted(requestId(), hour(1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(first.getBody()).get("caseId").asText()).isEqualTo("legacy-141129-1");
        assertThat(repeat.getHeaders().getFirst(FundraisingResponses.REPLAYED)).isEqualTo("true");
        assertProblem(second, HttpStatus.CONFLICT);
        assertThat(json(second.getBody()).get("rule").asText()).isEqualTo("legacy-case-imported-once");
        JsonNode imported = api.storedPayload("legacy-141129-1", "LegacyCaseImportedEvent");
        assertThat(imported.get("originalFilingDate").asText()).isEqualTo("2023-01-01");
        assertThat(imported.get("filingDateApproximate").asBoolean()).isTrue();
        assertThat(imported.get("name").asText()).isEqualTo("朱爱清非法集资案");
        assertThat(imported.get("businessTime").asText()).isEqualTo(hour(0));
    }

    @Test
    void anUnknownLegacyCase_isA404_andAFilingDateOutsideThePlansGroup_isA400() {
        ResponseEntity<String> unknown = api.post("/api/fundraising/legacy-cases/999999-9/import", """
                {"requestId": "%s", "actingUnit": "CITY_POLITICAL_LEGAL"}""".formatted(requestId()));
        ResponseEntity<String> badDate = api.post("/api/fundraising/legacy-cases/141102-1/import", """
                {"requestId": "%s", "actingUnit": "CITY_POLITICAL_LEGAL", "originalFilingDate": "2023-05-01"}"""
                .formatted(requestId()));

        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertProblem(badDate, HttpStatus.BAD_REQUEST);
        assertThat(json(badDate.getBody()).get("detail").asText()).startsWith("originalFilingDate: ");
    }

    @Test
    void anAmountWithMoreThanTwoDecimals_isA400NamingTheField_andStoresNothing() {
        String clueId = api.verifiedClue("RISK_CONFIRMED");

        ResponseEntity<String> response = api.post("/api/fundraising/clues/" + clueId + "/reward", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "amountYuan": "2000.001",
                 "businessTime": "%s"}""".formatted(requestId(), hour(3)));

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(json(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("amountYuan");
        assertThat(api.storedTypes(clueId)).doesNotContain("RiskClueReporterRewardedEvent");
    }

    @Test
    void aMissingRequestId_andAnIdentityNumberAsReporterHandle_areA400() {
        ResponseEntity<String> missing = api.post("/api/fundraising/cases/any/determination", """
                {"actingUnit": "141125_GOV_OFFICE", "outcome": "SUSPECTED_CRIME", "basis": "研判"}""");
        ResponseEntity<String> identity = api.post("/api/fundraising/clues", """
                {"requestId": "%s", "recordingUnit": "141125_GOV_OFFICE", "source": "PUBLIC_REPORT",
                 "divisionCode": "141125", "keyArea": "OTHER", "subject": {"kind": "PERSON", "name": "王某"},
                 "summary": "摘要", "reporter": {"anonymous": false, "handle": "141125199001011234"},
                 "businessTime": "%s"}""".formatted(requestId(), hour(0)));

        assertProblem(missing, HttpStatus.BAD_REQUEST);
        assertThat(json(missing.getBody()).get("errors").findValuesAsText("field")).contains("requestId");
        assertProblem(identity, HttpStatus.BAD_REQUEST);
        assertThat(json(identity.getBody()).get("detail").asText()).startsWith("reporter.handle: ");
    }

    @Test
    void anotherCountysLead_isA403_andAnUnknownCase_orAClueUsedAsACase_isA404() {
        String clueId = api.verifiedClue("RISK_CONFIRMED");

        ResponseEntity<String> fenyang = api.post("/api/fundraising/clues/" + clueId + "/reward", """
                {"requestId": "%s", "actingUnit": "141182_GOV_OFFICE", "amountYuan": "100", "businessTime": "%s"}"""
                .formatted(requestId(), hour(3)));
        ResponseEntity<String> unknown = api.post("/api/fundraising/cases/no-such-case/closure", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "resolution": "OTHER", "note": "无"}"""
                .formatted(requestId()));
        ResponseEntity<String> clueAsCase = api.post("/api/fundraising/cases/" + clueId + "/closure", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "resolution": "OTHER", "note": "无"}"""
                .formatted(requestId()));

        assertProblem(fenyang, HttpStatus.FORBIDDEN);
        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertProblem(clueAsCase, HttpStatus.NOT_FOUND);
        assertThat(api.storedTypes(clueId)).containsExactly("RiskClueRecordedEvent",
                "RiskClueVerificationAssignedEvent", "RiskClueVerifiedEvent");
    }

    @Test
    void openingFromAnIdThatIsNoClue_isA400NamingClueIds() {
        String caseId = api.openCase(List.of(api.verifiedClue("RISK_CONFIRMED")), "null", 3);

        ResponseEntity<String> unknown = api.post("/api/fundraising/cases",
                api.openCaseBody(List.of("no-such-clue"), "null", 3));
        ResponseEntity<String> aCase = api.post("/api/fundraising/cases", api.openCaseBody(List.of(caseId), "null", 3));

        assertProblem(unknown, HttpStatus.BAD_REQUEST);
        assertThat(json(unknown.getBody()).get("detail").asText()).isEqualTo("clueIds: no risk clue no-such-clue");
        assertProblem(aCase, HttpStatus.BAD_REQUEST);
        assertThat(json(aCase.getBody()).get("detail").asText()).isEqualTo("clueIds: no risk clue " + caseId);
    }

    @Test
    void aRepeatedRefundRound_isPaidOnce() {
        String caseId = api.openCase(List.of(api.verifiedClue("RISK_CONFIRMED")), "null", 2);
        String cases = "/api/fundraising/cases/" + caseId;
        api.ok(cases + "/recoveries", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "kind": "CASH", "amountYuan": "10",
                 "description": "退缴", "businessTime": "%s"}""".formatted(requestId(), hour(4)));
        api.ok(cases + "/participant-batches", """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "participants": [
                  {"participantReference": "A", "claimYuan": "1"}, {"participantReference": "B", "claimYuan": "2"}],
                 "businessTime": "%s"}""".formatted(requestId(), hour(5)));
        String round = """
                {"requestId": "%s", "actingUnit": "CITY_COURT", "roundTotalYuan": "1.00", "businessTime": "%s"}"""
                .formatted(requestId(), hour(6));

        ResponseEntity<String> first = api.post(cases + "/refund-rounds", round);
        ResponseEntity<String> repeat = api.post(cases + "/refund-rounds", round);

        assertThat(first.getHeaders().getFirst(FundraisingResponses.REPLAYED)).isEqualTo("false");
        assertThat(repeat.getHeaders().getFirst(FundraisingResponses.REPLAYED)).isEqualTo("true");
        assertThat(json(repeat.getBody()).get("result").asText()).isEqualTo("1");
        assertThat(api.storedTypes(caseId)).containsOnlyOnce("RefundRoundPaidEvent");
        // 100 fen over claims 100 and 200: 33.33 and 66.67, the odd fen to B's larger remainder: 33 + 67.
        assertThat(api.storedPayload(caseId, "RefundRoundPaidEvent").get("shares").findValues("shareFen"))
                .extracting(JsonNode::asLong).containsExactly(33L, 67L);
    }

    @Test
    void theOpenApiDescription_documentsEveryFundraisingStep() {
        JsonNode docs = json(http.getForObject("/v3/api-docs", String.class));

        assertThat(docs.get("paths").fieldNames()).toIterable().filteredOn(path -> path.startsWith("/api/fundraising"))
                .contains("/api/fundraising/clues", "/api/fundraising/clues/{clueId}/verification",
                        "/api/fundraising/cases", "/api/fundraising/legacy-cases/{code}/import",
                        "/api/fundraising/cases/{caseId}/refund-rounds", "/api/fundraising/cases/{caseId}/closure")
                .hasSize(24);
        assertThat(docs.at("/components/schemas/RefundRound/properties/roundTotalYuan/type").asText())
                .isEqualTo("string");
    }

    private void milestone(String cases, String milestone, String unit, String businessTime) {
        api.ok(cases + "/criminal-milestones", """
                {"requestId": "%s", "actingUnit": "%s", "milestone": "%s", "businessTime": "%s"}"""
                .formatted(requestId(), unit, milestone, businessTime));
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
