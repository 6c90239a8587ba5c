package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.CALENDAR_PUBLISHED;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.calendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignPhase;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign calendar read model on PostgreSQL, in a fresh schema per test, and where today falls in it. */
class CampaignCalendarProjectionTest {

    FundraisingDatabase database;
    CampaignCalendarProjection projection;

    @BeforeEach
    void freshSchema() {
        database = FundraisingDatabase.postgres();
        projection = new CampaignCalendarProjection(database.jdbc());
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void beforeAnyPublication_thereIsNoCalendar_andNoStanding() {
        assertThat(projection.handle(new FindCampaignCalendarQuery())).isEmpty();
        assertThat(statisticsOn("2025-03-14T04:00:00Z").handle(new FindCampaignStandingQuery(null))).isEmpty();
    }

    @Test
    void thePublishedCalendar_isServedWithItsPhasesDeadlinesAndTables_inTheirOrder() {
        Feed.into(projection).event(calendar(1), CALENDAR_PUBLISHED);

        CampaignCalendar published = projection.handle(new FindCampaignCalendarQuery()).orElseThrow();
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.campaignFrom()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(published.campaignTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(published.publishedAt()).isEqualTo(CALENDAR_PUBLISHED);
        assertThat(published.phases()).extracting(CampaignCalendar.CalendarPhase::code,
                        CampaignCalendar.CalendarPhase::name,
                        CampaignCalendar.CalendarPhase::continuesAfter)
                .containsExactly(tuple("DEPLOYMENT", "部署发动", false), tuple("RISK_SCREENING", "风险排查", true),
                        tuple("CRACKDOWN_AND_DISPOSAL", "打击处置", false), tuple("RULE_BUILDING", "建章立制", false),
                        tuple("CONSOLIDATION", "巩固提升", false));
        assertThat(published.deadlines()).extracting(CampaignCalendar.CalendarDeadline::code,
                        CampaignCalendar.CalendarDeadline::dueDate, CampaignCalendar.CalendarDeadline::datePrinted,
                        CampaignCalendar.CalendarDeadline::attachments)
                .containsExactly(tuple("WORK_PLAN", LocalDate.of(2024, 7, 15), true, List.of()),
                        tuple("PROGRESS_2024_H2", LocalDate.of(2025, 1, 15), false, List.of(2, 3, 4)),
                        tuple("PROGRESS_2025_H1", LocalDate.of(2025, 7, 15), false, List.of(2, 3, 4)),
                        tuple("FINAL_SUMMARY", LocalDate.of(2025, 11, 21), true, List.of(2, 3, 4)));
        assertThat(published.tables()).extracting(CampaignCalendar.CalendarTable::attachment).containsExactly(2, 3, 4);
    }

    @Test
    void theSameVersionAgain_orAnOlderOne_changesNothing_andANewerOneReplacesIt() {
        Feed.into(projection).event(calendar(2), CALENDAR_PUBLISHED);
        CampaignCalendar second = projection.handle(new FindCampaignCalendarQuery()).orElseThrow();

        Feed.into(projection).event(calendar(2), CALENDAR_PUBLISHED);
        Feed.into(projection).event(calendar(1), CALENDAR_PUBLISHED);
        assertThat(projection.handle(new FindCampaignCalendarQuery())).contains(second);

        CampaignCalendarPublishedEvent v2 = calendar(3);
        CampaignCalendarPublishedEvent shorter = new CampaignCalendarPublishedEvent(v2.calendarId(), 3,
                v2.contentHash(), v2.source(), v2.campaignFrom(), v2.campaignTo(),
                List.of(new CampaignPhase("DEPLOYMENT", "部署发动", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30),
                        false, "（一）部署发动（2024年6月）")), v2.reportingDeadlines().subList(0, 1), v2.tables(),
                CALENDAR_PUBLISHED.plusSeconds(60));
        Feed.into(projection).event(shorter, CALENDAR_PUBLISHED.plusSeconds(60));
        CampaignCalendar third = projection.handle(new FindCampaignCalendarQuery()).orElseThrow();
        assertThat(third.version()).isEqualTo(3);
        assertThat(third.phases()).hasSize(1);
        assertThat(third.deadlines()).hasSize(1);
    }

    @Test
    void reset_clearsTheCalendar() {
        Feed.into(projection).event(calendar(1), CALENDAR_PUBLISHED);

        Feed.into(projection).reset();

        for (String table : CampaignCalendarProjection.TABLES) {
            assertThat(database.count(table)).as(table).isZero();
        }
    }

    @Test
    void onTheLastDayOfThePhaseAndOnADeadline_daysLeftIsZero_andAfterTheCampaignEveryPhaseHasEnded() {
        Feed.into(projection).event(calendar(1), CALENDAR_PUBLISHED);

        // 2024-08-31 in Beijing: the last day of risk screening; 2025-07-15: the day the half-year report is due.
        CampaignStandingView lastDay = statisticsOn("2024-08-31T04:00:00Z")
                .handle(new FindCampaignStandingQuery(null)).orElseThrow();
        assertThat(lastDay.phases().get(1).state()).isEqualTo("CURRENT");
        assertThat(lastDay.phases().get(1).daysLeft()).isZero();
        assertThat(lastDay.nextDeadline()).isEqualTo("PROGRESS_2024_H2");
        CampaignStandingView dueDay = statisticsOn("2025-07-15T04:00:00Z")
                .handle(new FindCampaignStandingQuery(null)).orElseThrow();
        assertThat(dueDay.deadlines().get(2).state()).isEqualTo("DUE_TODAY");
        assertThat(dueDay.deadlines().get(2).daysLeft()).isZero();
        assertThat(dueDay.nextDeadline()).isEqualTo("PROGRESS_2025_H1");
        assertThat(dueDay.currentPhases()).containsExactly("RISK_SCREENING", "CRACKDOWN_AND_DISPOSAL",
                "RULE_BUILDING", "CONSOLIDATION");

        // The last day of 2025 ends the campaign; 1 January 2026 in Beijing is still 31 December in UTC.
        CampaignStandingView after = statisticsOn("2025-12-31T16:30:00Z")
                .handle(new FindCampaignStandingQuery(null)).orElseThrow();
        assertThat(after.today()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(after.campaignState()).isEqualTo("ENDED");
        assertThat(after.daysLeftInCampaign()).isNull();
        assertThat(after.currentPhases()).isEmpty();
        assertThat(after.phases()).extracting(CampaignStandingView.PhaseStanding::state).containsOnly("ENDED");
        assertThat(after.nextDeadline()).isNull();
        assertThat(after.deadlines()).extracting(CampaignStandingView.DeadlineStanding::state).containsOnly("PASSED");
        CampaignStandingView before = statisticsOn("2024-05-01T04:00:00Z")
                .handle(new FindCampaignStandingQuery(null)).orElseThrow();
        assertThat(before.campaignState()).isEqualTo("BEFORE");
        assertThat(before.phases()).extracting(CampaignStandingView.PhaseStanding::state).containsOnly("UPCOMING");
    }

    private FundraisingStatistics statisticsOn(String instant) {
        return new FundraisingStatistics(database.jdbc(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC),
                projection);
    }
}
