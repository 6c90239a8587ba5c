package cn.gov.lvliang.ledger.command.infra;

import static cn.gov.lvliang.ledger.security.LedgerRole.ADMIN;
import static cn.gov.lvliang.ledger.security.LedgerRole.AUDITOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.CAMPAIGN_OFFICER;
import static cn.gov.lvliang.ledger.security.LedgerRole.IMPORTER;
import static cn.gov.lvliang.ledger.security.LedgerRole.INSPECTOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.SUPERVISOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.UNIT_OFFICER;
import static cn.gov.lvliang.ledger.security.LedgerRole.WINDOW_CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gov.lvliang.ledger.command.StoredEvents;
import cn.gov.lvliang.ledger.command.TestAuthentication;
import cn.gov.lvliang.ledger.command.TestTokens;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.security.LedgerRole;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may send what, over real HTTP: every endpoint of the command side for every role, without sign-in, and for
 * the wrong county; and that the actor recorded in each event is the signed-in user, whatever the body claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessControlTest {

    /** One demo account per role; see ledger-demo-accounts.yml. */
    private static final Map<LedgerRole, String> ACCOUNTS = Map.of(
            ADMIN, "admin", AUDITOR, "auditor", INSPECTOR, "inspector", SUPERVISOR, "supervisor",
            WINDOW_CLERK, "city-clerk", UNIT_OFFICER, "city-tax-officer", CAMPAIGN_OFFICER, "campaign-officer",
            IMPORTER, "importer");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The roles that may call an endpoint: the access rules of the issue, written out independently here. */
    private static Set<LedgerRole> allowedRoles(HttpMethod method, String path) {
        if (path.startsWith("/api/bundle-cases")) {
            if (path.endsWith("/approval") || path.endsWith("/rejection")) {
                return EnumSet.of(UNIT_OFFICER, IMPORTER);
            }
            if (path.endsWith("/follow-ups") || path.endsWith("/resolution")) {
                return EnumSet.of(WINDOW_CLERK, UNIT_OFFICER, IMPORTER);
            }
            return EnumSet.of(WINDOW_CLERK, IMPORTER);
        }
        if (path.startsWith("/api/fundraising")) {
            return EnumSet.of(CAMPAIGN_OFFICER, UNIT_OFFICER, IMPORTER);
        }
        if (path.startsWith("/api/personal-data")) {
            return EnumSet.of(ADMIN);
        }
        if (path.startsWith("/api/scoring")) {
            // The assessed county's supervisors or government office, or the assessed unit's staff, appeal; the
            // inspection team does everything else.
            return path.endsWith("/appeals") ? EnumSet.of(SUPERVISOR, CAMPAIGN_OFFICER, WINDOW_CLERK, UNIT_OFFICER)
                    : EnumSet.of(INSPECTOR);
        }
        if (path.equals("/api/ledger/verification")) {
            return EnumSet.of(AUDITOR, ADMIN);
        }
        if (path.startsWith("/api/ledger")) {
            return method == HttpMethod.GET ? EnumSet.of(AUDITOR, ADMIN) : EnumSet.of(ADMIN);
        }
        return fail("No access rule written down for " + method + " " + path);
    }

    @Test
    void everyEndpoint_answersEachRoleAsTheRulesSay_andNobodyWithoutSignIn() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var requestMethod : mapping.getKey().getMethodsCondition().getMethods()) {
                    HttpMethod method = HttpMethod.valueOf(requestMethod.name());
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    assertThat(call(method, path, null).getStatusCode()).as("anonymous " + method + " " + path)
                            .isEqualTo(HttpStatus.UNAUTHORIZED);
                    Set<LedgerRole> allowed = allowedRoles(method, pattern);
                    for (LedgerRole role : LedgerRole.values()) {
                        HttpStatus status = HttpStatus.valueOf(call(method, path, basic(ACCOUNTS.get(role)))
                                .getStatusCode().value());
                        if (allowed.contains(role)) {
                            assertThat(status).as(role + " " + method + " " + path)
                                    .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
                        } else {
                            assertThat(status).as(role + " " + method + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                        }
                    }
                    checked.add(method + " " + pattern);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(40)
                .contains("POST /api/bundle-cases", "POST /api/fundraising/cases", "GET /api/ledger/checkpoints",
                        "POST /api/scoring/score-cards", "POST /api/scoring/score-cards/{cardId}/appeals");
    }

    @Test
    void aCountyClerk_cannotOpenOrTouchACaseOfAnotherCounty() {
        ResponseEntity<String> submitted = call(HttpMethod.POST, "/api/bundle-cases",
                basic("lishi-clerk"), submission("141182", "2024-01"));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(submitted.getBody()).get("rule").asText()).isEqualTo("county-scope");

        String fenyangCase = json(call(HttpMethod.POST, "/api/bundle-cases", basic(TestAuthentication.DEFAULT_USER),
                submission("141182", "2024-01")).getBody()).get("caseId").asText();
        ResponseEntity<String> materials = call(HttpMethod.POST, "/api/bundle-cases/" + fenyangCase + "/materials",
                basic("lishi-clerk"), """
                        {"requestId": "%s", "submitted": ["申请表"]}""".formatted(UUID.randomUUID()));
        assertThat(materials.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, "/api/bundle-cases/" + fenyangCase + "/materials", basic("fenyang-clerk"),
                """
                        {"requestId": "%s", "submitted": ["申请表"]}""".formatted(UUID.randomUUID()))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theActorInTheEvents_isTheSignedInUser_evenWhenTheBodyClaimsAnotherUnit() {
        String caseId = json(call(HttpMethod.POST, "/api/bundle-cases", basic("lishi-hrss-clerk"),
                submission("141102", "2024-13")).getBody()).get("caseId").asText();

        ResponseEntity<String> claimingTheCity = call(HttpMethod.POST, "/api/bundle-cases/" + caseId + "/acceptance",
                basic("lishi-hrss-clerk"), """
                        {"requestId": "%s", "actingUnit": "CITY_HRSS"}""".formatted(UUID.randomUUID()));
        assertThat(claimingTheCity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> accepted = call(HttpMethod.POST, "/api/bundle-cases/" + caseId + "/acceptance",
                basic("lishi-hrss-clerk"), """
                        {"requestId": "%s", "actorUser": "someone-else", "actorRole": "ADMIN",
                         "businessTime": "2025-03-03T02:00:00Z"}"""
                        .formatted(UUID.randomUUID()));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode stored = storedEvent(caseId, "BundleCaseAcceptedEvent");
        JsonNode metadata = stored.get("metadata");
        assertThat(metadata.get(ActorMetadata.USER).asText()).isEqualTo("lishi-hrss-clerk");
        assertThat(metadata.get(ActorMetadata.ROLE).asText()).isEqualTo("WINDOW_CLERK");
        assertThat(metadata.get(ActorMetadata.UNIT).asText()).isEqualTo("141102_HRSS");
        assertThat(metadata.get(ActorMetadata.DIVISION).asText()).isEqualTo("141102");
        assertThat(metadata.get(ActorMetadata.HTTP_CORRELATION_ID).asText())
                .isEqualTo(accepted.getHeaders().getFirst("X-Correlation-Id"));
        assertThat(metadata.get(ActorMetadata.CLIENT_ADDRESS).asText()).isNotBlank();
        assertThat(stored.get("payload").get("actingUnit").asText()).isEqualTo("141102_HRSS");
    }

    @Test
    void aBearerTokenFromTheCitysProvider_signsTheUserInWithTheRoleAndScopeOfItsClaims() {
        String token = TestTokens.bearer("oidc-user-17", "WINDOW_CLERK", "141182_HRSS", "141182");

        ResponseEntity<String> inOwnCounty = call(HttpMethod.POST, "/api/bundle-cases", token,
                submission("141182", "2024-13"));
        ResponseEntity<String> elsewhere = call(HttpMethod.POST, "/api/bundle-cases", token,
                submission("141102", "2024-13"));

        assertThat(inOwnCounty.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = json(inOwnCounty.getBody()).get("caseId").asText();
        assertThat(storedEvent(caseId, "BundleCaseSubmittedEvent").get("metadata").get(ActorMetadata.USER).asText())
                .isEqualTo("oidc-user-17");
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTokenWithoutAKnownRole_signsNobodyIn() {
        String token = TestTokens.bearer("oidc-user-18", "MAYOR", null, null);

        assertThat(call(HttpMethod.POST, "/api/bundle-cases", token, submission("141102", "2024-13"))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String authorization) {
        return call(method, path, authorization, method == HttpMethod.GET ? null : "{}");
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String authorization, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // Without sign-in, an explicit empty Authorization keeps the test's default sign-in away.
        headers.set(HttpHeaders.AUTHORIZATION, authorization == null ? "" : authorization);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestAuthentication.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String submission(String division, String bundleCode) {
        return """
                {"requestId": "%s", "bundleCode": "%s",
                 "applicant": {"kind": "PERSON", "name": "孙七", "identifier": "141102198001011234"},
                 "divisionCode": "%s", "channel": "ONLINE_PLATFORM", "businessTime": "2025-03-03T01:00:00Z"}"""
                .formatted(UUID.randomUUID(), bundleCode, division);
    }

    private JsonNode storedEvent(String caseId, String type) {
        return StoredEvents.single(jdbc, caseId, type);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
