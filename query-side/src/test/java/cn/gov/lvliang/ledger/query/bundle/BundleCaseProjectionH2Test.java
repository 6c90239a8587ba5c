package cn.gov.lvliang.ledger.query.bundle;

import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.DUE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.accepted;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.at;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.happyPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.newCaseId;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.refused;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.refusedPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.submission;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.troubledPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.ErasureBasis;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.events.personaldata.PersonalDataErasedEvent;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemStatus;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemView;
import cn.gov.lvliang.ledger.query.bundle.ListBundleCasesQuery.Direction;
import cn.gov.lvliang.ledger.query.bundle.ListBundleCasesQuery.Sort;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.H2Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every statement of the bundle-case read model on H2 in PostgreSQL mode, the zero-install demo's database: the
 * writes of every event type, the detail with its name joins, and the list with every filter and sort key.
 */
class BundleCaseProjectionH2Test {

    JdbcClient jdbc;
    BundleCaseProjection projection;

    @BeforeEach
    void freshDatabase() {
        jdbc = H2Database.migrated();
        ReferenceTestData.publish(jdbc);
        CatalogTestData.publish(jdbc);
        projection = new BundleCaseProjection(jdbc, Clock.fixed(FixedClockConfiguration.NOW, ZoneOffset.UTC),
                new BundleCaseProjections.NeverErased());
    }

    @Test
    void everyEventType_isProjected_withTheNamesOfItsCodes() {
        String happy = newCaseId();
        String troubled = newCaseId();
        String refusedCase = newCaseId();

        CaseEvents.into(projection).apply(happyPath(happy));
        CaseEvents.into(projection).apply(troubledPath(troubled));
        CaseEvents.into(projection).apply(refusedPath(refusedCase));

        BundleCaseView concluded = find(happy);
        assertThat(concluded.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(concluded.bundleName()).isEqualTo("企业开办");
        assertThat(concluded.leadUnitName()).isEqualTo("市行政审批局");
        assertThat(concluded.divisionName()).isEqualTo("离石区");
        assertThat(concluded.windowName()).isEqualTo("高效办成一件事专窗");
        assertThat(concluded.items()).extracting(ItemView::status).containsOnly(ItemStatus.APPROVED);
        assertThat(concluded.materials()).hasSize(4);
        assertThat(concluded.visits()).hasSize(2);
        assertThat(concluded.supplements().get(0).materialsSupplied()).containsExactly("公司章程（全体股东签字）");
        assertThat(concluded.rating().reasons()).containsExactly("办事效率高", "服务态度好");
        assertThat(concluded.complaints().get(0).resolvedAt()).isEqualTo(at("2025-03-11T02:00:00Z"));

        BundleCaseView withdrawnCase = find(troubled);
        assertThat(withdrawnCase.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(withdrawnCase.overdue()).isTrue();
        assertThat(withdrawnCase.hallName()).isEqualTo("吕梁市政务服务中心");
        assertThat(withdrawnCase.transferredCityWide()).isTrue();
        assertThat(withdrawnCase.items()).extracting(ItemView::status)
                .containsExactly(ItemStatus.APPROVED, ItemStatus.REJECTED, ItemStatus.PENDING);
        assertThat(withdrawnCase.items().get(1).overdue()).isTrue();

        assertThat(find(refusedCase).status()).isEqualTo(CaseStatus.REFUSED);
    }

    @Test
    void anErasure_marksTheSubjectsCasesAsErased_andLeavesOthersAlone() {
        String erasedCase = newCaseId();
        String otherCase = newCaseId();
        CaseEvents.into(projection).apply(submission(erasedCase).bundle("2024-13").event());
        CaseEvents.into(projection).apply(submission(otherCase).event());

        Feed.into(projection).event(new PersonalDataErasedEvent("subject-141102199001011234",
                DataSubjectKind.APPLICANT, 1, ErasureBasis.CONSENT_WITHDRAWN, "个保删〔2025〕1号",
                at("2025-03-20T01:00:00Z")), at("2030-01-01T00:00:00Z"));

        BundleCaseView erased = find(erasedCase);
        assertThat(List.of(erased.applicantName(), erased.applicantIdMasked(), erased.applicantPhoneMasked()))
                .containsOnly(PersonalData.ERASED);
        assertThat(erased.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(find(otherCase).applicantName()).isEqualTo("吕梁示范商贸有限公司");
    }

    @Test
    void redeliveryOfEveryEvent_changesNothing() {
        String caseId = newCaseId();
        CaseEvents events = CaseEvents.into(projection).apply(happyPath(caseId));
        BundleCaseView before = find(caseId);

        events.redeliverAll();

        assertThat(find(caseId)).isEqualTo(before);
    }

    @Test
    void caseList_filtersSortsAndPages() {
        String c1 = newCaseId();
        String c2 = newCaseId();
        String c3 = newCaseId();
        String c4 = newCaseId();
        String c5 = newCaseId();
        CaseEvents.into(projection).apply(submission(c1).at("2025-03-01T16:30:00Z").event());
        CaseEvents.into(projection).apply(
                submission(c2).division("141121").channel(Channel.ONLINE_PLATFORM).at("2025-03-02T15:59:59Z")
                        .event(),
                accepted(c2, DUE, LocalDate.of(2025, 3, 7)));
        CaseEvents.into(projection).apply(
                submission(c3).bundle("2024-13").channel(Channel.ONLINE_PLATFORM).at("2025-03-02T16:00:00Z").event(),
                accepted(c3, LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 4)),
                new BundleCaseConcludedEvent(c3, "141102_APPROVAL", CaseOutcome.APPROVED, 3, 0,
                        at("2025-03-04T08:00:00Z")));
        CaseEvents.into(projection).apply(
                submission(c4).bundle("2024-13").division("141121").channel(Channel.HOTLINE_12345)
                        .at("2025-03-05T02:00:00Z").event(),
                withdrawn(c4));
        CaseEvents.into(projection).apply(submission(c5).at("2025-02-28T02:00:00Z").event(), refused(c5));

        assertThat(ids(query -> { })).containsExactly(c4, c3, c2, c1, c5);
        assertThat(ids(query -> query.division = "141102")).containsExactly(c3, c1, c5);
        assertThat(ids(query -> query.bundle = "2024-13")).containsExactly(c4, c3);
        assertThat(ids(query -> query.leadUnit = "CITY_APPROVAL")).hasSize(5);
        assertThat(ids(query -> query.statuses = EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.CONCLUDED)))
                .containsExactly(c3, c2);
        assertThat(ids(query -> query.channel = Channel.ONLINE_PLATFORM)).containsExactly(c3, c2);
        assertThat(ids(query -> query.overdue = false)).hasSize(5);
        assertThat(ids(query -> query.overdue = true)).isEmpty();
        assertThat(ids(query -> query.atRisk = true)).containsExactly(c2);
        assertThat(ids(query -> query.atRisk = false)).containsExactly(c4, c3, c1, c5);
        assertThat(ids(query -> {
            query.from = LocalDate.of(2025, 3, 2);
            query.to = LocalDate.of(2025, 3, 2);
        })).containsExactly(c2, c1);
        assertThat(ids(query -> {
            query.sort = Sort.SUBMITTED_AT;
            query.direction = Direction.ASC;
        })).containsExactly(c5, c1, c2, c3, c4);
        assertThat(ids(query -> {
            query.sort = Sort.DUE_DATE;
            query.direction = Direction.ASC;
        })).containsExactly(c3, c2, c4, c1, c5);
        assertThat(ids(query -> query.sort = Sort.DUE_DATE)).containsExactly(c2, c3, c4, c1, c5);
        assertThat(ids(query -> {
            query.sort = Sort.STATUS;
            query.direction = Direction.ASC;
        })).containsExactly(c1, c2, c5, c3, c4);
        BundleCasePage lastPage = list(query -> {
            query.size = 2;
            query.page = 2;
        });
        assertThat(lastPage.items()).extracting(BundleCaseSummary::caseId).containsExactly(c5);
        assertThat(lastPage.total()).isEqualTo(5);
    }

    @Test
    void reset_clearsEveryTable() {
        CaseEvents.into(projection).apply(happyPath(newCaseId()));
        CaseEvents.into(projection).apply(troubledPath(newCaseId()));

        Feed.into(projection).reset();

        for (String table : List.of("bundle_case", "bundle_case_item", "bundle_case_material", "bundle_case_visit",
                "bundle_case_complaint", "bundle_case_assistance", "bundle_case_transfer",
                "bundle_case_supplement")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    private BundleCaseView find(String caseId) {
        return projection.handle(new FindBundleCaseQuery(caseId)).orElseThrow();
    }

    private List<String> ids(Consumer<Query> filters) {
        return list(filters).items().stream().map(BundleCaseSummary::caseId).toList();
    }

    private BundleCasePage list(Consumer<Query> filters) {
        Query query = new Query();
        filters.accept(query);
        return projection.handle(new ListBundleCasesQuery(query.division, query.bundle, query.leadUnit,
                query.statuses, query.channel, query.overdue, query.atRisk, query.from, query.to, query.sort,
                query.direction, query.page, query.size, null));
    }

    /** The list query's parameters, set one at a time. */
    private static final class Query {
        String division;
        String bundle;
        String leadUnit;
        Set<CaseStatus> statuses = Set.of();
        Channel channel;
        Boolean overdue;
        Boolean atRisk;
        LocalDate from;
        LocalDate to;
        Sort sort = Sort.SUBMITTED_AT;
        Direction direction = Direction.DESC;
        int page;
        int size = 20;
    }
}
