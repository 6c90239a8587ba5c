package cn.gov.lvliang.ledger.command.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * A corpus of malformed and hostile requests against every command endpoint of bundle cases and fundraising, over
 * real HTTP against PostgreSQL: broken JSON, wrong types, huge bodies, deep nesting, odd Unicode, SQL- and
 * script-looking text, out-of-range dates and amounts, unknown enum values. Each one is answered with a 4xx
 * problem+json, never a 5xx, and leaves the event store and the processed requests exactly as they were. Text that
 * only looks hostile but is a legal value is stored verbatim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadInputCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WHEN = "2025-03-03T02:00:00Z";
    /** Deeper than Jackson's nesting limit (1000). */
    private static final int DEEP = 5_000;
    /** A body far larger than any field allows (4 MiB). */
    private static final int HUGE = 4 * 1024 * 1024;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Real aggregates, so that a body that passes the shape checks reaches the aggregate's own rules. */
    private Map<String, String> pathValues;

    @BeforeEach
    void createTargets() {
        String bundleCase = created("/api/bundle-cases", """
                {"requestId": "%s", "bundleCode": "2024-01",
                 "applicant": {"kind": "PERSON", "name": "周八", "identifier": "141102198001011234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM", "businessTime": "%s"}"""
                .formatted(requestId(), WHEN)).get("caseId").asText();
        String clue = created("/api/fundraising/clues", """
                {"requestId": "%s", "recordingUnit": "141125_GOV_OFFICE", "source": "ONLINE_MONITORING",
                 "divisionCode": "141125", "keyArea": "ELDERLY_CARE",
                 "subject": {"kind": "ENTERPRISE", "name": "柳林县某某养老服务有限公司"},
                 "summary": "以养老床位预订为名承诺高额回报", "businessTime": "%s"}""".formatted(requestId(), WHEN))
                .get("clueId").asText();
        created("/api/fundraising/clues/" + clue + "/verification-assignment", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "assignedUnit": "141125_MARKET_REGULATION",
                 "businessTime": "%s"}""".formatted(requestId(), WHEN));
        created("/api/fundraising/clues/" + clue + "/verification", """
                {"requestId": "%s", "actingUnit": "141125_MARKET_REGULATION", "outcome": "RISK_CONFIRMED",
                 "notes": "实地走访", "businessTime": "%s"}""".formatted(requestId(), WHEN));
        String disposalCase = created("/api/fundraising/cases", """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "divisionCode": "141125",
                 "name": "柳林县某某养老服务有限公司涉嫌非法集资案",
                 "subject": {"kind": "ENTERPRISE", "name": "柳林县某某养老服务有限公司"}, "keyArea": "ELDERLY_CARE",
                 "clueIds": ["%s"], "estimatedAmountYuan": "1000.00", "estimatedParticipants": 3,
                 "crossProvince": false, "businessTime": "%s"}""".formatted(requestId(), clue, WHEN))
                .get("caseId").asText();
        pathValues = Map.of("caseId", bundleCase, "clueId", clue, "disposalCaseId", disposalCase,
                "itemSeq", "1", "seq", "1", "code", "141125-1", "complaintId", UUID.randomUUID().toString(),
                "measureId", UUID.randomUUID().toString(), "petitionId", UUID.randomUUID().toString());
    }

    @Test
    void everyCommandEndpoint_answersTheGenericCorpusWithProblems_andWritesNothing() {
        List<String> endpoints = commandEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(30)
                .contains("/api/bundle-cases", "/api/fundraising/cases", "/api/fundraising/clues");
        SoftAssertions softly = new SoftAssertions();
        for (String pattern : endpoints) {
            String path = path(pattern);
            for (HostileBody body : genericCorpus()) {
                assertRejected(softly, path, body);
            }
            assertRejected(softly, path, new HostileBody("text/plain body", MediaType.TEXT_PLAIN,
                    "{\"requestId\": \"%s\"}".formatted(requestId()).getBytes(StandardCharsets.UTF_8)));
            assertRejected(softly, HttpMethod.GET, path, new HostileBody("GET on a POST endpoint",
                    MediaType.APPLICATION_JSON, new byte[0]));
        }
        softly.assertAll();
    }

    @Test
    void fieldLevelCorpus_isAnsweredWithProblems_andWritesNothing() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, List<HostileBody>> entry : fieldCorpus().entrySet()) {
            for (HostileBody body : entry.getValue()) {
                assertRejected(softly, path(entry.getKey()), body);
            }
        }
        softly.assertAll();
    }

    @Test
    void hostilePathVariables_areAnsweredWithProblems_andWriteNothing() {
        List<String> ids = List.of("' OR '1'='1", "<img src=x onerror=alert(1)>", "\u202e😀", "x".repeat(2_000),
                "1;DROP TABLE domainevententry", "%00", "..");
        SoftAssertions softly = new SoftAssertions();
        for (String id : ids) {
            String body = """
                    {"requestId": "%s", "actingUnit": "141102_APPROVAL", "businessTime": "%s"}"""
                    .formatted(requestId(), WHEN);
            String segment = UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
            assertRejected(softly, "/api/bundle-cases/" + segment + "/acceptance", json(id, body));
            assertRejected(softly, "/api/fundraising/cases/" + segment + "/escalation", json(id, """
                    {"requestId": "%s", "reasons": ["COMPLEX"], "note": "复杂"}""".formatted(requestId())));
        }
        for (String seq : List.of("abc", "-1", "0", "999", "99999999999", "1.5", "1e3")) {
            assertRejected(softly, "/api/bundle-cases/" + pathValues.get("caseId") + "/items/" + seq + "/dispatch",
                    json("itemSeq " + seq, """
                            {"requestId": "%s", "actingUnit": "CITY_APPROVAL", "businessTime": "%s"}"""
                            .formatted(requestId(), WHEN)));
        }
        // An encoded slash is refused by Tomcat itself, before the application and its problem+json answers.
        Writes before = writes();
        ResponseEntity<String> slash = post("/api/bundle-cases/a%2Fb/acceptance", MediaType.APPLICATION_JSON,
                "{\"requestId\": \"%s\"}".formatted(requestId()).getBytes(StandardCharsets.UTF_8));
        softly.assertThat(slash.getStatusCode().value()).as("encoded slash").isEqualTo(400);
        softly.assertThat(writes()).as("encoded slash leaves the store as it was").isEqualTo(before);
        softly.assertAll();
    }

    @Test
    void aControlCharacterInText_isRefusedNamingTheField() {
        ResponseEntity<String> response = post("/api/bundle-cases", MediaType.APPLICATION_JSON, """
                {"requestId": "%s", "bundleCode": "2024-01",
                 "applicant": {"kind": "PERSON", "name": "周\\u0000八", "identifier": "141102198001011234"},
                 "divisionCode": "141102", "channel": "ONLINE_PLATFORM", "businessTime": "%s"}"""
                .formatted(requestId(), WHEN).getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode error = parse(response.getBody()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("applicant.name");
        assertThat(error.get("message").asText()).isEqualTo(RequestText.REFUSAL);
    }

    @Test
    void textThatOnlyLooksHostile_isALegalValue_andIsStoredVerbatim() {
        List<String> texts = List.of(
                "'; DROP TABLE domainevententry; --",
                "<script>alert('投诉')</script>",
                "${jndi:ldap://127.0.0.1/a} {{7*7}} %s %n",
                "\u202e右到左\u200b零宽 😀 𠀀 e\u0301");
        for (String text : texts) {
            ResponseEntity<String> response = post("/api/bundle-cases/" + pathValues.get("caseId") + "/complaints",
                    MediaType.APPLICATION_JSON, """
                            {"requestId": "%s", "content": %s, "businessTime": "%s"}"""
                            .formatted(requestId(), quote(text), WHEN).getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatusCode().value()).as(text + " -> " + response.getBody()).isEqualTo(201);
            String complaintId = parse(response.getBody()).get("result").asText();
            String stored = jdbc.sql("""
                            SELECT convert_from(payload, 'UTF8') FROM domainevententry
                            WHERE aggregateidentifier = :caseId AND payloadtype LIKE '%.ComplaintLodgedEvent'
                              AND convert_from(payload, 'UTF8') LIKE :complaint""")
                    .param("caseId", pathValues.get("caseId"))
                    .param("complaint", "%" + complaintId + "%")
                    .query(String.class).single();
            assertThat(parse(stored).get("content").asText()).isEqualTo(text);
        }
    }

    /** Bodies that no command endpoint accepts, whatever its fields. */
    private static List<HostileBody> genericCorpus() {
        String deepArrays = "[".repeat(DEEP) + "]".repeat(DEEP);
        String deepObjects = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
        List<HostileBody> corpus = new ArrayList<>(List.of(
                json("empty body", ""),
                json("whitespace", "   \n"),
                json("open brace", "{"),
                json("truncated", "{\"requestId\": \"%s\", \"businessTime\": ".formatted(requestId())),
                json("trailing garbage", "{\"requestId\": }}}"),
                json("not JSON", "requestId=1&businessTime=now"),
                json("JSON null", "null"),
                json("JSON array", "[]"),
                json("JSON string", "\"requestId\""),
                json("JSON number", "42"),
                json("single quotes", "{'requestId': 'x'}"),
                json("comments", "{/* x */ \"requestId\": \"" + requestId() + "\", \"businessTime\": \"now\"}"),
                json("requestId as object", "{\"requestId\": {\"$ne\": null}}"),
                json("requestId as array", "{\"requestId\": [\"a\", \"b\"]}"),
                json("requestId as boolean", "{\"requestId\": true, \"businessTime\": \"x\"}"),
                json("requestId missing", "{}"),
                json("requestId blank", "{\"requestId\": \"  \"}"),
                json("requestId with SQL", "{\"requestId\": \"x'; DELETE FROM processed_request; --\"}"),
                json("requestId with script", "{\"requestId\": \"<script>alert(1)</script>\"}"),
                json("requestId with NUL", "{\"requestId\": \"req\\u0000x\"}"),
                json("requestId with lone surrogate", "{\"requestId\": \"req\\ud800\"}"),
                json("requestId with RTL override and emoji", "{\"requestId\": \"req\u202e😀\"}"),
                json("requestId of 10,000 characters", "{\"requestId\": \"" + "r".repeat(10_000) + "\"}"),
                json("businessTime as text", body("\"yesterday\"")),
                json("businessTime as object", body("{\"epochSecond\": 1}")),
                json("businessTime as huge number", body("1e400")),
                json("businessTime beyond Instant", body("\"+1000000000-01-01T00:00:00Z\"")),
                json("businessTime without zone", body("\"2025-03-03T10:00:00\"")),
                json("businessTime on 30 February", body("\"2025-02-30T10:00:00Z\"")),
                json("businessTime in 1900", body("\"1900-01-01T00:00:00Z\"")),
                json("businessTime in 9999", body("\"9999-12-31T23:59:59Z\"")),
                json("businessTime at the epoch", body("0")),
                json("deeply nested arrays", "{\"requestId\": " + deepArrays + "}"),
                json("deeply nested objects", "{\"requestId\": " + deepObjects + "}"),
                json("huge body", "{\"requestId\": \"" + "r".repeat(HUGE) + "\"}"),
                json("huge number", "{\"requestId\": " + "9".repeat(5_000) + "}")));
        corpus.add(new HostileBody("invalid UTF-8", MediaType.APPLICATION_JSON,
                concat("{\"requestId\": \"r".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
                        "\"}".getBytes(StandardCharsets.UTF_8))));
        return corpus;
    }

    /** Targeted bodies per endpoint: each has one field that is wrong in a way its type or its rules forbid. */
    private Map<String, List<HostileBody>> fieldCorpus() {
        String submission = """
                {"requestId": "%s", "bundleCode": %s,
                 "applicant": {"kind": %s, "name": %s, "identifier": %s},
                 "divisionCode": %s, "channel": %s, "businessTime": "%s"}""";
        String measure = """
                {"requestId": "%s", "kind": "FINE", "orderingUnit": "141125_MARKET_REGULATION",
                 "dueDate": %s, "amountYuan": %s, "description": "罚款", "businessTime": "%s"}""";
        String recovery = """
                {"requestId": "%s", "actingUnit": "141125_POLICE", "kind": "CASH", "amountYuan": %s,
                 "description": "追缴", "businessTime": "%s"}""";
        String clue = """
                {"requestId": "%s", "recordingUnit": "141125_GOV_OFFICE", "source": %s, "divisionCode": "141125",
                 "keyArea": %s, "subject": {"kind": "ENTERPRISE", "name": "某公司", "creditCode": %s},
                 "summary": "摘要", "estimatedAmountYuan": %s, "estimatedParticipants": %s, "businessTime": "%s"}""";
        String plan = """
                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE",
                 "responsiblePerson": {"name": "王五", "role": "副县长"}, "summary": "方案",
                 "milestones": [{"name": "清退", "dueDate": %s}], "businessTime": "%s"}""";
        Map<String, List<HostileBody>> corpus = new LinkedHashMap<>(Map.of(
                "/api/bundle-cases", List.of(
                        json("unknown bundle", submission.formatted(requestId(), "\"2099-99\"", "\"PERSON\"", "\"赵六\"",
                                "\"141102198001011234\"", "\"141102\"", "\"ONLINE_PLATFORM\"", WHEN)),
                        json("bundle code with SQL", submission.formatted(requestId(), "\"2024-01' OR 1=1 --\"",
                                "\"PERSON\"", "\"赵六\"", "\"141102198001011234\"", "\"141102\"", "\"ONLINE_PLATFORM\"",
                                WHEN)),
                        json("unknown channel", submission.formatted(requestId(), "\"2024-01\"", "\"PERSON\"",
                                "\"赵六\"", "\"141102198001011234\"", "\"141102\"", "\"CARRIER_PIGEON\"", WHEN)),
                        json("lower-case enum", submission.formatted(requestId(), "\"2024-01\"", "\"person\"",
                                "\"赵六\"", "\"141102198001011234\"", "\"141102\"", "\"ONLINE_PLATFORM\"", WHEN)),
                        json("enum as number", submission.formatted(requestId(), "\"2024-01\"", "99", "\"赵六\"",
                                "\"141102198001011234\"", "\"141102\"", "\"ONLINE_PLATFORM\"", WHEN)),
                        json("name as object", submission.formatted(requestId(), "\"2024-01\"", "\"PERSON\"",
                                "{\"first\": \"赵\"}", "\"141102198001011234\"", "\"141102\"", "\"ONLINE_PLATFORM\"",
                                WHEN)),
                        json("name of 100,000 characters", submission.formatted(requestId(), "\"2024-01\"",
                                "\"PERSON\"", quote("赵".repeat(100_000)), "\"141102198001011234\"", "\"141102\"",
                                "\"ONLINE_PLATFORM\"", WHEN)),
                        json("identifier with script", submission.formatted(requestId(), "\"2024-01\"", "\"PERSON\"",
                                "\"赵六\"", "\"<script>alert(1)</script>\"", "\"141102\"", "\"ONLINE_PLATFORM\"",
                                WHEN)),
                        json("identifier in full-width digits", submission.formatted(requestId(), "\"2024-01\"",
                                "\"PERSON\"", "\"赵六\"", "\"１４１１０２１９８００１０１１２３４\"", "\"141102\"",
                                "\"ONLINE_PLATFORM\"", WHEN)),
                        json("unknown division", submission.formatted(requestId(), "\"2024-01\"", "\"PERSON\"",
                                "\"赵六\"", "\"141102198001011234\"", "\"999999\"", "\"ONLINE_PLATFORM\"", WHEN)),
                        json("division with SQL", submission.formatted(requestId(), "\"2024-01\"", "\"PERSON\"",
                                "\"赵六\"", "\"141102198001011234\"", "\"1' OR '1\"", "\"ONLINE_PLATFORM\"", WHEN))),
                "/api/bundle-cases/{caseId}/complaints", List.of(
                        json("content with NUL", complaint("\"办不成\\u0000事\"")),
                        json("content with a lone high surrogate", complaint("\"办不成\\ud83d\"")),
                        json("content with a lone low surrogate", complaint("\"\\ude00办不成\"")),
                        json("content with a terminal escape", complaint("\"\\u001b[31m办不成\\u001b[0m\"")),
                        json("content of 1 MiB", complaint(quote("诉".repeat(1024 * 1024))))),
                "/api/bundle-cases/{caseId}/rating", List.of(
                        json("score 0", rating("0")),
                        json("score 6", rating("6")),
                        json("score beyond int", rating("99999999999")),
                        json("score as word", rating("\"five\"")),
                        json("score as object", rating("{}")),
                        json("score negative", rating("-2147483648"))),
                "/api/bundle-cases/{caseId}/materials", List.of(
                        json("materials as string", """
                                {"requestId": "%s", "submitted": "申请表"}""".formatted(requestId())),
                        json("1,000 materials", """
                                {"requestId": "%s", "submitted": [%s]}""".formatted(requestId(),
                                String.join(",", Collections.nCopies(1_000, "\"申请表\"")))),
                        json("unknown waiver basis", """
                                {"requestId": "%s", "waived": [{"name": "营业执照", "basis": "BRIBERY"}]}"""
                                .formatted(requestId()))),
                "/api/fundraising/clues", List.of(
                        json("unknown source", clue.formatted(requestId(), "\"RUMOUR\"", "\"ELDERLY_CARE\"", "null",
                                "null", "null", WHEN)),
                        json("unknown key area", clue.formatted(requestId(), "\"ONLINE_MONITORING\"", "\"CASINO\"",
                                "null", "null", "null", WHEN)),
                        json("credit code with SQL", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "\"' OR 1=1; --\"", "null", "null", WHEN)),
                        json("negative amount", clue.formatted(requestId(), "\"ONLINE_MONITORING\"", "\"ELDERLY_CARE\"",
                                "null", "\"-1\"", "null", WHEN)),
                        json("amount with three decimals", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "\"0.001\"", "null", WHEN)),
                        json("amount 1e400", clue.formatted(requestId(), "\"ONLINE_MONITORING\"", "\"ELDERLY_CARE\"",
                                "null", "1e400", "null", WHEN)),
                        json("amount 1e999999999", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "\"1e999999999\"", "null", WHEN)),
                        json("amount 1e-999999999", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "\"1e-999999999\"", "null", WHEN)),
                        json("amount NaN", clue.formatted(requestId(), "\"ONLINE_MONITORING\"", "\"ELDERLY_CARE\"",
                                "null", "\"NaN\"", "null", WHEN)),
                        json("amount Infinity", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "\"Infinity\"", "null", WHEN)),
                        json("amount of 30 digits", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "123456789012345678901234567890", "null", WHEN)),
                        json("amount as word", clue.formatted(requestId(), "\"ONLINE_MONITORING\"", "\"ELDERLY_CARE\"",
                                "null", "\"一百万\"", "null", WHEN)),
                        json("negative participants", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "null", "-5", WHEN)),
                        json("participants beyond int", clue.formatted(requestId(), "\"ONLINE_MONITORING\"",
                                "\"ELDERLY_CARE\"", "null", "null", "3000000000", WHEN))),
                "/api/fundraising/cases/{disposalCaseId}/measures", List.of(
                        json("due date 30 February", measure.formatted(requestId(), "\"2025-02-30\"", "\"100.00\"",
                                WHEN)),
                        json("due date year 0", measure.formatted(requestId(), "\"0000-01-01\"", "\"100.00\"", WHEN)),
                        json("due date as number", measure.formatted(requestId(), "20250330", "\"100.00\"", WHEN)),
                        json("due date before the order", measure.formatted(requestId(), "\"2024-01-01\"", "\"100.00\"",
                                WHEN)),
                        json("zero amount", measure.formatted(requestId(), "null", "\"0\"", WHEN)),
                        json("amount beyond fen", measure.formatted(requestId(), "null", "\"99999999999999.99\"",
                                WHEN))),
                "/api/fundraising/cases/{disposalCaseId}/recoveries", List.of(
                        json("amount as array", recovery.formatted(requestId(), "[1]", WHEN)),
                        json("amount with hex", recovery.formatted(requestId(), "\"0x10\"", WHEN)),
                        json("amount negative zero", recovery.formatted(requestId(), "\"-0.00\"", WHEN))),
                "/api/fundraising/cases/{disposalCaseId}/plan", List.of(
                        json("milestone without date", plan.formatted(requestId(), "null", WHEN)),
                        json("milestone date malformed", plan.formatted(requestId(), "\"next spring\"", WHEN)),
                        json("milestone date before adoption", plan.formatted(requestId(), "\"2024-06-01\"", WHEN))),
                "/api/fundraising/cases/{disposalCaseId}/participant-batches", List.of(
                        json("claim of zero", """
                                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE",
                                 "participants": [{"participantReference": "LL-1", "claimYuan": "0"}]}"""
                                .formatted(requestId())),
                        json("participants as object", """
                                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "participants": {"a": 1}}"""
                                .formatted(requestId())),
                        json("null participant", """
                                {"requestId": "%s", "actingUnit": "141125_GOV_OFFICE", "participants": [null]}"""
                                .formatted(requestId()))),
                "/api/fundraising/cases/{disposalCaseId}/petitions", List.of(
                        json("petitioners beyond limit", """
                                {"requestId": "%s", "actingUnit": "141125_PETITIONS", "petitioners": 100001,
                                 "summary": "集体上访"}""".formatted(requestId())))));
        corpus.put("/api/bundle-cases/{caseId}/acceptance", List.of(
                        json("unknown acting unit", """
                                {"requestId": "%s", "actingUnit": "NOBODY", "businessTime": "%s"}"""
                                .formatted(requestId(), WHEN)),
                        json("before the case began", """
                                {"requestId": "%s", "actingUnit": "CITY_APPROVAL",
                                 "businessTime": "2024-01-02T00:00:00Z"}""".formatted(requestId()))));
        corpus.put("/api/fundraising/legacy-cases/{code}/import", List.of(
                        json("filing date beyond LocalDate", """
                                {"requestId": "%s", "actingUnit": "CITY_POLITICAL_LEGAL",
                                 "originalFilingDate": "+1000000000-01-01"}""".formatted(requestId())),
                        json("unknown stage", """
                                {"requestId": "%s", "actingUnit": "CITY_POLITICAL_LEGAL", "stageAtImport": "LYNCHED"}"""
                                .formatted(requestId()))));
        return corpus;
    }

    private static String complaint(String content) {
        return """
                {"requestId": "%s", "content": %s, "businessTime": "%s"}""".formatted(requestId(), content, WHEN);
    }

    private static String rating(String score) {
        return """
                {"requestId": "%s", "score": %s, "businessTime": "%s"}""".formatted(requestId(), score, WHEN);
    }

    /** A body whose only other field is the business time given. */
    private static String body(String businessTime) {
        return "{\"requestId\": \"" + requestId() + "\", \"businessTime\": " + businessTime + "}";
    }

    private void assertRejected(SoftAssertions softly, String path, HostileBody body) {
        assertRejected(softly, HttpMethod.POST, path, body);
    }

    private void assertRejected(SoftAssertions softly, HttpMethod method, String path, HostileBody body) {
        Writes before = writes();
        ResponseEntity<String> response = exchange(method, path, body.contentType(), body.bytes());
        String what = method + " " + shorten(path) + " with " + body.name();
        int status = response.getStatusCode().value();
        softly.assertThat(status).as(what + " -> " + shorten(response.getBody())).isBetween(400, 499);
        MediaType contentType = response.getHeaders().getContentType();
        boolean problem = contentType != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType);
        softly.assertThat(problem).as(what + " answers problem+json, not " + contentType + ": " + status + " "
                + shorten(response.getBody())).isTrue();
        if (problem) {
            softly.assertThat(parse(response.getBody()).path("status").asInt()).as(what + " problem status")
                    .isEqualTo(status);
        }
        softly.assertThat(writes()).as(what + " leaves the store as it was").isEqualTo(before);
    }

    private ResponseEntity<String> post(String path, MediaType contentType, byte[] body) {
        return exchange(HttpMethod.POST, path, contentType, body);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, MediaType contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(URI.create(http.getRootUri() + path), method,
                new HttpEntity<>(method == HttpMethod.GET ? null : body, headers), String.class);
    }

    private JsonNode created(String path, String body) {
        ResponseEntity<String> response = post(path, MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " -> " + response.getBody()).isTrue();
        return parse(response.getBody());
    }

    /** The POST endpoints of bundle cases and fundraising, as the application maps them. */
    private List<String> commandEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            if (mapping.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                mapping.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/bundle-cases") || p.startsWith("/api/fundraising"))
                        .forEach(endpoints::add);
            }
        }
        return List.copyOf(endpoints);
    }

    /** The pattern with real ids; a fundraising {caseId} names the disposal case. */
    private String path(String pattern) {
        String resolved = pattern.startsWith("/api/fundraising/cases/")
                ? pattern.replace("{caseId}", "{disposalCaseId}") : pattern;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            resolved = resolved.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(resolved).as("every path variable of " + pattern + " has a value").doesNotContain("{");
        return resolved;
    }

    /** What a rejected request must not change; overdue events that deadlines add at any moment are left out. */
    private Writes writes() {
        return new Writes(
                jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype NOT LIKE '%BecameOverdueEvent'")
                        .query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM processed_request").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM snapshotevententry").query(Long.class).single());
    }

    private record Writes(long events, long processedRequests, long snapshots) {
    }

    /** One entry of the corpus. */
    private record HostileBody(String name, MediaType contentType, byte[] bytes) {
    }

    private static HostileBody json(String name, String body) {
        return new HostileBody(name, MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String requestId() {
        return "bad-" + UUID.randomUUID();
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text == null ? "null" : text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + shorten(text), e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + ")";
    }
}
