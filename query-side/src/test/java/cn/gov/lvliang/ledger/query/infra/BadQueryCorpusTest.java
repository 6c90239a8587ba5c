package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * A corpus of malformed and hostile parameters and ids against every read endpoint of the query side (the JSON API,
 * the exports and the pages), over real HTTP against PostgreSQL: wrong types, out-of-range pages, dates and
 * instants, unknown enum values, SQL- and script-looking text, odd Unicode, huge values. None is answered with a
 * 5xx; every refusal of the API is problem+json; the event store is never written.
 */
@QuerySideTest
class BadQueryCorpusTest {

    /** Parameters each endpoint may or may not take; one it does not take is ignored. */
    private static final List<Map<String, String>> HOSTILE_PARAMETERS = List.of(
            Map.of("page", "-1"),
            Map.of("page", "abc"),
            Map.of("page", "99999999999"),
            Map.of("page", "2147483647", "size", "200"),
            Map.of("page", "1e3"),
            Map.of("size", "0"),
            Map.of("size", "-5"),
            Map.of("size", "1000000"),
            Map.of("limit", "2147483647"),
            Map.of("from", "2024-02-30"),
            Map.of("from", "+999999999-12-31"),
            Map.of("to", "-999999999-01-01"),
            Map.of("from", "2025-03-01", "to", "2024-01-01"),
            Map.of("from", "2025-03-03T25:00:00Z"),
            Map.of("from", "+999999999-12-31T23:59:59Z", "to", "+999999999-12-31T23:59:59Z"),
            Map.of("asOf", "+999999999-12-31"),
            Map.of("asOf", "-999999999-01-01T00:00:00Z"),
            Map.of("asOf", "+999999999-12-31T23:59:59Z"),
            Map.of("asOf", "yesterday"),
            Map.of("axis", "sideways"),
            Map.of("format", "exe"),
            Map.of("type", "Bad-Type!"),
            Map.of("type", "ItemApprovedEvent' OR '1'='1"),
            Map.of("status", "NOPE"),
            Map.of("status", ""),
            Map.of("channel", "CARRIER_PIGEON"),
            Map.of("level", "GALACTIC", "outcome", "MAYBE"),
            Map.of("keyArea", "CASINO", "measureKind", "EXILE", "source", "RUMOUR"),
            Map.of("legacy", "maybe", "overdue", "perhaps", "atRisk", "2", "transferred", "x", "escalated", "y"),
            Map.of("division", "' OR '1'='1' --"),
            Map.of("division", "<script>alert(1)</script>"),
            Map.of("division", "x".repeat(5_000)),
            Map.of("q", "%' OR '1'='1"),
            Map.of("q", "%_\\"),
            Map.of("q", "x".repeat(101)),
            Map.of("q", "\u0000"),
            Map.of("user", "admin'--", "unit", "\u0000"),
            Map.of("bundle", "2024-01'; DROP TABLE bundle_case; --", "leadUnit", "\u202e😀"),
            Map.of("sort", "password"),
            Map.of("sort", "submittedAt; DROP TABLE bundle_case"),
            Map.of("direction", "sideways"),
            Map.of("lang", "xx-\u0000"));

    /**
     * The pages and exports render whole dashboards per request, so they get the parameters most likely to break
     * them rather than the whole list: days and pages out of range, a long division, a NUL, a bad status and sort.
     */
    private static final List<Map<String, String>> PAGE_PARAMETERS = List.of(
            Map.of("from", "+999999999-12-31"),
            Map.of("to", "-999999999-01-01"),
            Map.of("from", "2025-03-01", "to", "2024-01-01"),
            Map.of("page", "2147483647", "size", "200"),
            Map.of("size", "1000000"),
            Map.of("division", "x".repeat(5_000)),
            Map.of("q", "\u0000"),
            Map.of("status", "NOPE"),
            Map.of("sort", "password"),
            Map.of("lang", "xx-\u0000"));

    /** Query strings that are not UTF-8 once decoded: a surrogate's bytes, a broken sequence, a byte-order mark. */
    private static final List<String> BROKEN_QUERIES = List.of("?q=%ED%A0%80", "?q=%C3%28", "?division=%FF%FE");

    /** Ids for every path variable: unknown, SQL- and script-looking, odd Unicode, long. */
    private static final List<String> HOSTILE_IDS = List.of("no-such-case", "' OR '1'='1", "<img src=x onerror=1>",
            "\u202e😀", "x".repeat(2_000), "..");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyReadEndpoint_answersHostileInputWithoutA5xx_andTheApiAnswersProblems() {
        List<String> endpoints = readEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(30)
                .contains("/api/bundle-cases", "/api/cases/{caseId}/audit-trail", "/api/cases/{caseId}/state", "/");
        Set<String> requests = new LinkedHashSet<>();
        for (String pattern : endpoints) {
            HOSTILE_IDS.forEach(id -> requests.add(path(pattern, id)));
            String path = path(pattern, HOSTILE_IDS.get(0));
            (pattern.startsWith("/api/") ? HOSTILE_PARAMETERS : PAGE_PARAMETERS)
                    .forEach(parameters -> requests.add(path + query(parameters)));
            BROKEN_QUERIES.forEach(broken -> requests.add(path + broken));
        }
        long events = eventCount();
        SoftAssertions softly = new SoftAssertions();
        requests.forEach(request -> check(softly, request));
        // Tomcat refuses an encoded NUL in the path itself, before the application and its problem+json answers.
        for (String pattern : List.of("/api/bundle-cases/{caseId}", "/api/cases/{caseId}/audit-trail")) {
            softly.assertThat(get(path(pattern, "\u0000")).getStatusCode().value()).as(pattern + " with %00")
                    .isEqualTo(400);
        }
        softly.assertThat(eventCount()).as("reads never write the event store").isEqualTo(events);
        softly.assertAll();
    }

    @Test
    void hostileParameters_areRefusedNamingTheParameter() {
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("/api/bundle-cases?from=%2B999999999-12-31", "from"),
                Map.entry("/api/bundle-cases?status=NOPE", "status"),
                Map.entry("/api/bundle-cases?sort=password", "sort"),
                Map.entry("/api/fundraising/clues?q=" + encode("x".repeat(101)), "q"),
                Map.entry("/api/fundraising/funnel?from=%2B999999999-01-01&to=%2B999999999-12-31", "from"),
                Map.entry("/api/fundraising/recovery?asOf=0001-01-01", "asOf"),
                Map.entry("/api/cases/no-such-case/state?asOf=yesterday", "asOf"),
                Map.entry("/api/cases/no-such-case/audit-trail?type=Bad-Type!", "type"));
        SoftAssertions softly = new SoftAssertions();
        refusals.forEach((path, field) -> {
            ResponseEntity<String> response = get(path);
            softly.assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(400);
            if (response.getStatusCode().value() == 400) {
                softly.assertThat(Json.parse(response.getBody()).path("errors").findValuesAsText("field"))
                        .as(path).contains(field);
            }
        });
        softly.assertAll();
    }

    private void check(SoftAssertions softly, String path) {
        ResponseEntity<String> response = get(path);
        int status = response.getStatusCode().value();
        String what = "GET " + shorten(path) + " -> " + status + " " + shorten(response.getBody());
        softly.assertThat(status).as(what).isLessThan(500);
        MediaType contentType = response.getHeaders().getContentType();
        if (status >= 400 && (path.startsWith("/api/") || contentType != null
                && contentType.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            boolean problem = contentType != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType);
            softly.assertThat(problem).as(what + " answers problem+json, not " + contentType).isTrue();
            if (problem) {
                softly.assertThat(Json.parse(response.getBody()).path("status").asInt()).as(what).isEqualTo(status);
            }
        }
    }

    private ResponseEntity<String> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        if (path.startsWith("/api/")) {
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        }
        return http.exchange(URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    /** Every GET endpoint of the application except the API documentation and static resources. */
    private List<String> readEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            if (mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                mapping.getPatternValues().stream()
                        .filter(p -> !p.startsWith("/v3/api-docs") && !p.startsWith("/swagger") && !p.equals("/error"))
                        .forEach(endpoints::add);
            }
        }
        return List.copyOf(endpoints);
    }

    private static String path(String pattern, String id) {
        return pattern.replaceAll("\\{[^}]+}", encode(id));
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + UriUtils.encodeQueryParam(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + ")";
    }
}
