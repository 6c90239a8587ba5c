package cn.gov.lvliang.ledger.query.bundle;

import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.DUE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.accepted;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.at;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.happyPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.newCaseId;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.newLeadUnit;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.refused;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.submission;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.withdrawn;
import static cn.gov.lvliang.ledger.query.support.FixedClockConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The bundle-case REST contract over HTTP: the detail, the list with its filters, sorting and paging, and its 400s. */
@QuerySideTest
class BundleCaseApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    BundleCaseProjection projection;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void publishNames() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
    }

    @Test
    void detail_showsTheCaseWithNamesItemsAndRating() {
        String caseId = newCaseId();
        CaseEvents.into(projection).apply(happyPath(caseId));

        ResponseEntity<String> response = http.getForEntity("/api/bundle-cases/" + caseId, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = Json.parse(response.getBody());
        assertThat(view.get("caseId").asText()).isEqualTo(caseId);
        assertThat(view.get("bundleName").asText()).isEqualTo("企业开办");
        assertThat(view.get("leadUnitName").asText()).isEqualTo("市行政审批局");
        assertThat(view.get("divisionName").asText()).isEqualTo("离石区");
        assertThat(view.get("hallName").asText()).isEqualTo("离石区政务服务中心");
        assertThat(view.get("status").asText()).isEqualTo("CONCLUDED");
        assertThat(view.get("atRisk").asBoolean()).isFalse();
        assertThat(view.get("overdue").asBoolean()).isFalse();
        assertThat(view.get("submittedAt").asText()).isEqualTo("2025-03-03T01:30:00Z");
        assertThat(view.get("dueDate").asText()).isEqualTo("2025-03-12");
        assertThat(view.get("applicantIdMasked").asText()).isEqualTo("9114**********DE12");
        assertThat(view.get("items")).hasSize(3);
        assertThat(view.get("items").get(1).get("name").asText()).isEqualTo("公章刻制备案");
        assertThat(view.get("items").get(1).get("status").asText()).isEqualTo("APPROVED");
        assertThat(view.get("items").get(1).get("dueDate").asText()).isEqualTo("2025-03-10");
        assertThat(view.get("materials").get(2).get("disposition").asText()).isEqualTo("WAIVED");
        assertThat(view.get("materials").get(2).get("waiverBasis").asText()).isEqualTo("E_LICENCE");
        assertThat(view.get("visits")).hasSize(2);
        assertThat(view.get("complaints").get(0).get("resolution").asText()).isEqualTo("已向申请人致歉并优化取件流程");
        assertThat(view.get("rating").get("score").asInt()).isEqualTo(5);
        assertThat(view.get("transfers")).isEmpty();
        assertThat(view.get("lastEventSequence").asLong()).isEqualTo(19);
    }

    @Test
    void unknownCase_isAProblemNotFound() {
        ResponseEntity<String> response = http.getForEntity("/api/bundle-cases/no-such-case", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(Json.parse(response.getBody()).get("detail").asText()).isEqualTo("No bundle case no-such-case");
    }

    /**
     * Five cases of one lead unit that no other test uses, so that the shared database's other cases stay out of
     * the answers. Beijing dates of submission: c5 28 Feb, c1 and c2 on 2 Mar (just after midnight and just before
     * the next), c3 on 3 Mar at midnight, c4 on 5 Mar.
     */
    @Nested
    class CaseList {

        final String leadUnit = newLeadUnit();
        final String c1 = newCaseId();
        final String c2 = newCaseId();
        final String c3 = newCaseId();
        final String c4 = newCaseId();
        final String c5 = newCaseId();

        @BeforeEach
        void fiveCases() {
            CaseEvents.into(projection).apply(
                    submission(c1).leadUnit(leadUnit).at("2025-03-01T16:30:00Z").event());
            CaseEvents.into(projection).apply(
                    submission(c2).leadUnit(leadUnit).division("141121").hall("141121-HALL").window(null)
                            .channel(Channel.ONLINE_PLATFORM).at("2025-03-02T15:59:59Z").event(),
                    accepted(c2, DUE, LocalDate.of(2025, 3, 7)));
            CaseEvents.into(projection).apply(
                    submission(c3).leadUnit(leadUnit).bundle("2024-13").channel(Channel.ONLINE_PLATFORM).hall(null)
                            .window(null).at("2025-03-02T16:00:00Z").event(),
                    accepted(c3, LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 4)),
                    new BundleCaseConcludedEvent(c3, "141102_APPROVAL", CaseOutcome.APPROVED, 3, 0,
                            at("2025-03-04T08:00:00Z")));
            CaseEvents.into(projection).apply(
                    submission(c4).leadUnit(leadUnit).bundle("2024-13").division("141121").hall(null).window(null)
                            .channel(Channel.HOTLINE_12345).at("2025-03-05T02:00:00Z").event(),
                    withdrawn(c4));
            CaseEvents.into(projection).apply(
                    submission(c5).leadUnit(leadUnit).at("2025-02-28T02:00:00Z").event(),
                    refused(c5));
        }

        @Test
        void withoutFilters_listsEveryCaseNewestFirst() {
            JsonNode page = page("");

            assertThat(caseIds(page)).containsExactly(c4, c3, c2, c1, c5);
            assertThat(page.get("total").asLong()).isEqualTo(5);
            assertThat(page.get("page").asInt()).isZero();
            assertThat(page.get("size").asInt()).isEqualTo(20);
            JsonNode first = page.get("items").get(0);
            assertThat(first.get("bundleName").asText()).isEqualTo("新生儿出生");
            assertThat(first.get("divisionName").asText()).isEqualTo("文水县");
            assertThat(first.get("status").asText()).isEqualTo("WITHDRAWN");
        }

        @Test
        void filters_combine() {
            assertThat(caseIds(page("&division=141102"))).containsExactly(c3, c1, c5);
            assertThat(caseIds(page("&bundle=2024-13"))).containsExactly(c4, c3);
            assertThat(caseIds(page("&channel=ONLINE_PLATFORM"))).containsExactly(c3, c2);
            assertThat(caseIds(page("&division=141102&bundle=2024-01&channel=WINDOW"))).containsExactly(c1, c5);
        }

        @Test
        void status_canBeRepeatedOrCommaSeparated() {
            assertThat(caseIds(page("&status=ACCEPTED&status=CONCLUDED"))).containsExactly(c3, c2);
            assertThat(caseIds(page("&status=SUBMITTED,WITHDRAWN"))).containsExactly(c4, c1);
            assertThat(caseIds(page("&status=REFUSED"))).containsExactly(c5);
        }

        @Test
        void dateRange_isInclusive_inBeijingTime() {
            assertThat(caseIds(page("&from=2025-03-02&to=2025-03-02"))).containsExactly(c2, c1);
            assertThat(caseIds(page("&from=2025-03-03"))).containsExactly(c4, c3);
            assertThat(caseIds(page("&to=2025-03-01"))).containsExactly(c5);
        }

        @Test
        void atRisk_isDecidedWithTheQuerySidesClock() {
            assertThat(caseIds(page("&atRisk=true"))).containsExactly(c2);
            assertThat(caseIds(page("&atRisk=false"))).containsExactly(c4, c3, c1, c5);
            assertThat(page("&atRisk=true").get("items").get(0).get("atRisk").asBoolean()).isTrue();
        }

        @Test
        void sorting_bySubmissionDueDateOrStatus_eitherWay() {
            assertThat(caseIds(page("&sort=submittedAt&direction=asc"))).containsExactly(c5, c1, c2, c3, c4);
            assertThat(caseIds(page("&sort=dueDate&direction=asc"))).containsExactly(c3, c2, c4, c1, c5);
            assertThat(caseIds(page("&sort=dueDate&direction=desc"))).containsExactly(c2, c3, c4, c1, c5);
            assertThat(caseIds(page("&sort=status&direction=asc"))).containsExactly(c1, c2, c5, c3, c4);
            assertThat(caseIds(page("&sort=status&direction=DESC"))).containsExactly(c4, c3, c5, c2, c1);
        }

        @Test
        void paging_cutsTheSortedListAndCountsTheWhole() {
            JsonNode first = page("&size=2&page=0");
            JsonNode last = page("&size=2&page=2");
            JsonNode beyond = page("&size=2&page=3");

            assertThat(caseIds(first)).containsExactly(c4, c3);
            assertThat(first.get("total").asLong()).isEqualTo(5);
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(caseIds(page("&size=2&page=1"))).containsExactly(c2, c1);
            assertThat(caseIds(last)).containsExactly(c5);
            assertThat(last.get("page").asInt()).isEqualTo(2);
            assertThat(caseIds(beyond)).isEmpty();
            assertThat(beyond.get("total").asLong()).isEqualTo(5);
        }

        private JsonNode page(String filters) {
            ResponseEntity<String> response = http.getForEntity("/api/bundle-cases?leadUnit=" + leadUnit + filters,
                    String.class);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            return Json.parse(response.getBody());
        }
    }

    /** Cases of one lead unit at every stage where being at risk or overdue is decided, with today 14 March. */
    @Nested
    class AtRiskAndOverdue {

        final String leadUnit = newLeadUnit();

        @Test
        void atRisk_meansAcceptedRunningNotOverdue_andTodayOnOrAfterTheAtRiskDate() {
            String sinceYesterday = accepted(TODAY.minusDays(1), null);
            String sinceToday = accepted(TODAY, null);
            accepted(TODAY.plusDays(1), null);
            String overdueCase = accepted(LocalDate.of(2025, 3, 7), BundleCaseTestData::overdue);
            accepted(LocalDate.of(2025, 3, 7), BundleCaseTestData::supplementRequested);
            accepted(LocalDate.of(2025, 3, 7), BundleCaseTestData::concluded);
            CaseEvents.into(projection).apply(submission(newCaseId()).leadUnit(leadUnit).event());

            assertThat(caseIds(page("&atRisk=true&sort=dueDate&direction=asc")))
                    .containsExactly(sinceYesterday, sinceToday);
            assertThat(caseIds(page("&overdue=true"))).containsExactly(overdueCase);
            assertThat(page("&overdue=false").get("total").asLong()).isEqualTo(6);
            assertThat(page("&atRisk=true&overdue=true").get("total").asLong()).isZero();
        }

        /** Accepts a new case whose at-risk date is the given day, then applies a further event to it, if any. */
        private String accepted(LocalDate atRiskFrom, Function<String, BundleCaseEvent> then) {
            String caseId = newCaseId();
            CaseEvents events = CaseEvents.into(projection).apply(
                    submission(caseId).leadUnit(leadUnit).event(),
                    BundleCaseTestData.accepted(caseId, atRiskFrom.plusDays(3), atRiskFrom));
            if (then != null) {
                events.apply(then.apply(caseId));
            }
            return caseId;
        }

        private JsonNode page(String filters) {
            ResponseEntity<String> response = http.getForEntity("/api/bundle-cases?leadUnit=" + leadUnit + filters,
                    String.class);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            return Json.parse(response.getBody());
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "status=PAUSED                      | status",
            "status=ACCEPTED&status=LOST        | status",
            "channel=FAX                        | channel",
            "size=201                           | size",
            "size=0                             | size",
            "page=-1                            | page",
            "page=first                         | page",
            "from=2025-03-05&to=2025-03-01      | from",
            "from=2025-13-01                    | from",
            "to=yesterday                       | to",
            "sort=applicantName                 | sort",
            "direction=sideways                 | direction",
            "overdue=maybe                      | overdue",
            "atRisk=perhaps                     | atRisk"})
    void badParameter_isAProblemNamingIt(String query, String parameter) {
        ResponseEntity<String> response = http.getForEntity("/api/bundle-cases?" + query, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = Json.parse(response.getBody());
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(parameter);
        assertThat(problem.get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).startsWith(parameter + " ");
    }

    @Test
    void unknownStatus_problemSaysWhichStatusesThereAre() {
        JsonNode problem = Json.parse(http.getForEntity("/api/bundle-cases?status=PAUSED", String.class).getBody());

        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("has an invalid value 'PAUSED'; expected one of SUBMITTED, ACCEPTED, REFUSED, CONCLUDED, "
                        + "WITHDRAWN");
    }

    private static List<String> caseIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }
}
