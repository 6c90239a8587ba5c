package cn.gov.lvliang.ledger.query.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import cn.gov.lvliang.ledger.query.support.TestAuthentication;
import cn.gov.lvliang.ledger.security.LedgerRole;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may read what on the query side, over real HTTP: every read endpoint for every role and without sign-in,
 * lists limited to one's county with data in two counties, cases of another county refused, and auditors' reads
 * logged in an append-only table.
 */
@QuerySideTest
class QueryAccessControlTest {

    private static final Map<LedgerRole, String> ACCOUNTS = Map.of(
            LedgerRole.ADMIN, "admin", LedgerRole.AUDITOR, "auditor", LedgerRole.INSPECTOR, "inspector",
            LedgerRole.SUPERVISOR, "supervisor", LedgerRole.WINDOW_CLERK, "city-clerk",
            LedgerRole.UNIT_OFFICER, "city-tax-officer", LedgerRole.CAMPAIGN_OFFICER, "campaign-officer",
            LedgerRole.IMPORTER, "importer");
    private static final Instant RECORDED = Instant.parse("2025-03-03T01:30:05Z");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BundleCaseProjection projection;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The roles that may read an endpoint: the access rules of the issue, written out independently here. */
    private static Set<LedgerRole> allowedRoles(String path) {
        if (path.startsWith("/api/admin")) {
            return EnumSet.of(LedgerRole.ADMIN);
        }
        if (path.matches("/api/bundle-cases/[^/]+/personal-data")) {
            return EnumSet.of(LedgerRole.WINDOW_CLERK, LedgerRole.UNIT_OFFICER, LedgerRole.AUDITOR);
        }
        if (path.matches("/api/fundraising/clues/[^/]+/reporter")) {
            return EnumSet.of(LedgerRole.CAMPAIGN_OFFICER, LedgerRole.AUDITOR);
        }
        if (path.matches("/api/cases/[^/]+/(audit-trail.*|state|diff|history)")) {
            return EnumSet.of(LedgerRole.AUDITOR, LedgerRole.SUPERVISOR, LedgerRole.INSPECTOR, LedgerRole.ADMIN);
        }
        if (path.startsWith("/api/scoring")) {
            // Every signed-in role reads scores, a county-scoped one for its own county only: the assessed counties
            // and units read their own scores and cards to appeal them.
            return EnumSet.allOf(LedgerRole.class);
        }
        if (path.startsWith("/api/")) {
            return EnumSet.allOf(LedgerRole.class);
        }
        return fail("No access rule written down for " + path);
    }

    @Test
    void everyReadEndpoint_answersEachRoleAsTheRulesSay_andNobodyWithoutSignIn() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getKey().getMethodsCondition().getMethods().stream().allMatch(m -> m.name().equals("GET"))) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                assertThat(get(path, "").getStatusCode()).as("anonymous " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
                Set<LedgerRole> allowed = allowedRoles(path);
                for (LedgerRole role : LedgerRole.values()) {
                    HttpStatus status = HttpStatus.valueOf(get(path, basic(ACCOUNTS.get(role))).getStatusCode().value());
                    if (allowed.contains(role)) {
                        assertThat(status).as(role + " " + path).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
                    } else {
                        assertThat(status).as(role + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                    }
                }
                checked.add(pattern);
            }
        }
        assertThat(checked).hasSizeGreaterThan(15).contains("/api/bundle-cases", "/api/cases/{caseId}/audit-trail",
                "/api/bundle-cases/{caseId}/personal-data", "/api/fundraising/clues/{clueId}/reporter",
                "/api/scoring/rubrics");
    }

    @Test
    void aPageWithoutSignIn_sendsTheBrowserToTheSignInForm() {
        ResponseEntity<String> page = get("/", "");

        // The test client follows the redirect: what it gets is the sign-in form, not the dashboard.
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("id=\"sign-in\"", "用户名", "密码").doesNotContain("案件总数");
    }

    @Test
    void aCountySupervisor_seesOnlyTheirCountysCases_inListsAndDetails() {
        String leadUnit = BundleCaseTestData.newLeadUnit();
        String lishiCase = BundleCaseTestData.newCaseId();
        String fenyangCase = BundleCaseTestData.newCaseId();
        Feed feed = Feed.into(projection);
        feed.domainEvent("BundleCase", lishiCase, 0, BundleCaseTestData.submission(lishiCase)
                .division("141102").leadUnit(leadUnit).event(), RECORDED);
        feed.domainEvent("BundleCase", fenyangCase, 0, BundleCaseTestData.submission(fenyangCase)
                .division("141182").leadUnit(leadUnit).event(), RECORDED);

        JsonNode cityWide = Json.parse(get("/api/bundle-cases?leadUnit=" + leadUnit, basic("supervisor")).getBody());
        JsonNode lishiOnly = Json.parse(get("/api/bundle-cases?leadUnit=" + leadUnit, basic("lishi-supervisor"))
                .getBody());

        assertThat(cityWide.get("total").asInt()).isEqualTo(2);
        assertThat(lishiOnly.get("total").asInt()).isEqualTo(1);
        assertThat(lishiOnly.get("items").get(0).get("caseId").asText()).isEqualTo(lishiCase);
        assertThat(get("/api/bundle-cases?division=141182", basic("lishi-supervisor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/bundle-cases/" + fenyangCase, basic("lishi-supervisor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/bundle-cases/" + lishiCase, basic("lishi-supervisor")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/cases/" + fenyangCase, basic("lishi-supervisor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCasesPastPage_isForThoseWhoReadAuditTrails_andACountysOwnCasesOnly() {
        String lishiCase = BundleCaseTestData.newCaseId();
        String fenyangCase = BundleCaseTestData.newCaseId();
        Feed feed = Feed.into(projection);
        feed.domainEvent("BundleCase", lishiCase, 0, BundleCaseTestData.submission(lishiCase).division("141102")
                .event(), RECORDED);
        feed.domainEvent("BundleCase", fenyangCase, 0, BundleCaseTestData.submission(fenyangCase).division("141182")
                .event(), RECORDED);
        String past = "/as-of?at=2025-03-03T09:30";

        Set<LedgerRole> allowed = allowedRoles("/api/cases/1/state");
        for (LedgerRole role : LedgerRole.values()) {
            HttpStatus status = HttpStatus.valueOf(get("/cases/" + lishiCase + past, basic(ACCOUNTS.get(role)))
                    .getStatusCode().value());
            if (allowed.contains(role)) {
                assertThat(status).as(role.name()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
            } else {
                assertThat(status).as(role.name()).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(get("/cases/" + fenyangCase + past, basic("lishi-supervisor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAuditorsReadOfAnAuditTrail_isLogged_andTheLogCannotBeChanged() {
        long before = logRows("auditor");

        get("/api/cases/" + BundleCaseTestData.newCaseId() + "/audit-trail", basic("auditor"));
        get("/cases/" + BundleCaseTestData.newCaseId() + "/as-of?at=2025-03-03T09:30", basic("auditor"));
        get("/api/bundle-cases", basic("auditor"));

        assertThat(logRows("auditor")).as("the trail and the case's past, not the list").isEqualTo(before + 2);
        assertThatThrownBy(() -> jdbc.sql("UPDATE read_access_log SET user_id = 'nobody'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM read_access_log").update())
                .hasMessageContaining("append-only");
    }

    private long logRows(String user) {
        return jdbc.sql("SELECT count(*) FROM read_access_log WHERE user_id = :user").param("user", user)
                .query(Long.class).single();
    }

    private ResponseEntity<String> get(String path, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        // An explicit empty Authorization keeps the test's default sign-in away.
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestAuthentication.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
