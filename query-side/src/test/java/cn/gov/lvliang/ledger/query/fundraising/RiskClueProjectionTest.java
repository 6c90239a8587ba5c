package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.WENSHUI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.anonymous;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.duplicate;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.named;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.overdue;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.rewarded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.taken;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds every kind of clue event to the risk-clue ledger on PostgreSQL (a fresh schema per test, so that counts are
 * exact), then asks its query handlers.
 */
class RiskClueProjectionTest {

    FundraisingDatabase database;
    RiskClueProjection projection;
    FundraisingEvents events;

    @BeforeEach
    void freshSchema() {
        database = FundraisingDatabase.postgres();
        projection = new RiskClueProjection(database.jdbc());
        events = FundraisingEvents.into(projection, new Object());
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void aReportedClue_isRecordedAssignedVerifiedRewardedAndTakenIntoACase() {
        String clueId = newId();
        String caseId = newId();
        events.apply(recorded(clueId, LISHI, ClueSource.PUBLIC_REPORT, KeyArea.ELDERLY_CARE, "吕梁康养服务有限公司",
                240_000_050L, anonymous(), beijing("2025-03-03T09:00")));
        assertThat(find(clueId).status()).isEqualTo(ClueStatus.RECORDED);

        events.apply(assigned(clueId, LISHI, LocalDate.of(2025, 3, 24), beijing("2025-03-03T10:00")));
        assertThat(find(clueId).status()).isEqualTo(ClueStatus.VERIFYING);

        events.apply(verified(clueId, LISHI, VerificationOutcome.RISK_CONFIRMED, beijing("2025-03-10T10:00")));
        assertThat(find(clueId).status()).isEqualTo(ClueStatus.AWAITING_CASE);

        events.apply(taken(clueId, caseId, LISHI, beijing("2025-03-12T10:00")));
        events.apply(rewarded(clueId, LISHI, 200_000L, beijing("2025-03-13T10:00")));

        RiskClueView view = find(clueId);
        assertThat(view.status()).isEqualTo(ClueStatus.IN_CASE);
        assertThat(view.recordingUnit()).isEqualTo("141102_GOV_OFFICE");
        assertThat(view.source()).isEqualTo(ClueSource.PUBLIC_REPORT);
        assertThat(view.divisionCode()).isEqualTo(LISHI);
        assertThat(view.divisionName()).isEqualTo("离石区");
        assertThat(view.keyArea()).isEqualTo(KeyArea.ELDERLY_CARE);
        assertThat(view.subjectKind()).isEqualTo(SubjectKind.ENTERPRISE);
        assertThat(view.subjectName()).isEqualTo("吕梁康养服务有限公司");
        assertThat(view.estimatedAmountFen()).isEqualTo(240_000_050L);
        assertThat(view.estimatedAmountYuan()).isEqualTo(new BigDecimal("2400000.50"));
        assertThat(view.reported()).isTrue();
        assertThat(view.reporterAnonymous()).isTrue();
        assertThat(view.recordedAt()).isEqualTo(beijing("2025-03-03T09:00"));
        assertThat(view.assignedUnit()).isEqualTo("141102_MARKET_REGULATION");
        assertThat(view.assignments()).isEqualTo(1);
        assertThat(view.verificationWorkingDays()).isEqualTo(15);
        assertThat(view.verificationDueDate()).isEqualTo(LocalDate.of(2025, 3, 24));
        assertThat(view.overdue()).isFalse();
        assertThat(view.verifiedAt()).isEqualTo(beijing("2025-03-10T10:00"));
        assertThat(view.verifiedBy()).isEqualTo("141102_MARKET_REGULATION");
        assertThat(view.outcome()).isEqualTo(VerificationOutcome.RISK_CONFIRMED);
        assertThat(view.verificationNotes()).isEqualTo("实地走访，调取合同及收款记录");
        assertThat(view.caseId()).isEqualTo(caseId);
        assertThat(view.takenIntoCaseAt()).isEqualTo(beijing("2025-03-12T10:00"));
        assertThat(view.endedAt()).isEqualTo(beijing("2025-03-12T10:00"));
        assertThat(view.rewarded()).isTrue();
        assertThat(view.rewardYuan()).isEqualTo(new BigDecimal("2000.00"));
        assertThat(view.rewardedAt()).isEqualTo(beijing("2025-03-13T10:00"));
        assertThat(view.lastEventSequence()).isEqualTo(4);
        assertThat(view.firstRecordedAt()).isEqualTo(beijing("2025-03-03T09:01"));
        assertThat(view.lastRecordedAt()).isEqualTo(beijing("2025-03-13T10:01"));
    }

    @Test
    void anOverdueVerification_staysOnRecord_whenTheClueIsFoundWithoutRisk() {
        String clueId = newId();
        events.apply(recorded(clueId, LISHI, ClueSource.ONLINE_MONITORING, KeyArea.VIRTUAL_CURRENCY, "某数字科技有限公司",
                null, null, beijing("2025-01-05T10:00")));
        events.apply(assigned(clueId, LISHI, LocalDate.of(2025, 1, 27), beijing("2025-01-06T10:00")));
        events.apply(overdue(clueId, LISHI, LocalDate.of(2025, 1, 27)));

        RiskClueView late = find(clueId);
        assertThat(late.overdue()).isTrue();
        assertThat(late.overdueAt()).as("the end of the due date in Beijing").isEqualTo(beijing("2025-01-28T00:00"));
        assertThat(late.status()).isEqualTo(ClueStatus.VERIFYING);

        events.apply(assigned(clueId, LISHI, LocalDate.of(2025, 2, 20), beijing("2025-01-30T10:00")));
        events.apply(verified(clueId, LISHI, VerificationOutcome.NO_RISK, beijing("2025-02-03T10:00")));

        RiskClueView view = find(clueId);
        assertThat(view.status()).isEqualTo(ClueStatus.NO_RISK);
        assertThat(view.overdue()).isTrue();
        assertThat(view.assignments()).isEqualTo(2);
        assertThat(view.verificationDueDate()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertThat(view.endedAt()).isEqualTo(beijing("2025-02-03T10:00"));
        assertThat(view.reported()).isFalse();
        assertThat(view.reporterAnonymous()).isNull();
        assertThat(view.estimatedAmountYuan()).isNull();
    }

    @Test
    void aDuplicate_endsTheClue_namingTheClueItRepeats() {
        String first = newId();
        String repeat = newId();
        events.apply(recorded(first, LISHI, ClueSource.PUBLIC_REPORT, KeyArea.OTHER, "某公司", null, named(),
                beijing("2025-02-14T10:00")));
        events.apply(recorded(repeat, LISHI, ClueSource.PETITION, KeyArea.OTHER, "某公司", null, named(),
                beijing("2025-02-15T10:00")));
        events.apply(duplicate(repeat, first, LISHI, beijing("2025-02-16T10:00")));

        RiskClueView view = find(repeat);
        assertThat(view.status()).isEqualTo(ClueStatus.DUPLICATE);
        assertThat(view.duplicateOf()).isEqualTo(first);
        assertThat(view.duplicateNote()).isEqualTo("同一主体重复举报");
        assertThat(view.markedDuplicateAt()).isEqualTo(beijing("2025-02-16T10:00"));
        assertThat(view.endedAt()).isEqualTo(beijing("2025-02-16T10:00"));
        assertThat(view.reporterAnonymous()).isFalse();
    }

    @Test
    void redeliveryOfEveryEvent_changesNothing() {
        FundraisingScenario scenario = new FundraisingScenario();
        events.apply(scenario.clues());
        List<RiskClueView> before = all();

        events.redeliverAll();

        assertThat(all()).isEqualTo(before);
        assertThat(before).hasSize(9);
    }

    @Test
    void anEventForAClueNeverRecorded_writesNothing() {
        events.apply(verified(newId(), LISHI, VerificationOutcome.NO_RISK, beijing("2025-02-03T10:00")));

        assertThat(database.count("fundraising_clue")).isZero();
    }

    @Test
    void reset_clearsTheLedger() {
        events.apply(new FundraisingScenario().clues());

        Feed.into(projection).reset();

        assertThat(database.count("fundraising_clue")).isZero();
    }

    @Test
    void theLedger_isFilteredSortedAndPaged() {
        FundraisingScenario scenario = new FundraisingScenario();
        events.apply(scenario.clues());

        RiskCluePage lishi = list(new Filter().division(LISHI), ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.ASC,
                0, 4);
        assertThat(lishi.total()).isEqualTo(6);
        assertThat(lishi.items()).extracting(RiskClueView::clueId)
                .containsExactly(scenario.l1, scenario.l2, scenario.l3, scenario.l6);
        assertThat(list(new Filter().division(LISHI), ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.ASC, 1, 4)
                .items()).extracting(RiskClueView::clueId).containsExactly(scenario.l4, scenario.l5);
        RiskCluePage counted = list(new Filter().division(LISHI), ListRiskCluesQuery.Sort.RECORDED_AT,
                SortDirection.ASC, 0, 0);
        assertThat(counted.total()).as("a page of size 0: the total alone").isEqualTo(6);
        assertThat(counted.items()).isEmpty();

        assertThat(ids(new Filter().sources(ClueSource.PUBLIC_REPORT, ClueSource.GRID_WORKER)))
                .containsExactlyInAnyOrder(scenario.l1, scenario.l4, scenario.w2, scenario.w3);
        assertThat(ids(new Filter().keyAreas(KeyArea.ELDERLY_CARE)))
                .containsExactlyInAnyOrder(scenario.l1, scenario.l6);
        assertThat(ids(new Filter().outcomes(VerificationOutcome.RISK_CONFIRMED)))
                .containsExactlyInAnyOrder(scenario.l1, scenario.w1, scenario.w2);
        assertThat(ids(new Filter().statuses(ClueStatus.VERIFYING, ClueStatus.RECORDED)))
                .containsExactlyInAnyOrder(scenario.l4, scenario.l5, scenario.w3);
        assertThat(ids(new Filter().overdue(true))).containsExactlyInAnyOrder(scenario.l2, scenario.l4);
        assertThat(ids(new Filter().overdue(false))).hasSize(7);
        // The first quarter in Beijing: L1 at 00:30 on 1 January and W3 at 23:59 on 31 March are in, L5 is not.
        assertThat(ids(new Filter().period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))))
                .containsExactlyInAnyOrder(scenario.l1, scenario.l2, scenario.l3, scenario.l4, scenario.l6,
                        scenario.w2, scenario.w3);
        assertThat(ids(new Filter().text("康养"))).containsExactlyInAnyOrder(scenario.l1, scenario.l6);
        assertThat(ids(new Filter().text("100%_"))).as("wildcards are taken literally").isEmpty();

        assertThat(list(new Filter(), ListRiskCluesQuery.Sort.ESTIMATED_AMOUNT, SortDirection.DESC, 0, 3).items())
                .extracting(RiskClueView::clueId).containsExactly(scenario.w1, scenario.l1, scenario.l3);
        assertThat(list(new Filter(), ListRiskCluesQuery.Sort.DUE_DATE, SortDirection.ASC, 0, 2).items())
                .extracting(RiskClueView::clueId).containsExactly(scenario.w1, scenario.l1);
        assertThat(list(new Filter(), ListRiskCluesQuery.Sort.STATUS, SortDirection.ASC, 0, 9).items())
                .extracting(RiskClueView::status).isSorted();
        assertThat(list(new Filter(), ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.DESC, 0, 1).items())
                .extracting(RiskClueView::clueId).containsExactly(scenario.l5);
    }

    /** The board reads its clue counts grouped, once; each must be what the list counts for the same filters. */
    @Test
    void theGroupedCounts_areTheListsTotals_forEveryCutOfTheBoard() {
        FundraisingScenario scenario = new FundraisingScenario();
        events.apply(scenario.clues());

        List<Filter> periods = List.of(new Filter(), new Filter().division(LISHI),
                new Filter().period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)),
                new Filter().division(LISHI).period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)));
        long compared = 0;
        long counted = 0;
        for (Filter period : periods) {
            RiskClueCounts counts = projection.handle(new CountRiskCluesQuery(period.division, period.from,
                    period.to));
            List<Filter> cuts = new ArrayList<>(List.of(new Filter(), new Filter().overdue(true),
                    new Filter().overdue(false), new Filter().statuses(ClueStatus.RECORDED, ClueStatus.VERIFYING)));
            for (ClueStatus status : ClueStatus.values()) {
                cuts.add(new Filter().statuses(status));
            }
            for (ClueSource source : ClueSource.values()) {
                cuts.add(new Filter().sources(source));
            }
            for (KeyArea area : KeyArea.values()) {
                cuts.add(new Filter().keyAreas(area));
            }
            for (Filter cut : cuts) {
                for (String division : new String[] {period.division, LISHI, WENSHUI}) {
                    if (period.division != null && !period.division.equals(division)) {
                        continue;
                    }
                    cut.division(division).period(period.from, period.to);
                    long total = list(cut, ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.ASC, 0, 0).total();
                    assertThat(counts.count(division, cut.sources, cut.keyAreas, cut.statuses, cut.overdue))
                            .as("%s %s %s %s %s in %s..%s", division, cut.sources, cut.keyAreas, cut.statuses,
                                    cut.overdue, period.from, period.to)
                            .isEqualTo(total);
                    compared++;
                    counted += total;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(counted).as("the cuts select clues, not nothing alone").isGreaterThan(50);
    }

    private RiskClueView find(String clueId) {
        return projection.handle(new FindRiskClueQuery(clueId)).orElseThrow();
    }

    private List<RiskClueView> all() {
        return list(new Filter(), ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.ASC, 0, 200).items();
    }

    private List<String> ids(Filter filter) {
        return list(filter, ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.ASC, 0, 200).items().stream()
                .map(RiskClueView::clueId).toList();
    }

    private RiskCluePage list(Filter filter, ListRiskCluesQuery.Sort sort, SortDirection direction, int page,
                              int size) {
        return projection.handle(new ListRiskCluesQuery(filter.division, filter.sources, filter.keyAreas,
                filter.outcomes, filter.statuses, filter.overdue, filter.from, filter.to, filter.text, sort, direction,
                page, size));
    }

    /** The filters of a list query, all off until set. */
    private static final class Filter {
        String division;
        Set<ClueSource> sources = Set.of();
        Set<KeyArea> keyAreas = Set.of();
        Set<VerificationOutcome> outcomes = Set.of();
        Set<ClueStatus> statuses = Set.of();
        Boolean overdue;
        LocalDate from;
        LocalDate to;
        String text;

        Filter division(String value) {
            division = value;
            return this;
        }

        Filter sources(ClueSource... values) {
            sources = Set.of(values);
            return this;
        }

        Filter keyAreas(KeyArea... values) {
            keyAreas = Set.of(values);
            return this;
        }

        Filter outcomes(VerificationOutcome... values) {
            outcomes = Set.of(values);
            return this;
        }

        Filter statuses(ClueStatus... values) {
            statuses = Set.of(values);
            return this;
        }

        Filter overdue(boolean value) {
            overdue = value;
            return this;
        }

        Filter period(LocalDate first, LocalDate last) {
            from = first;
            to = last;
            return this;
        }

        Filter text(String value) {
            text = value;
            return this;
        }
    }
}
