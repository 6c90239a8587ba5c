package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.Rows.intOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.longOrNull;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.enumOf;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTable.ColumnKind;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTable.StatisticsColumn;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign's statistics, read from the risk-clue ledger and the disposal-case read model together: the case
 * progress funnel, recovery coverage and refund ratios, where the counties stand against the campaign calendar, and
 * the plan's three statistics tables. It owns no table and writes nothing; it reads the live tables of
 * {@link RiskClueProjection} and {@link DisposalCaseProjection}, whose every fact carries its business time, so that
 * each figure can be cut to any county and any period of business dates (Beijing time, both ends included). Every
 * figure is defined in docs/fundraising-statistics.md.
 */
@Component
class FundraisingStatistics {

    /** The name shown for the whole city as a scope. */
    static final String CITY = "全市";

    private static final String RISK_OUTCOMES = "('RISK_CONFIRMED', 'NEEDS_DETERMINATION')";
    /**
     * Joins each case {@code c} to its latest scale {@code sc}: the estimate recorded last among those effective
     * before {@code :toExclusive} (none if there is none yet). One grouped read of the scales per report, where a
     * subquery per case and figure took 22 ms at 6,000 cases.
     */
    private static final String LATEST_SCALE = """
                LEFT JOIN (SELECT s.case_id, MAX(s.event_sequence) AS event_sequence FROM fundraising_case_scale s
                           WHERE s.effective_at < :toExclusive GROUP BY s.case_id) latest
                       ON latest.case_id = c.case_id
                LEFT JOIN fundraising_case_scale sc
                       ON sc.case_id = latest.case_id AND sc.event_sequence = latest.event_sequence
                """;
    private static final String SUBMISSION_NOTE = "账本中没有“报告已报送”的事件：本视图只列出报送时限及剩余或已过天数，"
            + "不表示各县（市、区）是否已按时报送。";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CampaignCalendarProjection calendar;

    FundraisingStatistics(JdbcClient jdbc, Clock clock, CampaignCalendarProjection calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
    }

    // ---- funnel ------------------------------------------------------------------------------------------------

    @QueryHandler
    FunnelView handle(FindFunnelQuery query) {
        Period period = new Period(query.from(), query.to());
        Map<String, Object> params = period.params(query.divisionCode());
        String division = query.divisionCode() == null ? "" : " AND cl.division_code = :division";

        Map<String, long[]> clues = new HashMap<>();
        jdbc.sql("""
                        SELECT cl.division_code, COUNT(*) AS recorded,
                               SUM(CASE WHEN cl.outcome IN %s AND cl.verified_at < :toExclusive THEN 1 ELSE 0 END)
                                   AS risky
                        FROM fundraising_clue cl
                        WHERE cl.recorded_at >= :from AND cl.recorded_at < :toExclusive%s
                        GROUP BY cl.division_code""".formatted(RISK_OUTCOMES, division))
                .params(params)
                .query((ResultSet row) -> {
                    clues.put(row.getString("division_code"),
                            new long[] {row.getLong("recorded"), row.getLong("risky")});
                });
        // Each case once per county whose clues it took in, and once in the whole scope.
        Map<String, Map<String, CaseProgress>> casesByDivision = new HashMap<>();
        Map<String, CaseProgress> allCases = new HashMap<>();
        jdbc.sql("""
                        SELECT cl.division_code, c.case_id, c.determined_at, c.first_measure_at, c.transferred_at,
                               c.closed_at
                        FROM fundraising_clue cl
                        JOIN fundraising_case c ON c.case_id = cl.case_id
                        WHERE cl.recorded_at >= :from AND cl.recorded_at < :toExclusive
                          AND cl.taken_into_case_at < :toExclusive%s""".formatted(division))
                .params(params)
                .query((ResultSet row) -> {
                    CaseProgress progress = new CaseProgress(row.getString("case_id"), instant(row, "determined_at"),
                            instant(row, "first_measure_at"), instant(row, "transferred_at"),
                            instant(row, "closed_at"));
                    casesByDivision.computeIfAbsent(row.getString("division_code"), code -> new HashMap<>())
                            .put(progress.caseId(), progress);
                    allCases.put(progress.caseId(), progress);
                });

        Set<String> seen = new HashSet<>(clues.keySet());
        seen.addAll(casesByDivision.keySet());
        List<FunnelView.FunnelCounty> counties = new ArrayList<>();
        for (Division county : scope(query.divisionCode(), seen)) {
            counties.add(new FunnelView.FunnelCounty(county.code(), county.name(),
                    funnel(clues.getOrDefault(county.code(), new long[2]),
                            casesByDivision.getOrDefault(county.code(), Map.of()).values(), period)));
        }
        long[] total = new long[2];
        if (query.divisionCode() == null) {
            clues.values().forEach(counts -> {
                total[0] += counts[0];
                total[1] += counts[1];
            });
        } else {
            long[] counts = clues.getOrDefault(query.divisionCode(), new long[2]);
            total[0] = counts[0];
            total[1] = counts[1];
        }
        return new FunnelView(query.divisionCode(), scopeName(query.divisionCode()), query.from(), query.to(),
                funnel(total, allCases.values(), period), counties);
    }

    private static List<FunnelView.FunnelStage> funnel(long[] clues, Collection<CaseProgress> cases, Period period) {
        long opened = cases.size();
        long determined = cases.stream().filter(c -> period.reachedBy(c.determinedAt())).count();
        long measures = cases.stream().filter(c -> period.reachedBy(c.firstMeasureAt())).count();
        long transferred = cases.stream().filter(c -> period.reachedBy(c.transferredAt())).count();
        long closed = cases.stream().filter(c -> period.reachedBy(c.closedAt())).count();
        return List.of(
                new FunnelView.FunnelStage("CLUES_RECORDED", "录入风险线索", "CLUES", clues[0], null, null),
                new FunnelView.FunnelStage("VERIFIED_WITH_RISK", "核查确认存在风险", "CLUES", clues[1], "CLUES_RECORDED",
                        Money.ratio(clues[1], clues[0])),
                new FunnelView.FunnelStage("CASES_OPENED", "立案处置", "CASES", opened, null, null),
                new FunnelView.FunnelStage("DETERMINED", "完成认定", "CASES", determined, "CASES_OPENED",
                        Money.ratio(determined, opened)),
                new FunnelView.FunnelStage("MEASURES_ORDERED", "采取行政处置措施", "CASES", measures, "CASES_OPENED",
                        Money.ratio(measures, opened)),
                new FunnelView.FunnelStage("TRANSFERRED_TO_POLICE", "移送公安机关", "CASES", transferred, "CASES_OPENED",
                        Money.ratio(transferred, opened)),
                new FunnelView.FunnelStage("CLOSED", "结案", "CASES", closed, "CASES_OPENED",
                        Money.ratio(closed, opened)));
    }

    // ---- recovery and refunds ----------------------------------------------------------------------------------

    @QueryHandler
    RecoveryView handle(FindRecoveryQuery query) {
        Period period = new Period(query.asOf(), query.asOf());
        List<CaseMoneyAsOf> cases = casesAsOf(period, query.divisionCode(), "");
        Map<String, List<CaseMoneyAsOf>> byDivision = cases.stream()
                .collect(Collectors.groupingBy(CaseMoneyAsOf::divisionCode, LinkedHashMap::new, Collectors.toList()));
        List<RecoveryView.RecoveryCounty> counties = new ArrayList<>();
        for (Division county : scope(query.divisionCode(), byDivision.keySet())) {
            counties.add(new RecoveryView.RecoveryCounty(county.code(), county.name(),
                    figures(byDivision.getOrDefault(county.code(), List.of()))));
        }
        Map<String, Integer> order = divisionOrder();
        List<RecoveryView.RecoveryCase> caseRows = cases.stream()
                .sorted((a, b) -> compareDivisions(order, a.divisionCode(), b.divisionCode()))
                .map(c -> new RecoveryView.RecoveryCase(c.caseId(), c.name(), c.legacy(), c.divisionCode(),
                        c.divisionName(), c.involvedFen(), Money.yuan(c.involvedFen()), c.recoveredFen(),
                        Money.yuan(c.recoveredFen()),
                        c.claimsFen(), Money.yuan(c.claimsFen()), c.refundedFen(), Money.yuan(c.refundedFen()),
                        c.involvedFen() == null ? null : Money.ratio(c.recoveredFen(), c.involvedFen()),
                        Money.ratio(c.refundedFen(), c.recoveredFen()),
                        Money.ratio(c.refundedFen(), c.claimsFen())))
                .toList();
        return new RecoveryView(query.divisionCode(), scopeName(query.divisionCode()), query.asOf(), figures(cases),
                counties, caseRows);
    }

    private static RecoveryView.RecoveryFigures figures(List<CaseMoneyAsOf> cases) {
        long involved = 0;
        long recovered = 0;
        long recoveredOnKnown = 0;
        long claims = 0;
        long refunded = 0;
        int withoutAmount = 0;
        for (CaseMoneyAsOf c : cases) {
            recovered += c.recoveredFen();
            claims += c.claimsFen();
            refunded += c.refundedFen();
            if (c.involvedFen() == null) {
                withoutAmount++;
            } else {
                involved += c.involvedFen();
                recoveredOnKnown += c.recoveredFen();
            }
        }
        return new RecoveryView.RecoveryFigures(cases.size(), withoutAmount, involved, Money.yuan(involved), recovered,
                Money.yuan(recovered), recoveredOnKnown, claims, Money.yuan(claims), refunded, Money.yuan(refunded),
                Money.ratio(recoveredOnKnown, involved), Money.ratio(refunded, recovered),
                Money.ratio(refunded, claims));
    }

    /**
     * Every case opened (or imported) by the end of the period, with its money as at that end: the latest estimate
     * recorded as effective by then, and the recoveries, registrations and refunds up to then.
     */
    private List<CaseMoneyAsOf> casesAsOf(Period period, String divisionCode, String andWhere) {
        Map<String, Object> params = period.params(divisionCode);
        String division = divisionCode == null ? "" : " AND c.division_code = :division";
        return jdbc.sql(("""
                        SELECT c.case_id, c.name, c.subject_name, c.legacy, c.division_code, d.name AS division_name,
                               c.key_area, c.opened_at, c.cross_province_at, c.escalated_at, c.determined_at,
                               c.determination_outcome, c.transferred_at, c.closed_at, c.resolution,
                               c.stage_at_import,
                               sc.estimated_amount_fen AS involved_fen, sc.estimated_participants AS involved_participants,
                               (SELECT COALESCE(SUM(r.amount_fen), 0) FROM fundraising_case_recovery r
                                WHERE r.case_id = c.case_id AND r.recovered_at < :toExclusive) AS recovered_fen,
                               (SELECT COUNT(*) FROM fundraising_case_participant p
                                WHERE p.case_id = c.case_id AND p.registered_at < :toExclusive) AS registered,
                               (SELECT COALESCE(SUM(p.claim_fen), 0) FROM fundraising_case_participant p
                                WHERE p.case_id = c.case_id AND p.registered_at < :toExclusive) AS claims_fen,
                               (SELECT COALESCE(SUM(f.round_total_fen), 0) FROM fundraising_case_refund_round f
                                WHERE f.case_id = c.case_id AND f.paid_at < :toExclusive) AS refunded_fen
                        FROM fundraising_case c
                        """ + LATEST_SCALE + """
                        LEFT JOIN reference_division d ON d.code = c.division_code
                        WHERE c.opened_at < :toExclusive%s%s
                        ORDER BY c.opened_at, c.case_id""").formatted(division, andWhere))
                .params(params)
                .query((row, rowNumber) -> new CaseMoneyAsOf(
                        row.getString("case_id"),
                        row.getString("name"),
                        row.getString("subject_name"),
                        row.getBoolean("legacy"),
                        row.getString("division_code"),
                        row.getString("division_name"),
                        enumOf(KeyArea.class, row.getString("key_area")),
                        instant(row, "opened_at"),
                        instant(row, "cross_province_at"),
                        instant(row, "escalated_at"),
                        instant(row, "determined_at"),
                        enumOf(DeterminationOutcome.class, row.getString("determination_outcome")),
                        instant(row, "transferred_at"),
                        instant(row, "closed_at"),
                        enumOf(CaseResolution.class, row.getString("resolution")),
                        enumOf(CriminalMilestone.class, row.getString("stage_at_import")),
                        longOrNull(row, "involved_fen"),
                        intOrNull(row, "involved_participants"),
                        row.getLong("registered"),
                        row.getLong("recovered_fen"),
                        row.getLong("claims_fen"),
                        row.getLong("refunded_fen")))
                .list();
    }

    // ---- campaign calendar -------------------------------------------------------------------------------------

    @QueryHandler
    Optional<CampaignStandingView> handle(FindCampaignStandingQuery query) {
        Optional<CampaignCalendar> published = calendar.calendar();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        CampaignCalendar campaign = published.get();
        LocalDate today = BusinessDay.today(clock);
        boolean running = !today.isBefore(campaign.campaignFrom()) && !today.isAfter(campaign.campaignTo());
        String campaignState = today.isBefore(campaign.campaignFrom()) ? "BEFORE" : running ? "RUNNING" : "ENDED";

        List<CampaignStandingView.PhaseStanding> phases = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (CampaignCalendar.CalendarPhase phase : campaign.phases()) {
            String state;
            Long daysLeft = null;
            if (today.isBefore(phase.from())) {
                state = "UPCOMING";
            } else if (!today.isAfter(phase.to())) {
                state = "CURRENT";
                daysLeft = ChronoUnit.DAYS.between(today, phase.to());
            } else if (phase.continuesAfter() && running) {
                state = "CONTINUING";
            } else {
                state = "ENDED";
            }
            if (state.equals("CURRENT") || state.equals("CONTINUING")) {
                current.add(phase.code());
            }
            phases.add(new CampaignStandingView.PhaseStanding(phase.code(), phase.name(), phase.printedAs(),
                    phase.from(), phase.to(), phase.continuesAfter(), state, daysLeft));
        }

        Map<Integer, CampaignCalendar.CalendarTable> tables = campaign.tables().stream()
                .collect(Collectors.toMap(CampaignCalendar.CalendarTable::attachment, Function.identity()));
        List<CampaignStandingView.DeadlineStanding> deadlines = new ArrayList<>();
        String next = null;
        LocalDate nextDue = null;
        for (CampaignCalendar.CalendarDeadline deadline : campaign.deadlines()) {
            long days = ChronoUnit.DAYS.between(today, deadline.dueDate());
            String state = days > 0 ? "UPCOMING" : days == 0 ? "DUE_TODAY" : "PASSED";
            if (days >= 0 && (nextDue == null || deadline.dueDate().isBefore(nextDue))) {
                next = deadline.code();
                nextDue = deadline.dueDate();
            }
            deadlines.add(new CampaignStandingView.DeadlineStanding(deadline.code(), deadline.name(),
                    deadline.dueDate(), deadline.datePrinted(), deadline.coversFrom(), deadline.coversTo(),
                    deadline.recipientUnit(),
                    deadline.attachments().stream().map(number -> tables.getOrDefault(number,
                            new CampaignCalendar.CalendarTable(number, null))).toList(),
                    state, days >= 0 ? days : null, days < 0 ? -days : null, "NOT_RECORDED"));
        }

        return Optional.of(new CampaignStandingView(today, campaign.version(), campaign.source(),
                campaign.campaignFrom(), campaign.campaignTo(), campaignState,
                running ? ChronoUnit.DAYS.between(today, campaign.campaignTo()) : null, current, phases, deadlines,
                next, false, SUBMISSION_NOTE, counties(query.divisionCode(), campaign, today)));
    }

    private List<CampaignStandingView.CountyStanding> counties(String divisionCode, CampaignCalendar campaign,
                                                       LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        if (divisionCode != null) {
            params.put("division", divisionCode);
        }
        StringBuilder clueColumns = new StringBuilder();
        StringBuilder caseColumns = new StringBuilder();
        List<CampaignCalendar.CalendarPhase> phases = campaign.phases();
        for (int i = 0; i < phases.size(); i++) {
            CampaignCalendar.CalendarPhase phase = phases.get(i);
            LocalDate last = phase.to().isAfter(today) ? today : phase.to();
            params.put("from" + i, utc(BusinessDay.startOf(phase.from())));
            // A phase that has not begun has an empty window: its end lies before its start.
            params.put("to" + i, utc(BusinessDay.startOf(last.plusDays(1))));
            clueColumns.append("""
                    , SUM(CASE WHEN cl.recorded_at >= :from%1$d AND cl.recorded_at < :to%1$d THEN 1 ELSE 0 END)\
                     AS clues_%1$d""".formatted(i));
            caseColumns.append("""
                    , SUM(CASE WHEN NOT c.legacy AND c.opened_at >= :from%1$d AND c.opened_at < :to%1$d\
                     THEN 1 ELSE 0 END) AS opened_%1$d\
                    , SUM(CASE WHEN c.closed_at >= :from%1$d AND c.closed_at < :to%1$d THEN 1 ELSE 0 END)\
                     AS closed_%1$d""".formatted(i));
        }
        Map<String, Map<String, Long>> metrics = new HashMap<>();
        merge(metrics, grouped("""
                SELECT cl.division_code%s,
                       SUM(CASE WHEN cl.status IN ('RECORDED', 'VERIFYING') THEN 1 ELSE 0 END) AS clues_awaiting,
                       SUM(CASE WHEN cl.status = 'VERIFYING' AND cl.overdue THEN 1 ELSE 0 END) AS clues_overdue
                FROM fundraising_clue cl WHERE 1 = 1%s GROUP BY cl.division_code"""
                .formatted(clueColumns, divisionCode == null ? "" : " AND cl.division_code = :division"), params));
        merge(metrics, grouped("""
                SELECT c.division_code%s,
                       SUM(CASE WHEN c.closed_at IS NULL THEN 1 ELSE 0 END) AS cases_in_progress,
                       SUM(CASE WHEN c.closed_at IS NOT NULL THEN 1 ELSE 0 END) AS cases_closed
                FROM fundraising_case c WHERE 1 = 1%s GROUP BY c.division_code"""
                .formatted(caseColumns, divisionCode == null ? "" : " AND c.division_code = :division"), params));
        LegacyCounts legacy = legacyCounts(divisionCode, null);

        Set<String> seen = new HashSet<>(metrics.keySet());
        seen.addAll(legacy.cases().keySet());
        List<CampaignStandingView.CountyStanding> counties = new ArrayList<>();
        for (Division county : scope(divisionCode, seen)) {
            Map<String, Long> values = metrics.getOrDefault(county.code(), Map.of());
            List<CampaignStandingView.PhaseActivity> activity = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                activity.add(new CampaignStandingView.PhaseActivity(phases.get(i).code(),
                        values.getOrDefault("clues" + i, 0L), values.getOrDefault("opened" + i, 0L),
                        values.getOrDefault("closed" + i, 0L)));
            }
            counties.add(new CampaignStandingView.CountyStanding(county.code(), county.name(), activity,
                    values.getOrDefault("cluesAwaiting", 0L), values.getOrDefault("cluesOverdue", 0L),
                    values.getOrDefault("casesInProgress", 0L), values.getOrDefault("casesClosed", 0L),
                    legacy.cases().getOrDefault(county.code(), 0L),
                    legacy.resolved().getOrDefault(county.code(), 0L)));
        }
        return counties;
    }

    // ---- the statistics tables ---------------------------------------------------------------------------------

    @QueryHandler
    StatisticsTable handle(FindStatisticsTableQuery query) {
        Period period = new Period(query.from(), query.to());
        return switch (query.table()) {
            case CAMPAIGN_WORK -> campaignWork(query, period);
            case RISK_CLUES -> riskClues(query, period);
            case CROSS_PROVINCE -> crossProvince(query, period);
        };
    }

    /** Attachment 2, 打击非法集资专项行动工作情况统计表: one row per county. */
    private StatisticsTable campaignWork(FindStatisticsTableQuery query, Period period) {
        Map<String, Object> params = period.params(query.divisionCode());
        String clueDivision = query.divisionCode() == null ? "" : " AND cl.division_code = :division";
        String caseDivision = query.divisionCode() == null ? "" : " AND c.division_code = :division";
        Map<String, Map<String, Long>> metrics = new HashMap<>();
        merge(metrics, grouped("""
                SELECT cl.division_code,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS clues_recorded,
                       SUM(CASE WHEN %s AND cl.outcome IN %s THEN 1 ELSE 0 END) AS clues_verified_with_risk
                FROM fundraising_clue cl WHERE 1 = 1%s GROUP BY cl.division_code"""
                .formatted(within("cl.recorded_at"), within("cl.verified_at"), RISK_OUTCOMES, clueDivision), params));
        String openedInPeriod = "NOT x.legacy AND " + within("x.opened_at");
        merge(metrics, grouped(("""
                SELECT x.division_code,
                       SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS cases_opened,
                       SUM(CASE WHEN %1$s THEN COALESCE(x.involved_fen, 0) ELSE 0 END) AS cases_involved_amount_yuan,
                       SUM(CASE WHEN %1$s THEN COALESCE(x.involved_participants, 0) ELSE 0 END)
                           AS cases_participants,
                       SUM(CASE WHEN %2$s THEN 1 ELSE 0 END) AS cases_escalated,
                       SUM(CASE WHEN %3$s THEN 1 ELSE 0 END) AS cases_determined,
                       SUM(CASE WHEN %3$s AND x.determination_outcome = 'ILLEGAL_FUNDRAISING' THEN 1 ELSE 0 END)
                           AS determined_illegal,
                       SUM(CASE WHEN %3$s AND x.determination_outcome = 'SUSPECTED_CRIME' THEN 1 ELSE 0 END)
                           AS determined_crime,
                       SUM(CASE WHEN %3$s AND x.determination_outcome = 'NOT_ILLEGAL_FUNDRAISING' THEN 1 ELSE 0 END)
                           AS determined_not_illegal,
                       SUM(CASE WHEN %4$s THEN 1 ELSE 0 END) AS transferred_to_police,
                       SUM(CASE WHEN %5$s THEN 1 ELSE 0 END) AS cases_closed,
                       SUM(CASE WHEN x.opened_at < :toExclusive
                                 AND (x.closed_at IS NULL OR x.closed_at >= :toExclusive) THEN 1 ELSE 0 END)
                           AS cases_pending_at_end
                FROM (SELECT c.division_code, c.legacy, c.opened_at, c.escalated_at, c.determined_at,
                             c.determination_outcome, c.transferred_at, c.closed_at,
                             sc.estimated_amount_fen AS involved_fen,
                             sc.estimated_participants AS involved_participants
                      FROM fundraising_case c
                """ + LATEST_SCALE + """
                      WHERE 1 = 1%6$s) x
                GROUP BY x.division_code""")
                .formatted(openedInPeriod, within("x.escalated_at"), within("x.determined_at"),
                        within("x.transferred_at"), within("x.closed_at"), caseDivision), params));
        merge(metrics, grouped("""
                SELECT c.division_code,
                       SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS measures_ordered,
                       SUM(CASE WHEN %1$s AND m.kind = 'WARNING_TALK' THEN 1 ELSE 0 END) AS warning_talks,
                       SUM(CASE WHEN %1$s AND m.kind = 'RECTIFICATION_ORDER' THEN 1 ELSE 0 END) AS rectification_orders,
                       SUM(CASE WHEN %1$s AND m.kind = 'SEIZURE' THEN 1 ELSE 0 END) AS seizures,
                       SUM(CASE WHEN %1$s AND m.kind = 'ORDERED_REFUND' THEN 1 ELSE 0 END) AS ordered_refunds,
                       SUM(CASE WHEN %1$s AND m.kind = 'FINE_OR_WARNING' THEN 1 ELSE 0 END) AS fines_or_warnings,
                       SUM(CASE WHEN %2$s THEN 1 ELSE 0 END) AS measures_completed
                FROM fundraising_case_measure m JOIN fundraising_case c ON c.case_id = m.case_id
                WHERE 1 = 1%3$s GROUP BY c.division_code"""
                .formatted(within("m.ordered_at"), within("m.completed_at"), caseDivision), params));
        merge(metrics, grouped("""
                SELECT c.division_code,
                       SUM(CASE WHEN %1$s AND k.milestone = 'POLICE_FILED' THEN 1 ELSE 0 END) AS police_filed,
                       SUM(CASE WHEN %1$s AND k.milestone = 'INDICTED' THEN 1 ELSE 0 END) AS indicted,
                       SUM(CASE WHEN %1$s AND k.milestone = 'FIRST_INSTANCE_JUDGMENT' THEN 1 ELSE 0 END) AS judged
                FROM fundraising_case_criminal k JOIN fundraising_case c ON c.case_id = k.case_id
                WHERE 1 = 1%2$s GROUP BY c.division_code"""
                .formatted(within("k.reached_at"), caseDivision), params));
        merge(metrics, grouped("""
                SELECT c.division_code, SUM(CASE WHEN %s THEN r.amount_fen ELSE 0 END) AS recovered_yuan
                FROM fundraising_case_recovery r JOIN fundraising_case c ON c.case_id = r.case_id
                WHERE 1 = 1%s GROUP BY c.division_code""".formatted(within("r.recovered_at"), caseDivision), params));
        merge(metrics, grouped("""
                SELECT c.division_code, SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS participants_registered
                FROM fundraising_case_participant p JOIN fundraising_case c ON c.case_id = p.case_id
                WHERE 1 = 1%s GROUP BY c.division_code""".formatted(within("p.registered_at"), caseDivision),
                params));
        merge(metrics, grouped("""
                SELECT c.division_code, SUM(CASE WHEN %s THEN f.round_total_fen ELSE 0 END) AS refunded_yuan
                FROM fundraising_case_refund_round f JOIN fundraising_case c ON c.case_id = f.case_id
                WHERE 1 = 1%s GROUP BY c.division_code""".formatted(within("f.paid_at"), caseDivision), params));
        merge(metrics, grouped("""
                SELECT c.division_code,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS petitions_received,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS petitions_handled
                FROM fundraising_case_petition p JOIN fundraising_case c ON c.case_id = p.case_id
                WHERE 1 = 1%s GROUP BY c.division_code"""
                .formatted(within("p.received_at"), within("p.handled_at"), caseDivision), params));
        LegacyCounts legacy = legacyCounts(query.divisionCode(), period.endExclusive());
        legacy.cases().forEach((code, count) -> metrics.computeIfAbsent(code, c -> new HashMap<>())
                .put("legacyCases", count));
        legacy.resolved().forEach((code, count) -> metrics.computeIfAbsent(code, c -> new HashMap<>())
                .put("legacyResolved", count));

        return countyTable(StatisticsTableKind.CAMPAIGN_WORK, query, CAMPAIGN_WORK_COLUMNS, metrics, List.of(
                "统计期间按业务日期（北京时间）计，含起止两日；“期末”指统计期间最后一日终了时。",
                "涉案金额、集资参与人数为新立案件截至期末的最新估计数，未估计的按0计。",
                "陈案积案按专项行动实施方案所列6起（及账本导入的其他陈案）统计，结案即为化解。",
                "宣传教育、建章立制等工作在账本中没有对应事件，未列入本表。"));
    }

    /** Attachment 3, 风险线索排查处置情况统计表: one row per county. */
    private StatisticsTable riskClues(FindStatisticsTableQuery query, Period period) {
        Map<String, Object> params = period.params(query.divisionCode());
        String recorded = within("cl.recorded_at");
        String verified = within("cl.verified_at");
        Map<String, Map<String, Long>> metrics = new HashMap<>();
        merge(metrics, grouped("""
                SELECT cl.division_code,
                       SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS clues_recorded,
                       SUM(CASE WHEN %1$s AND cl.source = 'ONLINE_MONITORING' THEN 1 ELSE 0 END) AS online_monitoring,
                       SUM(CASE WHEN %1$s AND cl.source = 'OFFLINE_SCREENING' THEN 1 ELSE 0 END) AS offline_screening,
                       SUM(CASE WHEN %1$s AND cl.source = 'PUBLIC_REPORT' THEN 1 ELSE 0 END) AS public_report,
                       SUM(CASE WHEN %1$s AND cl.source = 'ABNORMAL_FUND_FLOW' THEN 1 ELSE 0 END) AS abnormal_fund_flow,
                       SUM(CASE WHEN %1$s AND cl.source = 'GRID_WORKER' THEN 1 ELSE 0 END) AS grid_worker,
                       SUM(CASE WHEN %1$s AND cl.source = 'PETITION' THEN 1 ELSE 0 END) AS petition,
                       SUM(CASE WHEN %1$s THEN COALESCE(cl.estimated_amount_fen, 0) ELSE 0 END)
                           AS estimated_amount_yuan,
                       SUM(CASE WHEN %2$s THEN 1 ELSE 0 END) AS verified,
                       SUM(CASE WHEN %2$s AND cl.outcome = 'NO_RISK' THEN 1 ELSE 0 END) AS no_risk,
                       SUM(CASE WHEN %2$s AND cl.outcome = 'RISK_CONFIRMED' THEN 1 ELSE 0 END) AS risk_confirmed,
                       SUM(CASE WHEN %2$s AND cl.outcome = 'NEEDS_DETERMINATION' THEN 1 ELSE 0 END)
                           AS needs_determination,
                       SUM(CASE WHEN %3$s THEN 1 ELSE 0 END) AS overdue,
                       SUM(CASE WHEN %4$s THEN 1 ELSE 0 END) AS duplicates,
                       SUM(CASE WHEN %5$s THEN 1 ELSE 0 END) AS taken_into_cases,
                       SUM(CASE WHEN %1$s AND cl.ended_at < :toExclusive THEN 1 ELSE 0 END) AS recorded_ended,
                       SUM(CASE WHEN cl.recorded_at < :toExclusive
                                 AND (cl.verified_at IS NULL OR cl.verified_at >= :toExclusive)
                                 AND (cl.ended_at IS NULL OR cl.ended_at >= :toExclusive) THEN 1 ELSE 0 END)
                           AS awaiting_verification_at_end,
                       SUM(CASE WHEN cl.verified_at < :toExclusive AND cl.outcome IN %7$s
                                 AND (cl.ended_at IS NULL OR cl.ended_at >= :toExclusive) THEN 1 ELSE 0 END)
                           AS awaiting_case_at_end,
                       SUM(CASE WHEN %6$s THEN 1 ELSE 0 END) AS rewards,
                       SUM(CASE WHEN %6$s THEN cl.reward_fen ELSE 0 END) AS reward_yuan
                FROM fundraising_clue cl WHERE 1 = 1%8$s GROUP BY cl.division_code"""
                .formatted(recorded, verified, within("cl.overdue_at"), within("cl.marked_duplicate_at"),
                        within("cl.taken_into_case_at"), within("cl.rewarded_at"), RISK_OUTCOMES,
                        query.divisionCode() == null ? "" : " AND cl.division_code = :division"), params));
        return countyTable(StatisticsTableKind.RISK_CLUES, query, RISK_CLUE_COLUMNS, metrics, List.of(
                "统计期间按业务日期（北京时间）计，含起止两日；“期末”指统计期间最后一日终了时。",
                "涉及金额为本期新增线索登记时的估计数，未估计的按0计。",
                "核查逾期指核查超过交办时限仍未办结的线索，按逾期发生日期统计。",
                "办结指核查排除风险、认定为重复线索或转立处置案件；办结率＝本期新增线索中期末已办结数÷本期新增线索数。"));
    }

    /** Attachment 4, 跨省（自治区、直辖市）案件（风险）信息统计表: one row per cross-province case. */
    private StatisticsTable crossProvince(FindStatisticsTableQuery query, Period period) {
        List<CaseMoneyAsOf> cases = casesAsOf(period, query.divisionCode(),
                " AND c.cross_province_at < :toExclusive AND (c.closed_at IS NULL OR c.closed_at >= :from)");
        Map<String, Object> params = period.params(query.divisionCode());
        Map<String, TreeSet<String>> provinces = new HashMap<>();
        jdbc.sql("SELECT case_id, province_code FROM fundraising_case_province WHERE added_at < :toExclusive")
                .params(params)
                .query((ResultSet row) -> {
                    provinces.computeIfAbsent(row.getString("case_id"), id -> new TreeSet<>())
                            .add(row.getString("province_code"));
                });
        Map<String, CriminalMilestone> stages = new HashMap<>();
        jdbc.sql("SELECT case_id, milestone FROM fundraising_case_criminal WHERE reached_at < :toExclusive")
                .params(params)
                .query((ResultSet row) -> {
                    // The latest milestone reached: the path runs in the order of the enum.
                    stages.merge(row.getString("case_id"), CriminalMilestone.valueOf(row.getString("milestone")),
                            (a, b) -> a.compareTo(b) >= 0 ? a : b);
                });
        Map<String, Integer> order = divisionOrder();
        List<CaseMoneyAsOf> sorted = cases.stream()
                .sorted((a, b) -> compareDivisions(order, a.divisionCode(), b.divisionCode()))
                .toList();

        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> allProvinces = new TreeSet<>();
        long involved = 0;
        long recoveredOnKnown = 0;
        long recovered = 0;
        long refunded = 0;
        long claims = 0;
        long participants = 0;
        long registered = 0;
        int seq = 0;
        for (CaseMoneyAsOf c : sorted) {
            Set<String> caseProvinces = provinces.getOrDefault(c.caseId(), new TreeSet<>());
            allProvinces.addAll(caseProvinces);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", ++seq);
            row.put("caseName", c.name());
            row.put("category", category(c, period));
            row.put("subjectName", c.subjectName());
            row.put("division", c.divisionName() != null ? c.divisionName() : c.divisionCode());
            row.put("keyArea", c.legacy() ? "陈案积案" : FundraisingLabels.of(c.keyArea()));
            row.put("provinces", caseProvinces.stream().map(Provinces::name).collect(Collectors.joining("、")));
            row.put("provinceCount", caseProvinces.size());
            row.put("openedOn", businessDate(c.openedAt()));
            row.put("crossProvinceSince", businessDate(c.crossProvinceAt()));
            row.put("involvedAmountYuan", Money.yuan(c.involvedFen()));
            row.put("participants", c.involvedParticipants());
            row.put("registeredParticipants", c.registered());
            row.put("claimsYuan", Money.yuan(c.claimsFen()));
            row.put("recoveredYuan", Money.yuan(c.recoveredFen()));
            row.put("refundedYuan", Money.yuan(c.refundedFen()));
            row.put("recoveryCoverage", c.involvedFen() == null ? null
                    : Money.ratio(c.recoveredFen(), c.involvedFen()));
            row.put("refundOfRecovered", Money.ratio(c.refundedFen(), c.recoveredFen()));
            row.put("escalated", period.reachedBy(c.escalatedAt()) ? "是" : "否");
            row.put("stage", stage(c, stages.get(c.caseId()), period));
            row.put("divisionCode", c.divisionCode());
            row.put("caseId", c.caseId());
            rows.add(row);
            if (c.involvedFen() != null) {
                involved += c.involvedFen();
                recoveredOnKnown += c.recoveredFen();
            }
            recovered += c.recoveredFen();
            refunded += c.refundedFen();
            claims += c.claimsFen();
            participants += c.involvedParticipants() == null ? 0 : c.involvedParticipants();
            registered += c.registered();
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("seq", null);
        totals.put("caseName", "合计（" + rows.size() + "起）");
        totals.put("category", null);
        totals.put("subjectName", null);
        totals.put("division", null);
        totals.put("keyArea", null);
        totals.put("provinces", allProvinces.stream().map(Provinces::name).collect(Collectors.joining("、")));
        totals.put("provinceCount", allProvinces.size());
        totals.put("openedOn", null);
        totals.put("crossProvinceSince", null);
        totals.put("involvedAmountYuan", Money.yuan(involved));
        totals.put("participants", participants);
        totals.put("registeredParticipants", registered);
        totals.put("claimsYuan", Money.yuan(claims));
        totals.put("recoveredYuan", Money.yuan(recovered));
        totals.put("refundedYuan", Money.yuan(refunded));
        totals.put("recoveryCoverage", Money.ratio(recoveredOnKnown, involved));
        totals.put("refundOfRecovered", Money.ratio(refunded, recovered));
        totals.put("escalated", null);
        totals.put("stage", null);
        return new StatisticsTable(StatisticsTableKind.CROSS_PROVINCE.path(),
                StatisticsTableKind.CROSS_PROVINCE.attachment(), StatisticsTableKind.CROSS_PROVINCE.title(),
                query.divisionCode(), scopeName(query.divisionCode()), query.from(), query.to(), CROSS_PROVINCE_COLUMNS,
                rows, totals, List.of(
                        "统计期间按业务日期（北京时间）计，含起止两日；列入截至期末已确认跨省、且统计期间内仍在办或在期间内结案的案件（风险）。",
                        "类别：已认定为非法集资或涉嫌犯罪的（含陈案积案）为“案件”，尚未认定的为“风险”。",
                        "涉案金额、集资参与人数为截至期末的最新估计数；追赃挽损、清退等为截至期末的累计数。",
                        "追赃挽损覆盖率＝追赃挽损金额÷涉案金额，合计只计涉案金额已估计的案件；清退率＝清退金额÷追赃挽损金额。"));
    }

    private static String category(CaseMoneyAsOf c, Period period) {
        if (c.legacy()) {
            return "案件";
        }
        if (!period.reachedBy(c.determinedAt())) {
            return "风险";
        }
        return c.determinationOutcome() == DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING ? "不属于非法集资" : "案件";
    }

    /** Where the case stood at the end of the period, in the words of a progress report. */
    private static String stage(CaseMoneyAsOf c, CriminalMilestone recorded, Period period) {
        if (period.reachedBy(c.closedAt())) {
            return "已结案（" + FundraisingLabels.of(c.resolution()) + "）";
        }
        CriminalMilestone milestone = recorded != null ? recorded : c.legacy() ? c.stageAtImport() : null;
        if (milestone != null) {
            return FundraisingLabels.of(milestone);
        }
        if (period.reachedBy(c.transferredAt())) {
            return "已移送公安";
        }
        if (period.reachedBy(c.determinedAt())) {
            return "已认定（" + FundraisingLabels.of(c.determinationOutcome()) + "）";
        }
        return period.reachedBy(c.escalatedAt()) ? "待认定（已上报市级）" : "待认定";
    }

    private StatisticsTable countyTable(StatisticsTableKind kind, FindStatisticsTableQuery query,
                                        List<ColumnSpec> columns, Map<String, Map<String, Long>> metrics,
                                        List<String> notes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Long> sums = new HashMap<>();
        for (Division county : scope(query.divisionCode(), metrics.keySet())) {
            Map<String, Long> values = metrics.getOrDefault(county.code(), Map.of());
            values.forEach((key, value) -> sums.merge(key, value, Long::sum));
            Map<String, Object> row = render(columns, values, county.name() != null ? county.name() : county.code());
            row.put("divisionCode", county.code());
            rows.add(row);
        }
        return new StatisticsTable(kind.path(), kind.attachment(), kind.title(), query.divisionCode(),
                scopeName(query.divisionCode()), query.from(), query.to(),
                columns.stream().map(ColumnSpec::column).toList(), rows, render(columns, sums, "合计"), notes);
    }

    /** A row of a county table from its metrics: counts as they are, fen as yuan, ratios from two counts. */
    private static Map<String, Object> render(List<ColumnSpec> columns, Map<String, Long> values, String label) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ColumnSpec spec : columns) {
            Object value = switch (spec.kind()) {
                case TEXT -> label;
                case AMOUNT -> Money.yuan(values.getOrDefault(spec.key(), 0L).longValue());
                case RATIO -> Money.ratio(values.getOrDefault(spec.numerator(), 0L),
                        values.getOrDefault(spec.denominator(), 0L));
                default -> values.getOrDefault(spec.key(), 0L);
            };
            row.put(spec.key(), value);
        }
        return row;
    }

    private static final List<ColumnSpec> CAMPAIGN_WORK_COLUMNS = List.of(
            ColumnSpec.text("division", "县（市、区）"),
            ColumnSpec.count("cluesRecorded", "风险排查", "排查发现风险线索（条）"),
            ColumnSpec.count("cluesVerifiedWithRisk", "风险排查", "核查确认存在风险（条）"),
            ColumnSpec.count("casesOpened", "立案处置", "新立处置案件（起）"),
            ColumnSpec.amount("casesInvolvedAmountYuan", "立案处置", "涉案金额（元）"),
            ColumnSpec.count("casesParticipants", "立案处置", "集资参与人数（人）"),
            ColumnSpec.count("casesEscalated", "研判定性", "上报市级认定（起）"),
            ColumnSpec.count("casesDetermined", "研判定性", "完成认定（起）"),
            ColumnSpec.count("determinedIllegal", "研判定性", "其中：认定非法集资（起）"),
            ColumnSpec.count("determinedCrime", "研判定性", "其中：涉嫌犯罪（起）"),
            ColumnSpec.count("determinedNotIllegal", "研判定性", "其中：不属于非法集资（起）"),
            ColumnSpec.count("measuresOrdered", "行政处置", "采取处置措施（项）"),
            ColumnSpec.count("warningTalks", "行政处置", "其中：警示约谈（项）"),
            ColumnSpec.count("rectificationOrders", "行政处置", "其中：责令整改（项）"),
            ColumnSpec.count("seizures", "行政处置", "其中：查封扣押（项）"),
            ColumnSpec.count("orderedRefunds", "行政处置", "其中：责令监督清退（项）"),
            ColumnSpec.count("finesOrWarnings", "行政处置", "其中：罚款警告（项）"),
            ColumnSpec.count("measuresCompleted", "行政处置", "处置措施办结（项）"),
            ColumnSpec.count("transferredToPolice", "刑事打击", "移送公安机关（起）"),
            ColumnSpec.count("policeFiled", "刑事打击", "公安立案（起）"),
            ColumnSpec.count("indicted", "刑事打击", "提起公诉（起）"),
            ColumnSpec.count("judged", "刑事打击", "一审判决（起）"),
            ColumnSpec.amount("recoveredYuan", "追赃挽损", "追赃挽损金额（元）"),
            ColumnSpec.count("participantsRegistered", "追赃挽损", "登记集资参与人（人）"),
            ColumnSpec.amount("refundedYuan", "追赃挽损", "清退金额（元）"),
            ColumnSpec.count("casesClosed", "案件办结", "办结案件（起）"),
            ColumnSpec.count("casesPendingAtEnd", "案件办结", "期末在办案件（起）"),
            ColumnSpec.count("legacyCases", "陈案积案化解", "陈案积案（起）"),
            ColumnSpec.count("legacyResolved", "陈案积案化解", "已化解（起）"),
            ColumnSpec.ratio("legacyResolutionRate", "陈案积案化解", "化解率", "legacyResolved", "legacyCases"),
            ColumnSpec.count("petitionsReceived", "信访维稳", "受理涉案信访（件）"),
            ColumnSpec.count("petitionsHandled", "信访维稳", "办结信访（件）"));

    private static final List<ColumnSpec> RISK_CLUE_COLUMNS = List.of(
            ColumnSpec.text("division", "县（市、区）"),
            ColumnSpec.count("cluesRecorded", "新增风险线索", "合计（条）"),
            ColumnSpec.count("onlineMonitoring", "新增风险线索", "线上监测（条）"),
            ColumnSpec.count("offlineScreening", "新增风险线索", "线下排查（条）"),
            ColumnSpec.count("publicReport", "新增风险线索", "群众举报（条）"),
            ColumnSpec.count("abnormalFundFlow", "新增风险线索", "资金异动监测（条）"),
            ColumnSpec.count("gridWorker", "新增风险线索", "网格员排查（条）"),
            ColumnSpec.count("petition", "新增风险线索", "信访反映（条）"),
            ColumnSpec.amount("estimatedAmountYuan", "新增风险线索", "涉及金额（元）"),
            ColumnSpec.count("verified", "核查情况", "完成核查（条）"),
            ColumnSpec.count("noRisk", "核查情况", "其中：排除风险（条）"),
            ColumnSpec.count("riskConfirmed", "核查情况", "其中：确认存在风险（条）"),
            ColumnSpec.count("needsDetermination", "核查情况", "其中：需研判定性（条）"),
            ColumnSpec.count("overdue", "核查情况", "核查逾期（条）"),
            ColumnSpec.count("duplicates", "处置情况", "重复线索（条）"),
            ColumnSpec.count("takenIntoCases", "处置情况", "转立处置案件（条）"),
            ColumnSpec.count("recordedEnded", "处置情况", "本期新增线索已办结（条）"),
            ColumnSpec.ratio("endedRate", "处置情况", "办结率", "recordedEnded", "cluesRecorded"),
            ColumnSpec.count("awaitingVerificationAtEnd", "期末未办结", "待核查（条）"),
            ColumnSpec.count("awaitingCaseAtEnd", "期末未办结", "有风险待立案（条）"),
            ColumnSpec.count("rewards", "举报奖励", "奖励（笔）"),
            ColumnSpec.amount("rewardYuan", "举报奖励", "奖励金额（元）"));

    private static final List<StatisticsColumn> CROSS_PROVINCE_COLUMNS = List.of(
            new StatisticsColumn("seq", "序号", null, ColumnKind.NUMBER),
            new StatisticsColumn("caseName", "案件（风险）名称", "基本情况", ColumnKind.TEXT),
            new StatisticsColumn("category", "类别", "基本情况", ColumnKind.TEXT),
            new StatisticsColumn("subjectName", "涉案主体", "基本情况", ColumnKind.TEXT),
            new StatisticsColumn("division", "承办地区", "基本情况", ColumnKind.TEXT),
            new StatisticsColumn("keyArea", "所属领域", "基本情况", ColumnKind.TEXT),
            new StatisticsColumn("provinces", "涉及省（自治区、直辖市）", "基本情况", ColumnKind.TEXT),
            new StatisticsColumn("provinceCount", "涉及省份数（个）", "基本情况", ColumnKind.NUMBER),
            new StatisticsColumn("openedOn", "立案（发现）日期", "基本情况", ColumnKind.DATE),
            new StatisticsColumn("crossProvinceSince", "确认跨省日期", "基本情况", ColumnKind.DATE),
            new StatisticsColumn("involvedAmountYuan", "涉案金额（元）", "涉案规模", ColumnKind.AMOUNT),
            new StatisticsColumn("participants", "集资参与人数（人）", "涉案规模", ColumnKind.COUNT),
            new StatisticsColumn("registeredParticipants", "已登记集资参与人（人）", "追赃挽损与清退", ColumnKind.COUNT),
            new StatisticsColumn("claimsYuan", "登记债权金额（元）", "追赃挽损与清退", ColumnKind.AMOUNT),
            new StatisticsColumn("recoveredYuan", "追赃挽损金额（元）", "追赃挽损与清退", ColumnKind.AMOUNT),
            new StatisticsColumn("refundedYuan", "清退金额（元）", "追赃挽损与清退", ColumnKind.AMOUNT),
            new StatisticsColumn("recoveryCoverage", "追赃挽损覆盖率", "追赃挽损与清退", ColumnKind.RATIO),
            new StatisticsColumn("refundOfRecovered", "清退率", "追赃挽损与清退", ColumnKind.RATIO),
            new StatisticsColumn("escalated", "是否上报市级", "处置情况", ColumnKind.TEXT),
            new StatisticsColumn("stage", "处置进展", "处置情况", ColumnKind.TEXT));

    // ---- shared ------------------------------------------------------------------------------------------------

    /** The plan's legacy cases and any other imported, per county: how many, and how many closed by the end. */
    private LegacyCounts legacyCounts(String divisionCode, Instant endExclusive) {
        Map<String, String> planDivision = new HashMap<>();
        Map<String, Long> cases = new LinkedHashMap<>();
        Map<String, Long> resolved = new LinkedHashMap<>();
        for (LegacyCaseTargets.Expected expected : LegacyCaseTargets.PLAN) {
            planDivision.put(expected.code(), expected.divisionCode());
            if (divisionCode == null || divisionCode.equals(expected.divisionCode())) {
                cases.merge(expected.divisionCode(), 1L, Long::sum);
            }
        }
        jdbc.sql("SELECT legacy_code, division_code, opened_at, closed_at FROM fundraising_case WHERE legacy")
                .query((ResultSet row) -> {
                    String code = row.getString("legacy_code");
                    String county = planDivision.getOrDefault(code, row.getString("division_code"));
                    Instant opened = instant(row, "opened_at");
                    Instant closed = instant(row, "closed_at");
                    if (divisionCode != null && !divisionCode.equals(county)) {
                        return;
                    }
                    // The plan's cases are counted above, imported or not; another legacy case from its import.
                    if (!planDivision.containsKey(code) && (endExclusive == null || opened.isBefore(endExclusive))) {
                        cases.merge(county, 1L, Long::sum);
                    }
                    if (closed != null && (endExclusive == null || closed.isBefore(endExclusive))) {
                        resolved.merge(county, 1L, Long::sum);
                    }
                });
        return new LegacyCounts(cases, resolved);
    }

    /**
     * Runs a query whose first column is {@code division_code} and whose others are whole numbers, answering each
     * division's numbers under the columns' names in camel case ({@code clues_recorded} becomes
     * {@code cluesRecorded}).
     */
    private Map<String, Map<String, Long>> grouped(String sql, Map<String, Object> params) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        jdbc.sql(sql)
                .params(params)
                .query((ResultSet row) -> {
                    ResultSetMetaData columns = row.getMetaData();
                    Map<String, Long> values = result.computeIfAbsent(row.getString(1), code -> new HashMap<>());
                    for (int i = 2; i <= columns.getColumnCount(); i++) {
                        values.put(camel(columns.getColumnLabel(i)), row.getLong(i));
                    }
                });
        return result;
    }

    private static void merge(Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> from) {
        from.forEach((code, values) -> into.computeIfAbsent(code, c -> new HashMap<>()).putAll(values));
    }

    static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The SQL condition that a business time lies in the period. */
    private static String within(String column) {
        return "(" + column + " >= :from AND " + column + " < :toExclusive)";
    }

    /**
     * The counties of a scope: the one asked for, or every division of the reference data in its published order and
     * then any other division the figures name, by code.
     */
    private List<Division> scope(String divisionCode, Collection<String> seen) {
        Map<String, String> names = divisionNames();
        if (divisionCode != null) {
            return List.of(new Division(divisionCode, names.get(divisionCode)));
        }
        Set<String> codes = new LinkedHashSet<>(names.keySet());
        seen.stream().filter(code -> !names.containsKey(code)).sorted().forEach(codes::add);
        return codes.stream().map(code -> new Division(code, names.get(code))).toList();
    }

    private String scopeName(String divisionCode) {
        if (divisionCode == null) {
            return CITY;
        }
        return divisionNames().get(divisionCode);
    }

    /** Division names in the reference data's order. */
    private Map<String, String> divisionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM reference_division ORDER BY list_order, code")
                .query((ResultSet row) -> {
                    names.put(row.getString("code"), row.getString("name"));
                });
        return names;
    }

    private Map<String, Integer> divisionOrder() {
        Map<String, Integer> order = new HashMap<>();
        int position = 0;
        for (String code : divisionNames().keySet()) {
            order.put(code, position++);
        }
        return order;
    }

    /** Known divisions in the reference order, then unknown ones by code; a stable sort keeps the rest in order. */
    private static int compareDivisions(Map<String, Integer> order, String a, String b) {
        int byOrder = Integer.compare(order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b,
                Integer.MAX_VALUE));
        return byOrder != 0 ? byOrder : a.compareTo(b);
    }

    private static LocalDate businessDate(Instant instant) {
        return instant == null ? null : instant.atZone(BusinessDay.ZONE).toLocalDate();
    }

    /** A period of business dates, both ends included, and the instants that bound it in Lvliang. */
    private record Period(LocalDate from, LocalDate to) {

        Instant start() {
            return BusinessDay.startOf(from);
        }

        Instant endExclusive() {
            return BusinessDay.startOf(to.plusDays(1));
        }

        /** Whether a fact happened by the end of the period. */
        boolean reachedBy(Instant at) {
            return at != null && at.isBefore(endExclusive());
        }

        Map<String, Object> params(String divisionCode) {
            Map<String, Object> params = new HashMap<>();
            params.put("from", utc(start()));
            params.put("toExclusive", utc(endExclusive()));
            if (divisionCode != null) {
                params.put("division", divisionCode);
            }
            return params;
        }
    }

    private record Division(String code, String name) {
    }

    private record CaseProgress(String caseId, Instant determinedAt, Instant firstMeasureAt, Instant transferredAt,
                                Instant closedAt) {
    }

    private record LegacyCounts(Map<String, Long> cases, Map<String, Long> resolved) {
    }

    /** A case with its money as at the end of a period. */
    private record CaseMoneyAsOf(
            String caseId,
            String name,
            String subjectName,
            boolean legacy,
            String divisionCode,
            String divisionName,
            KeyArea keyArea,
            Instant openedAt,
            Instant crossProvinceAt,
            Instant escalatedAt,
            Instant determinedAt,
            DeterminationOutcome determinationOutcome,
            Instant transferredAt,
            Instant closedAt,
            CaseResolution resolution,
            CriminalMilestone stageAtImport,
            Long involvedFen,
            Integer involvedParticipants,
            long registered,
            long recoveredFen,
            long claimsFen,
            long refundedFen) {
    }

    /** A column of a county table and, for a ratio, the two figures it divides. */
    private record ColumnSpec(String key, String header, String group, ColumnKind kind, String numerator,
                              String denominator) {

        static ColumnSpec text(String key, String header) {
            return new ColumnSpec(key, header, null, ColumnKind.TEXT, null, null);
        }

        static ColumnSpec count(String key, String group, String header) {
            return new ColumnSpec(key, header, group, ColumnKind.COUNT, null, null);
        }

        static ColumnSpec amount(String key, String group, String header) {
            return new ColumnSpec(key, header, group, ColumnKind.AMOUNT, null, null);
        }

        static ColumnSpec ratio(String key, String group, String header, String numerator, String denominator) {
            return new ColumnSpec(key, header, group, ColumnKind.RATIO, numerator, denominator);
        }

        StatisticsColumn column() {
            return new StatisticsColumn(key, header, group, kind);
        }
    }
}
