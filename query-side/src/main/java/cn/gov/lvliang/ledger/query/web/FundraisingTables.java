package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView;
import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView.CountyStanding;
import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView.DeadlineStanding;
import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView.PhaseActivity;
import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView.PhaseStanding;
import cn.gov.lvliang.ledger.query.fundraising.ClueStatus;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCasePage;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseStatus;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseSummary;
import cn.gov.lvliang.ledger.query.fundraising.FunnelView;
import cn.gov.lvliang.ledger.query.fundraising.LegacyCasesView;
import cn.gov.lvliang.ledger.query.fundraising.LegacyCasesView.LegacyCaseView;
import cn.gov.lvliang.ledger.query.fundraising.LegacyCasesView.LegacyCountyView;
import cn.gov.lvliang.ledger.query.fundraising.RecoveryView;
import cn.gov.lvliang.ledger.query.fundraising.RecoveryView.RecoveryCase;
import cn.gov.lvliang.ledger.query.fundraising.RecoveryView.RecoveryCounty;
import cn.gov.lvliang.ledger.query.fundraising.RecoveryView.RecoveryFigures;
import cn.gov.lvliang.ledger.query.fundraising.RiskClueCounts;
import cn.gov.lvliang.ledger.query.fundraising.RiskCluePage;
import cn.gov.lvliang.ledger.query.fundraising.RiskClueView;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTable;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTable.ColumnKind;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTable.StatisticsColumn;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTableKind;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * The tables of the fundraising board (打击非法集资), of its statistics pages and of its clue and case lists, for the
 * pages and their exports: a page and its export are built by the same method from the same parameters. Every figure
 * is a query handler's answer, asked through {@link FundraisingQueries} as the REST API asks it; a count links to the
 * clue or case list whose filters the list API answers with exactly that total. A page's tables are read in one
 * repeatable-read transaction, so that they agree with each other while the projections write.
 */
@Component
public class FundraisingTables {

    /** Clues or cases on one page of a list. */
    public static final int PAGE_SIZE = 50;
    /** The most rows one list export holds. */
    public static final int EXPORT_LIMIT = 50_000;

    private static final Map<String, ClueSource> SOURCE_COLUMNS = Map.of(
            "onlineMonitoring", ClueSource.ONLINE_MONITORING,
            "offlineScreening", ClueSource.OFFLINE_SCREENING,
            "publicReport", ClueSource.PUBLIC_REPORT,
            "abnormalFundFlow", ClueSource.ABNORMAL_FUND_FLOW,
            "gridWorker", ClueSource.GRID_WORKER,
            "petition", ClueSource.PETITION);

    private final FundraisingQueries queries;
    private final Labels labels;

    FundraisingTables(FundraisingQueries queries, Labels labels) {
        this.queries = queries;
        this.labels = labels;
    }

    // ---- the board ---------------------------------------------------------------------------------------------

    /** The board for the request's parameters: every table in page order. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FundraisingBoard board(FundraisingParams params) {
        Sources sources = sources(params);
        Map<String, Table> tables = new LinkedHashMap<>();
        builders().forEach((id, builder) -> tables.put(id, builder.apply(sources)));
        return new FundraisingBoard(sources.filter, sources.scopeName(), sources.today,
                sources.standing.orElse(null), tables, periods(sources));
    }

    /** One table of the board, or empty if the board has no such table. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Table> boardTable(String id, FundraisingParams params) {
        Function<Sources, Table> builder = builders().get(id);
        return builder == null ? Optional.empty() : Optional.of(builder.apply(sources(params)));
    }

    /** The board's filter for the parameters, with the default period where they give none. */
    @Transactional(readOnly = true)
    public FundraisingFilter filter(FundraisingParams params) {
        return sources(params).filter;
    }

    private Sources sources(FundraisingParams params) {
        String division = FundraisingFilter.division(params.division());
        Optional<CampaignStandingView> standing = queries.standing(division);
        return new Sources(queries.resolve(params, standing), standing, queries.today());
    }

    private Map<String, Function<Sources, Table>> builders() {
        Map<String, Function<Sources, Table>> tables = new LinkedHashMap<>();
        tables.put("campaign", this::campaign);
        tables.put("phases", this::phases);
        tables.put("deadlines", this::deadlines);
        tables.put("county-standing", this::countyStanding);
        tables.put("clue-summary", this::clueSummary);
        tables.put("clue-source", this::clueSource);
        tables.put("clue-key-area", this::clueKeyArea);
        tables.put("clue-county", this::clueCounty);
        tables.put("funnel", this::funnel);
        tables.put("funnel-county", this::funnelCounty);
        tables.put("legacy-summary", this::legacySummary);
        tables.put("legacy", this::legacy);
        tables.put("legacy-county", this::legacyCounty);
        tables.put("recovery-summary", this::recoverySummary);
        tables.put("recovery-county", this::recoveryCounty);
        tables.put("recovery-case", this::recoveryCase);
        tables.put("statistics", this::statisticsIndex);
        return tables;
    }

    /** The campaign so far and the period of each progress report, as links that cut the board to them. */
    private List<FundraisingBoard.Shortcut> periods(Sources s) {
        List<FundraisingBoard.Shortcut> periods = new ArrayList<>();
        if (s.standing.isEmpty()) {
            return periods;
        }
        CampaignStandingView standing = s.standing.get();
        LocalDate soFar = s.today.isAfter(standing.campaignTo()) ? standing.campaignTo() : s.today;
        if (!soFar.isBefore(standing.campaignFrom())) {
            periods.add(shortcut(s, labels.get("fr.period.campaignSoFar"), standing.campaignFrom(), soFar));
        }
        for (DeadlineStanding deadline : standing.deadlines()) {
            if (deadline.coversFrom() != null && deadline.coversTo() != null) {
                periods.add(shortcut(s, deadline.name(), deadline.coversFrom(), deadline.coversTo()));
            }
        }
        return periods;
    }

    private FundraisingBoard.Shortcut shortcut(Sources s, String label, LocalDate from, LocalDate to) {
        return new FundraisingBoard.Shortcut(label, FundraisingLinks.board(s.filter.withPeriod(from, to)),
                s.filter.from().equals(from) && s.filter.to().equals(to));
    }

    // ---- the campaign calendar ---------------------------------------------------------------------------------

    private Table campaign(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(figure("fr.campaign.today", Cell.date(s.today)));
        s.standing.ifPresent(standing -> {
            rows.add(figure("fr.campaign.period", Cell.text(period(standing.campaignFrom(), standing.campaignTo()))));
            rows.add(figure("fr.campaign.state", Cell.text(labels.ofName("fr.campaignState",
                    standing.campaignState()))));
            rows.add(figure("fr.campaign.daysLeft", standing.daysLeftInCampaign() == null ? Cell.text(null)
                    : Cell.count(standing.daysLeftInCampaign(), null)));
            Map<String, String> names = standing.phases().stream()
                    .collect(Collectors.toMap(PhaseStanding::code, PhaseStanding::name));
            rows.add(figure("fr.campaign.currentPhases", Cell.text(standing.currentPhases().stream()
                    .map(code -> names.getOrDefault(code, code))
                    .collect(Collectors.joining(labels.get("list.separator"))))));
            rows.add(figure("fr.campaign.nextDeadline", Cell.text(standing.deadlines().stream()
                    .filter(deadline -> deadline.code().equals(standing.nextDeadline()))
                    .map(deadline -> labels.get("fr.campaign.deadlineOn", deadline.name(),
                            deadline.dueDate().toString(), deadline.daysLeft()))
                    .findFirst().orElse(labels.get("fr.campaign.noNextDeadline")))));
            rows.add(figure("fr.campaign.source", Cell.text(standing.source())));
        });
        return table("campaign", s, List.of("fr.column.figure", "fr.column.value"), rows,
                s.standing.isEmpty() ? labels.get("fr.calendar.none") : null);
    }

    private Table phases(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        s.standing.ifPresent(standing -> {
            for (PhaseStanding phase : standing.phases()) {
                long clues = 0;
                long opened = 0;
                long closed = 0;
                for (CountyStanding county : standing.counties()) {
                    for (PhaseActivity activity : county.phases()) {
                        if (activity.phase().equals(phase.code())) {
                            clues += activity.cluesRecorded();
                            opened += activity.casesOpened();
                            closed += activity.casesClosed();
                        }
                    }
                }
                // The activity counts the phase's dates up to today; a phase that has not begun has no list.
                boolean begun = !s.today.isBefore(phase.from());
                LocalDate last = phase.to().isAfter(s.today) ? s.today : phase.to();
                rows.add(List.of(
                        Cell.text(phase.name()),
                        Cell.text(phase.printedAs()),
                        Cell.date(phase.from()),
                        Cell.date(phase.to()),
                        Cell.text(labels.ofName("fr.phaseState", phase.state())),
                        phase.daysLeft() == null ? Cell.text(null) : Cell.count(phase.daysLeft(), null),
                        Cell.count(clues, begun ? FundraisingLinks.clues(FundraisingClueFilter.recordedIn(s.filter)
                                .withPeriod(phase.from(), last)) : null),
                        Cell.count(opened, begun ? FundraisingLinks.cases(FundraisingCaseFilter.in(s.filter.division())
                                .withLegacy(false).withPeriod(phase.from(), last)) : null),
                        Cell.count(closed, null)));
            }
        });
        return table("phases", s, List.of("fr.column.phase", "fr.column.printedAs", "fr.column.phaseFrom",
                "fr.column.phaseTo", "fr.column.state", "fr.column.daysLeft", "fr.column.phaseClues",
                "fr.column.phaseCasesOpened", "fr.column.phaseCasesClosed"), rows, noteOrNoCalendar(s, "phases"));
    }

    private Table deadlines(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        s.standing.ifPresent(standing -> {
            for (DeadlineStanding deadline : standing.deadlines()) {
                boolean covers = deadline.coversFrom() != null && deadline.coversTo() != null;
                FundraisingFilter reported = covers ? s.filter.withPeriod(deadline.coversFrom(), deadline.coversTo())
                        : null;
                String attachments = deadline.tables().stream()
                        .map(table -> labels.get("fr.attachment", table.attachment()))
                        .collect(Collectors.joining(labels.get("list.separator")));
                Optional<StatisticsTableKind> first = deadline.tables().stream().findFirst()
                        .flatMap(table -> kind(Integer.toString(table.attachment())));
                rows.add(List.of(
                        Cell.text(deadline.name()),
                        Cell.date(deadline.dueDate()),
                        Cell.text(labels.get(deadline.datePrinted() ? "fr.deadline.printed" : "fr.deadline.chosen")),
                        Cell.text(covers ? period(deadline.coversFrom(), deadline.coversTo()) : "",
                                covers ? FundraisingLinks.board(reported) : null),
                        Cell.text(attachments, covers && first.isPresent()
                                ? FundraisingLinks.statistics(first.get(), reported) : null),
                        Cell.text(labels.ofName("fr.deadlineState", deadline.state())),
                        deadline.daysLeft() == null ? Cell.text(null) : Cell.count(deadline.daysLeft(), null),
                        deadline.daysPastDue() == null ? Cell.text(null) : Cell.count(deadline.daysPastDue(), null),
                        Cell.text(labels.ofName("fr.submission", deadline.submission()))));
            }
        });
        return table("deadlines", s, List.of("fr.column.deadline", "fr.column.dueDate", "fr.column.dateBasis",
                "fr.column.coversPeriod", "fr.column.tables", "fr.column.state", "fr.column.daysLeft",
                "fr.column.daysPastDue", "fr.column.submission"), rows, noteOrNoCalendar(s, "deadlines"));
    }

    private Table countyStanding(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        s.standing.ifPresent(standing -> {
            for (CountyStanding county : standing.counties()) {
                String code = county.divisionCode();
                FundraisingFilter own = s.filter.withDivision(code);
                FundraisingClueFilter clues = FundraisingClueFilter.recordedIn(own).withPeriod(null, null);
                FundraisingCaseFilter cases = FundraisingCaseFilter.in(code);
                rows.add(List.of(
                        Cell.text(named(county.divisionName(), code), FundraisingLinks.board(own)),
                        Cell.count(county.cluesAwaitingVerification(), FundraisingLinks.clues(
                                clues.withStatuses(ClueStatus.RECORDED, ClueStatus.VERIFYING))),
                        Cell.count(county.cluesOverdue(), FundraisingLinks.clues(
                                clues.withStatuses(ClueStatus.VERIFYING).withOverdue(true))),
                        Cell.count(county.casesInProgress(), FundraisingLinks.cases(cases.withStatuses(
                                DisposalCaseStatus.OPEN, DisposalCaseStatus.DETERMINED,
                                DisposalCaseStatus.WITH_POLICE))),
                        Cell.count(county.casesClosed(), FundraisingLinks.cases(
                                cases.withStatuses(DisposalCaseStatus.CLOSED))),
                        Cell.count(county.legacyCases(), FundraisingLinks.boardSection(own, "legacy")),
                        Cell.count(county.legacyResolved(), FundraisingLinks.boardSection(own, "legacy"))));
            }
        });
        return table("county-standing", s, List.of("fr.column.county", "fr.column.cluesAwaiting",
                "fr.column.cluesOverdueNow", "fr.column.casesInProgress", "fr.column.casesClosed",
                "fr.column.legacyCases", "fr.column.legacyResolved"), rows, noteOrNoCalendar(s, "county-standing"));
    }

    // ---- the clue ledger ---------------------------------------------------------------------------------------

    /** The columns of the clue summary and the county table: each a cut of the clues recorded in the period. */
    private static List<Map.Entry<String, Function<FundraisingClueFilter, FundraisingClueFilter>>> clueCuts() {
        return List.of(
                Map.entry("fr.column.cluesRecorded", Function.identity()),
                Map.entry("fr.column.cluesAwaiting", f -> f.withStatuses(ClueStatus.RECORDED, ClueStatus.VERIFYING)),
                Map.entry("fr.column.cluesEverOverdue", f -> f.withOverdue(true)),
                Map.entry("fr.column.cluesAwaitingCase", f -> f.withStatuses(ClueStatus.AWAITING_CASE)),
                Map.entry("fr.column.cluesInCase", f -> f.withStatuses(ClueStatus.IN_CASE)),
                Map.entry("fr.column.cluesNoRisk", f -> f.withStatuses(ClueStatus.NO_RISK)),
                Map.entry("fr.column.cluesDuplicate", f -> f.withStatuses(ClueStatus.DUPLICATE)));
    }

    private Table clueSummary(Sources s) {
        FundraisingClueFilter recorded = FundraisingClueFilter.recordedIn(s.filter);
        List<List<Cell>> rows = new ArrayList<>();
        for (var cut : clueCuts()) {
            FundraisingClueFilter clues = cut.getValue().apply(recorded);
            rows.add(List.of(Cell.text(labels.get(cut.getKey())),
                    Cell.count(s.clueCount(clues), FundraisingLinks.clues(clues))));
        }
        return table("clue-summary", s, List.of("fr.column.figure", "fr.column.value"), rows, null);
    }

    private Table clueSource(Sources s) {
        FundraisingClueFilter recorded = FundraisingClueFilter.recordedIn(s.filter);
        long total = s.clueCount(recorded);
        List<List<Cell>> rows = new ArrayList<>();
        for (ClueSource source : ClueSource.values()) {
            FundraisingClueFilter clues = recorded.withSources(source);
            String href = FundraisingLinks.clues(clues);
            long count = s.clueCount(clues);
            rows.add(List.of(Cell.text(labels.of("fr.source", source)), Cell.count(count, href),
                    Cell.share(count, total, href)));
        }
        return table("clue-source", s, List.of("fr.column.source", "fr.column.clues", "fr.column.share"), rows,
                null);
    }

    private Table clueKeyArea(Sources s) {
        FundraisingClueFilter recorded = FundraisingClueFilter.recordedIn(s.filter);
        long total = s.clueCount(recorded);
        List<List<Cell>> rows = new ArrayList<>();
        for (KeyArea area : KeyArea.values()) {
            FundraisingClueFilter clues = recorded.withKeyAreas(area);
            String href = FundraisingLinks.clues(clues);
            long count = s.clueCount(clues);
            rows.add(List.of(Cell.text(labels.of("fr.keyArea", area)), Cell.count(count, href),
                    Cell.share(count, total, href)));
        }
        return table("clue-key-area", s, List.of("fr.column.keyArea", "fr.column.clues", "fr.column.share"), rows,
                null);
    }

    /** One row per county of the funnel's scope: the reference data's in order, then any other the clues name. */
    private Table clueCounty(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (FunnelView.FunnelCounty county : s.funnel().counties()) {
            FundraisingFilter own = s.filter.withDivision(county.divisionCode());
            FundraisingClueFilter recorded = FundraisingClueFilter.recordedIn(own);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(named(county.divisionName(), county.divisionCode()), FundraisingLinks.board(own)));
            for (var cut : clueCuts()) {
                FundraisingClueFilter clues = cut.getValue().apply(recorded);
                row.add(Cell.count(s.clueCount(clues), FundraisingLinks.clues(clues)));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add("fr.column.county");
        clueCuts().forEach(cut -> headers.add(cut.getKey()));
        return table("clue-county", s, headers, rows, null);
    }

    // ---- the case funnel ---------------------------------------------------------------------------------------

    private Table funnel(Sources s) {
        FunnelView funnel = s.funnel();
        List<List<Cell>> rows = funnel.stages().stream().map(stage -> List.of(
                Cell.text(stageLabel(stage.key(), stage.label())),
                Cell.count(stage.count(), stageHref(s, s.filter, stage.key())),
                Cell.text(labels.ofName("fr.unit", stage.unit())),
                percent(stage.rate(), null),
                Cell.text(stage.base() == null ? null : stageLabel(stage.base(), stage.base())))).toList();
        return table("funnel", s, List.of("fr.column.stage", "fr.column.count", "fr.column.unit",
                "fr.column.rate", "fr.column.rateBase"), rows, funnelNote(s));
    }

    private Table funnelCounty(Sources s) {
        FunnelView funnel = s.funnel();
        List<List<Cell>> rows = new ArrayList<>();
        for (FunnelView.FunnelCounty county : funnel.counties()) {
            FundraisingFilter own = s.filter.withDivision(county.divisionCode());
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(named(county.divisionName(), county.divisionCode()), FundraisingLinks.board(own)));
            county.stages().forEach(stage -> row.add(Cell.count(stage.count(), stageHref(s, own, stage.key()))));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add(labels.get("fr.column.county"));
        funnel.stages().forEach(stage -> headers.add(stageLabel(stage.key(), stage.label())));
        return new Table("funnel-county", labels.get("fr.table.funnel-county.title"), headers, rows,
                funnelNote(s), FundraisingLinks.boardExport("funnel-county", s.filter), null);
    }

    /**
     * The clue list behind a stage of the funnel, where the list API selects exactly its clues: the clues recorded
     * in the period, and those verified with a risk when the period runs to today (the list knows a clue's outcome
     * now, not as at an earlier day). The case stages count cases by their clues' recording, which no list selects.
     */
    private String stageHref(Sources s, FundraisingFilter filter, String stage) {
        FundraisingClueFilter recorded = FundraisingClueFilter.recordedIn(filter);
        return switch (stage) {
            case "CLUES_RECORDED" -> FundraisingLinks.clues(recorded);
            case "VERIFIED_WITH_RISK" -> filter.to().isBefore(s.today) ? null : FundraisingLinks.clues(
                    recorded.withOutcomes(VerificationOutcome.RISK_CONFIRMED, VerificationOutcome.NEEDS_DETERMINATION));
            default -> null;
        };
    }

    private String funnelNote(Sources s) {
        return labels.get(s.filter.to().isBefore(s.today) ? "fr.funnel.note.past" : "fr.funnel.note");
    }

    private String stageLabel(String key, String fallback) {
        String label = labels.optional("fr.stage." + key);
        return label != null ? label : fallback;
    }

    // ---- the legacy cases --------------------------------------------------------------------------------------

    private Table legacySummary(Sources s) {
        LegacyCasesView legacy = s.legacy();
        String division = s.filter.division();
        int total;
        int resolved;
        BigDecimal rate;
        if (division == null) {
            total = legacy.total();
            resolved = legacy.resolved();
            rate = legacy.resolutionRate();
        } else {
            Optional<LegacyCountyView> county = legacy.byCounty().stream()
                    .filter(c -> division.equals(c.divisionCode())).findFirst();
            total = county.map(LegacyCountyView::total).orElse(0);
            resolved = county.map(LegacyCountyView::resolved).orElse(0);
            rate = county.map(LegacyCountyView::resolutionRate).orElse(null);
        }
        long imported = legacyCases(s).stream().filter(LegacyCaseView::imported).count();
        FundraisingCaseFilter legacyCases = FundraisingCaseFilter.in(division).withLegacy(true);
        List<List<Cell>> rows = List.of(
                figure("fr.legacy.target", Cell.text(legacy.target())),
                figure("fr.legacy.total", Cell.count(total, FundraisingLinks.boardSection(s.filter, "legacy"))),
                figure("fr.legacy.imported", Cell.count(imported, FundraisingLinks.cases(legacyCases))),
                figure("fr.legacy.resolved", Cell.count(resolved, FundraisingLinks.cases(
                        legacyCases.withStatuses(DisposalCaseStatus.CLOSED)))),
                figure("fr.legacy.rate", percent(rate, null)),
                figure("fr.legacy.gap", Cell.count(total - resolved, null)));
        return table("legacy-summary", s, List.of("fr.column.figure", "fr.column.value"), rows, null);
    }

    private List<LegacyCaseView> legacyCases(Sources s) {
        return s.legacy().cases().stream()
                .filter(c -> s.filter.division() == null || s.filter.division().equals(c.divisionCode()))
                .toList();
    }

    private Table legacy(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (LegacyCaseView c : legacyCases(s)) {
            String filed = c.originalFilingDate() == null ? null : c.originalFilingDate()
                    + (Boolean.TRUE.equals(c.filingDateApproximate()) ? labels.get("fr.legacy.approximate") : "");
            rows.add(List.of(
                    Cell.text(c.legacyCode()),
                    Cell.text(named(c.divisionName(), c.divisionCode())),
                    Cell.text(c.name(), c.caseId() == null ? null : FundraisingLinks.caseJson(c.caseId())),
                    Cell.text(c.printedAs()),
                    Cell.text(labels.of("fr.filingAge", c.filingAge())),
                    Cell.text(filed),
                    Cell.text(yesNo(c.imported())),
                    Cell.text(c.status() == null ? labels.get("fr.legacy.notImported")
                            : labels.of("fr.caseStatus", c.status())),
                    Cell.text(labels.of("fr.milestone", c.stage())),
                    Cell.text(yesNo(c.planAdopted())),
                    Cell.text(c.planAdopted() ? c.planMilestonesCompleted() + " / " + c.planMilestones() : null),
                    Cell.text(yesNo(c.resolved())),
                    Cell.date(businessDate(c.resolvedAt())),
                    Cell.text(labels.of("fr.resolution", c.resolution()))));
        }
        return table("legacy", s, List.of("fr.column.legacyCode", "fr.column.county", "fr.column.caseName",
                "fr.column.printedAs", "fr.column.filingAge", "fr.column.filedOn", "fr.column.imported",
                "fr.column.caseStatus", "fr.column.criminalStage", "fr.column.planAdopted",
                "fr.column.planMilestones", "fr.column.resolved", "fr.column.resolvedOn", "fr.column.resolution"),
                rows, null);
    }

    private Table legacyCounty(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (LegacyCountyView county : s.legacy().byCounty()) {
            if (s.filter.division() != null && !s.filter.division().equals(county.divisionCode())) {
                continue;
            }
            FundraisingFilter own = s.filter.withDivision(county.divisionCode());
            rows.add(List.of(
                    Cell.text(named(county.divisionName(), county.divisionCode()), FundraisingLinks.board(own)),
                    Cell.count(county.total(), null),
                    Cell.count(county.resolved(), FundraisingLinks.cases(FundraisingCaseFilter
                            .in(county.divisionCode()).withLegacy(true).withStatuses(DisposalCaseStatus.CLOSED))),
                    percent(county.resolutionRate(), null),
                    Cell.count(county.total() - county.resolved(), null)));
        }
        return table("legacy-county", s, List.of("fr.column.county", "fr.column.legacyCases",
                "fr.column.legacyResolved", "fr.column.resolutionRate", "fr.column.gap"), rows, null);
    }

    // ---- recovery and refunds ----------------------------------------------------------------------------------

    private Table recoverySummary(Sources s) {
        RecoveryFigures total = s.recovery().total();
        List<List<Cell>> rows = List.of(
                figure("fr.recovery.cases", Cell.count(total.cases(), FundraisingLinks.cases(
                        FundraisingCaseFilter.in(s.filter.division()).withPeriod(null, s.recovery().asOf())))),
                figure("fr.recovery.casesWithoutAmount", Cell.count(total.casesWithoutAmount(), null)),
                figure("fr.recovery.involved", yuan(total.involvedYuan())),
                figure("fr.recovery.recovered", yuan(total.recoveredYuan())),
                figure("fr.recovery.recoveredOnKnown", yuan(BigDecimal.valueOf(total.recoveredOnKnownAmountFen(), 2))),
                figure("fr.recovery.claims", yuan(total.claimsYuan())),
                figure("fr.recovery.refunded", yuan(total.refundedYuan())),
                figure("fr.recovery.coverage", percent(total.recoveryCoverage(), null)),
                figure("fr.recovery.refundOfRecovered", percent(total.refundOfRecovered(), null)),
                figure("fr.recovery.refundOfClaims", percent(total.refundOfClaims(), null)));
        return table("recovery-summary", s, List.of("fr.column.figure", "fr.column.value"), rows, recoveryNote(s));
    }

    private Table recoveryCounty(Sources s) {
        RecoveryView recovery = s.recovery();
        List<List<Cell>> rows = new ArrayList<>();
        for (RecoveryCounty county : recovery.counties()) {
            FundraisingFilter own = s.filter.withDivision(county.divisionCode());
            RecoveryFigures f = county.figures();
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(named(county.divisionName(), county.divisionCode()), FundraisingLinks.board(own)));
            row.add(Cell.count(f.cases(), FundraisingLinks.cases(FundraisingCaseFilter.in(county.divisionCode())
                    .withPeriod(null, recovery.asOf()))));
            row.add(Cell.count(f.casesWithoutAmount(), null));
            row.addAll(money(f.involvedYuan(), f.recoveredYuan(), f.claimsYuan(), f.refundedYuan(),
                    f.recoveryCoverage(), f.refundOfRecovered(), f.refundOfClaims()));
            rows.add(row);
        }
        return table("recovery-county", s, List.of("fr.column.county", "fr.column.cases",
                "fr.column.casesWithoutAmount", "fr.column.involvedYuan", "fr.column.recoveredYuan",
                "fr.column.claimsYuan", "fr.column.refundedYuan", "fr.column.coverage", "fr.column.refundOfRecovered",
                "fr.column.refundOfClaims"), rows, recoveryNote(s));
    }

    private Table recoveryCase(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RecoveryCase c : s.recovery().cases()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(c.name(), FundraisingLinks.caseJson(c.caseId())));
            row.add(Cell.text(named(c.divisionName(), c.divisionCode())));
            row.add(Cell.text(yesNo(c.legacy())));
            row.addAll(money(c.involvedYuan(), c.recoveredYuan(), c.claimsYuan(), c.refundedYuan(),
                    c.recoveryCoverage(), c.refundOfRecovered(), c.refundOfClaims()));
            rows.add(row);
        }
        return table("recovery-case", s, List.of("fr.column.caseName", "fr.column.county", "fr.column.legacy",
                "fr.column.involvedYuan", "fr.column.recoveredYuan", "fr.column.claimsYuan", "fr.column.refundedYuan",
                "fr.column.coverage", "fr.column.refundOfRecovered", "fr.column.refundOfClaims"), rows,
                recoveryNote(s));
    }

    private List<Cell> money(BigDecimal involved, BigDecimal recovered, BigDecimal claims, BigDecimal refunded,
                             BigDecimal coverage, BigDecimal refundOfRecovered, BigDecimal refundOfClaims) {
        return List.of(yuan(involved), yuan(recovered), yuan(claims), yuan(refunded), percent(coverage, null),
                percent(refundOfRecovered, null), percent(refundOfClaims, null));
    }

    private String recoveryNote(Sources s) {
        return labels.get("fr.recovery.note", s.recovery().asOf().toString());
    }

    // ---- the statistics tables ---------------------------------------------------------------------------------

    private Table statisticsIndex(Sources s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (StatisticsTableKind kind : StatisticsTableKind.values()) {
            rows.add(List.of(
                    Cell.text(labels.get("fr.attachment", kind.attachment())),
                    Cell.text(kind.title(), FundraisingLinks.statistics(kind, s.filter)),
                    Cell.text(s.scopeName()),
                    Cell.text(period(s.filter.from(), s.filter.to()))));
        }
        return table("statistics", s, List.of("fr.column.attachment", "fr.column.statisticsTable",
                "fr.column.scope", "fr.column.period"), rows, null);
    }

    /** A statistics table by its name in the URL ({@code risk-clues}) or its attachment number ({@code 3}). */
    public static Optional<StatisticsTableKind> kind(String name) {
        return Arrays.stream(StatisticsTableKind.values())
                .filter(kind -> kind.path().equals(name) || Integer.toString(kind.attachment()).equals(name))
                .findFirst();
    }

    /** One statistics table for the parameters (the board's county and period), with its totals as the last row. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FundraisingStatisticsPage statistics(String name, FundraisingParams params) {
        StatisticsTableKind kind = kind(name)
                .orElseThrow(() -> new NotFoundException(labels.get("fr.error.noTable", name)));
        FundraisingFilter filter = sources(params).filter;
        StatisticsTable api = queries.statistics(kind, filter);
        List<StatisticsColumn> columns = api.columns();
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> row : api.rows()) {
            rows.add(statisticsRow(kind, filter, columns, row, false));
        }
        rows.add(statisticsRow(kind, filter, columns, api.totals(), true));
        List<String> headers = columns.stream().map(column -> column.kind() == ColumnKind.RATIO
                ? labels.get("fr.statistics.ratioHeader", column.header()) : column.header()).toList();
        List<String> groups = columns.stream().map(StatisticsColumn::group).toList();
        Table table = new Table(kind.path(), api.title(), headers, rows,
                labels.get("fr.statistics.note", filter.division() == null ? labels.get("filter.allDivisions")
                        : api.divisionName(), period(api.from(), api.to())),
                FundraisingLinks.statisticsExport(kind, filter), null);
        String scopeName = filter.division() == null ? labels.get("filter.allDivisions") : api.divisionName();
        return new FundraisingStatisticsPage(kind, scopeName, filter, table, groups, api.notes(),
                FundraisingLinks.statisticsApi(kind, filter));
    }

    private List<Cell> statisticsRow(StatisticsTableKind kind, FundraisingFilter filter,
                                     List<StatisticsColumn> columns, Map<String, Object> values, boolean totals) {
        Object code = values.get("divisionCode");
        FundraisingFilter own = code == null || totals ? filter : filter.withDivision(code.toString());
        List<Cell> row = new ArrayList<>();
        for (StatisticsColumn column : columns) {
            Object value = values.get(column.key());
            String href = statisticsHref(kind, column.key(), own, values, totals);
            row.add(switch (column.kind()) {
                case TEXT -> Cell.text(value == null ? null : value.toString(), href);
                case DATE -> new Cell(Cell.Kind.DATE, value == null ? null
                        : value instanceof LocalDate date ? date : LocalDate.parse(value.toString()), href);
                case NUMBER, COUNT -> value == null ? Cell.text(null)
                        : Cell.count(decimal(value).longValueExact(), href);
                case AMOUNT -> Cell.amount(value == null ? null : decimal(value), href);
                case RATIO -> percent(value == null ? null : decimal(value), href);
            });
        }
        return row;
    }

    /**
     * Where a figure of a statistics table leads, where a list selects exactly what it counts: a county to its own
     * table, the clues recorded in the period (in all, and by source), the cases opened in it, and a cross-province
     * case to its detail.
     */
    private static String statisticsHref(StatisticsTableKind kind, String key, FundraisingFilter filter,
                                         Map<String, Object> values, boolean totals) {
        FundraisingClueFilter recorded = FundraisingClueFilter.recordedIn(filter);
        if (key.equals("division") && kind != StatisticsTableKind.CROSS_PROVINCE) {
            return totals || values.get("divisionCode") == null ? null : FundraisingLinks.statistics(kind, filter);
        }
        if (key.equals("cluesRecorded")) {
            return FundraisingLinks.clues(recorded);
        }
        if (kind == StatisticsTableKind.RISK_CLUES && SOURCE_COLUMNS.containsKey(key)) {
            return FundraisingLinks.clues(recorded.withSources(SOURCE_COLUMNS.get(key)));
        }
        if (kind == StatisticsTableKind.CAMPAIGN_WORK && key.equals("casesOpened")) {
            return FundraisingLinks.cases(FundraisingCaseFilter.in(filter.division()).withLegacy(false)
                    .withPeriod(filter.from(), filter.to()));
        }
        if (kind == StatisticsTableKind.CROSS_PROVINCE && key.equals("caseName") && values.get("caseId") != null) {
            return FundraisingLinks.caseJson(values.get("caseId").toString());
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    // ---- the clue and case lists -------------------------------------------------------------------------------

    /** One page of the clue list, newest first. */
    public RiskCluePage cluePage(FundraisingClueFilter filter, int page) {
        return queries.clues(filter, page, PAGE_SIZE);
    }

    /** The clue list page's table. */
    public Table clueList(FundraisingClueFilter filter, RiskCluePage page) {
        return clueTable(page.items(), labels.get("fr.clues.note", page.total()), filter);
    }

    /** Every clue the filter selects (up to {@link #EXPORT_LIMIT}), as the list's pages show them one by one. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Table allClues(FundraisingClueFilter filter) {
        List<RiskClueView> clues = new ArrayList<>();
        long total;
        int page = 0;
        do {
            RiskCluePage next = queries.clues(filter, page++, FundraisingQueries.MAX_PAGE_SIZE);
            clues.addAll(next.items());
            total = next.total();
            if (next.items().isEmpty()) {
                break;
            }
        } while (clues.size() < total && clues.size() < EXPORT_LIMIT);
        List<RiskClueView> shown = clues.size() > EXPORT_LIMIT ? clues.subList(0, EXPORT_LIMIT) : clues;
        return clueTable(shown, shown.size() < total ? labels.get("fr.export.truncated", total, shown.size())
                : labels.get("fr.clues.note", total), filter);
    }

    private Table clueTable(List<RiskClueView> clues, String note, FundraisingClueFilter filter) {
        List<List<Cell>> rows = clues.stream().map(clue -> List.of(
                Cell.identifier(clue.clueId(), FundraisingLinks.clue(clue.clueId())),
                Cell.dateTime(CaseTables.beijing(clue.recordedAt())),
                Cell.text(named(clue.divisionName(), clue.divisionCode())),
                Cell.text(labels.of("fr.source", clue.source())),
                Cell.text(labels.of("fr.keyArea", clue.keyArea())),
                Cell.text(clue.subjectName()),
                yuan(clue.estimatedAmountYuan()),
                Cell.text(labels.of("fr.clueStatus", clue.status())),
                Cell.text(named(clue.assignedUnitName(), clue.assignedUnit())),
                Cell.date(clue.verificationDueDate()),
                Cell.text(clue.overdue() ? labels.get("fr.overdue") : ""),
                Cell.text(labels.of("fr.outcome", clue.outcome())),
                Cell.identifier(clue.caseId(),
                        clue.caseId() == null ? null : FundraisingLinks.caseJson(clue.caseId()))))
                .toList();
        return new Table("clues", labels.get("fr.table.clues.title"), headers(List.of("fr.column.clueId",
                "fr.column.recordedAt", "fr.column.county", "fr.column.source", "fr.column.keyArea",
                "fr.column.subject", "fr.column.estimatedYuan", "fr.column.clueStatus", "fr.column.verifyingUnit",
                "fr.column.verificationDue", "fr.column.overdue", "fr.column.outcome", "fr.column.caseId")),
                rows, note, FundraisingLinks.cluesExport(filter), null);
    }

    /**
     * One clue of the ledger in full: what it is about, how it was verified and where it went. Its figures read as
     * text, one fact a line, rather than as a column of numbers among words.
     */
    public Table clue(RiskClueView clue) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(figure("fr.clue.status", Cell.unbroken(labels.of("fr.clueStatus", clue.status()))));
        rows.add(figure("fr.column.source", Cell.text(labels.of("fr.source", clue.source()))));
        rows.add(figure("fr.column.county", Cell.text(named(clue.divisionName(), clue.divisionCode()))));
        rows.add(figure("fr.column.keyArea", Cell.text(labels.of("fr.keyArea", clue.keyArea()))));
        rows.add(figure("fr.clue.subjectKind", Cell.text(labels.of("fr.subjectKind", clue.subjectKind()))));
        rows.add(figure("fr.column.subject", Cell.text(clue.subjectName())));
        rows.add(figure("fr.clue.creditCode", Cell.identifier(clue.subjectCreditCode(), null)));
        rows.add(figure("fr.clue.summary", Cell.text(clue.summary())));
        rows.add(figure("fr.column.estimatedYuan", asText(yuan(clue.estimatedAmountYuan()))));
        rows.add(figure("fr.clue.participants", Cell.text(Objects.toString(clue.estimatedParticipants(), null))));
        rows.add(figure("fr.clue.reporter", Cell.text(!clue.reported() ? labels.get("fr.clue.reporter.none")
                : labels.get(Boolean.TRUE.equals(clue.reporterAnonymous()) ? "fr.clue.reporter.anonymous"
                : "fr.clue.reporter.named"))));
        rows.add(figure("fr.clue.recordingUnit", Cell.text(named(clue.recordingUnitName(), clue.recordingUnit()))));
        rows.add(figure("fr.column.recordedAt", Cell.dateTime(CaseTables.beijing(clue.recordedAt()))));
        rows.add(figure("fr.column.verifyingUnit", Cell.text(named(clue.assignedUnitName(), clue.assignedUnit()))));
        rows.add(figure("fr.clue.assignedAt", Cell.dateTime(CaseTables.beijing(clue.assignedAt()))));
        rows.add(figure("fr.clue.assignments", Cell.text(Integer.toString(clue.assignments()))));
        rows.add(figure("fr.clue.verificationDays", Cell.text(Objects.toString(clue.verificationWorkingDays(), null))));
        rows.add(figure("fr.column.verificationDue", Cell.date(clue.verificationDueDate())));
        rows.add(figure("fr.clue.overdue", Cell.text(clue.overdue() ? labels.get("fr.clue.overdueAt",
                Cell.dateTime(CaseTables.beijing(clue.overdueAt())).text()) : yesNo(false))));
        rows.add(figure("fr.clue.verifiedAt", Cell.dateTime(CaseTables.beijing(clue.verifiedAt()))));
        rows.add(figure("fr.column.outcome", Cell.text(labels.of("fr.outcome", clue.outcome()))));
        rows.add(figure("fr.clue.notes", Cell.text(clue.verificationNotes())));
        rows.add(figure("fr.clue.duplicateOf", Cell.identifier(clue.duplicateOf(),
                clue.duplicateOf() == null ? null : FundraisingLinks.clue(clue.duplicateOf()))));
        rows.add(figure("fr.clue.duplicateNote", Cell.text(clue.duplicateNote())));
        rows.add(figure("fr.clue.reward", clue.rewarded() ? asText(yuan(clue.rewardYuan())) : Cell.text(yesNo(false))));
        rows.add(figure("fr.column.caseId", Cell.identifier(clue.caseId(),
                clue.caseId() == null ? null : FundraisingLinks.caseJson(clue.caseId()))));
        rows.add(figure("fr.clue.takenIntoCaseAt", Cell.dateTime(CaseTables.beijing(clue.takenIntoCaseAt()))));
        rows.add(figure("fr.clue.endedAt", Cell.dateTime(CaseTables.beijing(clue.endedAt()))));
        return new Table("clue", labels.get("fr.clue.title"), headers(List.of("fr.column.figure", "fr.column.value")),
                rows, labels.get("fr.clue.note"), null, null);
    }

    private static Cell asText(Cell cell) {
        return Cell.text(cell.text(), cell.href());
    }

    /** One page of the case list, newest first. */
    public DisposalCasePage casePage(FundraisingCaseFilter filter, int page) {
        return queries.cases(filter, page, PAGE_SIZE);
    }

    public Table caseList(FundraisingCaseFilter filter, DisposalCasePage page) {
        return caseTable(page.items(), labels.get("fr.cases.note", page.total()), filter);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Table allCases(FundraisingCaseFilter filter) {
        List<DisposalCaseSummary> cases = new ArrayList<>();
        long total;
        int page = 0;
        do {
            DisposalCasePage next = queries.cases(filter, page++, FundraisingQueries.MAX_PAGE_SIZE);
            cases.addAll(next.items());
            total = next.total();
            if (next.items().isEmpty()) {
                break;
            }
        } while (cases.size() < total && cases.size() < EXPORT_LIMIT);
        List<DisposalCaseSummary> shown = cases.size() > EXPORT_LIMIT ? cases.subList(0, EXPORT_LIMIT) : cases;
        return caseTable(shown, shown.size() < total ? labels.get("fr.export.truncated", total, shown.size())
                : labels.get("fr.cases.note", total), filter);
    }

    private Table caseTable(List<DisposalCaseSummary> cases, String note, FundraisingCaseFilter filter) {
        List<List<Cell>> rows = cases.stream().map(c -> List.of(
                Cell.text(c.name(), FundraisingLinks.caseJson(c.caseId())),
                Cell.text(named(c.divisionName(), c.divisionCode())),
                Cell.text(c.legacy() ? labels.get("fr.legacyCase") : labels.of("fr.keyArea", c.keyArea())),
                Cell.dateTime(CaseTables.beijing(c.openedAt())),
                Cell.text(labels.of("fr.caseStatus", c.status())),
                Cell.text(yesNo(c.escalated())),
                Cell.text(labels.of("fr.determination", c.determinationOutcome())),
                Cell.text(yesNo(c.crossProvince())),
                Cell.count(c.measuresOrdered(), null),
                Cell.text(yesNo(c.withPolice())),
                Cell.text(labels.of("fr.milestone", c.criminalStage())),
                yuan(c.money().estimatedAmountYuan()),
                yuan(c.money().recoveredYuan()),
                yuan(c.money().refundedYuan()),
                Cell.dateTime(CaseTables.beijing(c.closedAt())))).toList();
        return new Table("cases", labels.get("fr.table.cases.title"), headers(List.of("fr.column.caseName",
                "fr.column.county", "fr.column.keyArea", "fr.column.openedAt", "fr.column.caseStatus",
                "fr.column.escalated", "fr.column.determination", "fr.column.crossProvince", "fr.column.measures",
                "fr.column.withPolice", "fr.column.criminalStage", "fr.column.involvedYuan",
                "fr.column.recoveredYuan", "fr.column.refundedYuan", "fr.column.closedAt")),
                rows, note, FundraisingLinks.casesExport(filter), null);
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    private Table table(String id, Sources s, List<String> headerKeys, List<List<Cell>> rows, String note) {
        return new Table(id, labels.get("fr.table." + id + ".title"), headers(headerKeys), rows,
                note != null ? note : labels.optional("fr.table." + id + ".note"),
                FundraisingLinks.boardExport(id, s.filter), null);
    }

    private String noteOrNoCalendar(Sources s, String id) {
        return s.standing.isEmpty() ? labels.get("fr.calendar.none") : labels.optional("fr.table." + id + ".note");
    }

    private List<String> headers(List<String> keys) {
        return keys.stream().map(labels::get).toList();
    }

    private List<Cell> figure(String label, Cell value) {
        return List.of(Cell.text(labels.get(label)), value);
    }

    private String yesNo(boolean value) {
        return labels.get(value ? "fr.yes" : "fr.no");
    }

    private String period(LocalDate from, LocalDate to) {
        return labels.get("fr.periodText", from.toString(), to.toString());
    }

    /** An amount in yuan, exactly as the API gives it (scale 2); empty when unknown. */
    static Cell yuan(BigDecimal yuan) {
        return Cell.amount(yuan, null);
    }

    /**
     * A ratio of the API (scale 4) as a percentage with 2 decimals, which shows it exactly: 0.3333 is 33.33 (the
     * headers say %); empty when the API has none (nothing to divide by).
     */
    static Cell percent(BigDecimal ratio, String href) {
        return new Cell(Cell.Kind.DECIMAL_2, ratio == null ? null : ratio.movePointRight(2).doubleValue(), href);
    }

    private static String named(String name, String code) {
        return CaseTables.named(name, code);
    }

    private static LocalDate businessDate(Instant instant) {
        return instant == null ? null : CaseTables.beijing(instant).toLocalDate();
    }

    /** What the board's tables are read from, each asked of its query handler once per page. */
    private final class Sources {

        final FundraisingFilter filter;
        final Optional<CampaignStandingView> standing;
        final LocalDate today;
        private final Supplier<FunnelView> funnel;
        private final Supplier<RecoveryView> recovery;
        private final Supplier<LegacyCasesView> legacy;
        private final Supplier<RiskClueCounts> clueCounts;

        Sources(FundraisingFilter filter, Optional<CampaignStandingView> standing, LocalDate today) {
            this.filter = filter;
            this.standing = standing;
            this.today = today;
            this.funnel = SingletonSupplier.of(() -> queries.funnel(filter));
            this.recovery = SingletonSupplier.of(() -> queries.recovery(filter.division(), filter.to()));
            this.legacy = SingletonSupplier.of(queries::legacyCases);
            this.clueCounts = SingletonSupplier.of(() -> queries.clueCounts(filter));
        }

        FunnelView funnel() {
            return funnel.get();
        }

        /** Recovery as at the end of the period. */
        RecoveryView recovery() {
            return recovery.get();
        }

        LegacyCasesView legacy() {
            return legacy.get();
        }

        /**
         * How many clues the filter selects: from the board's clue counts, read once, where the filter cuts the
         * board's own clues by what they are counted by; else from the list query.
         */
        long clueCount(FundraisingClueFilter clues) {
            boolean boardsClues = Objects.equals(clues.from(), filter.from()) && Objects.equals(clues.to(), filter.to())
                    && (filter.division() == null || filter.division().equals(clues.division()))
                    && clues.outcomes().isEmpty() && clues.q() == null;
            if (!boardsClues) {
                return queries.clueCount(clues);
            }
            return clueCounts.get().count(clues.division(), clues.sources(), clues.keyAreas(), clues.statuses(),
                    clues.overdue());
        }

        /** The county's name as the reference data has it, or the whole city in the reader's language. */
        String scopeName() {
            if (filter.division() == null) {
                return labels.get("filter.allDivisions");
            }
            return funnel().divisionName() != null ? funnel().divisionName() : filter.division();
        }
    }
}
