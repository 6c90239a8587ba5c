package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCasePage;
import cn.gov.lvliang.ledger.query.fundraising.RiskCluePage;
import cn.gov.lvliang.ledger.query.fundraising.RiskClueView;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTableKind;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.query.reference.DivisionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The illegal-fundraising board (打击非法集资) of the supervisors' dashboards: where the campaign stands against its
 * calendar, the clue ledger by source, key area and county, the case funnel, the legacy cases against their 100%
 * target, recovery and refunds; the plan's three statistics tables, a page each; and the clue and case lists every
 * figure drills down to. All of it is read through the fundraising query handlers ({@link FundraisingQueries}); the
 * pages share one template, {@code fundraising.html}, one section per page.
 */
@Controller
class FundraisingController {

    private final FundraisingTables tables;
    private final FundraisingQueries queries;
    private final LedgerQueries ledger;
    private final Labels labels;

    FundraisingController(FundraisingTables tables, FundraisingQueries queries, LedgerQueries ledger, Labels labels) {
        this.tables = tables;
        this.queries = queries;
        this.ledger = ledger;
        this.labels = labels;
    }

    @GetMapping("/fundraising")
    String board(FundraisingParams params, Model model) {
        FundraisingBoard board = tables.board(params);
        model.addAttribute("view", "board");
        model.addAttribute("pageTitle", labels.get("nav.fundraising"));
        model.addAttribute("board", board);
        model.addAttribute("filter", board.filter());
        model.addAttribute("tables", board.tables());
        model.addAttribute("divisions", ledger.divisions());
        return "fundraising";
    }

    @GetMapping("/fundraising/statistics")
    String statisticsIndex(FundraisingParams params) {
        return "redirect:" + FundraisingLinks.boardSection(tables.filter(params), "statistics");
    }

    @GetMapping("/fundraising/statistics/{table}")
    String statistics(@PathVariable String table, FundraisingParams params, Model model) {
        FundraisingStatisticsPage page = tables.statistics(table, params);
        model.addAttribute("view", "statistics");
        model.addAttribute("pageTitle", page.table().title());
        model.addAttribute("statistics", page);
        model.addAttribute("filter", page.filter());
        model.addAttribute("divisions", ledger.divisions());
        model.addAttribute("formAction", "/fundraising/statistics/" + page.kind().path());
        model.addAttribute("boardHref", FundraisingLinks.board(page.filter()));
        List<Chip> others = new ArrayList<>();
        for (StatisticsTableKind kind : StatisticsTableKind.values()) {
            others.add(new Chip(labels.get("fr.attachment", kind.attachment()), kind.title(),
                    FundraisingLinks.statistics(kind, page.filter())));
        }
        model.addAttribute("statisticsTables", others);
        return "fundraising";
    }

    @GetMapping("/fundraising/clues")
    String clues(FundraisingClueParams params, Model model) {
        FundraisingClueFilter filter = params.toFilter();
        int page = params.pageNumber();
        RiskCluePage clues = tables.cluePage(filter, page);
        long pages = pages(clues.total());
        model.addAttribute("view", "clues");
        model.addAttribute("pageTitle", labels.get("fr.clues.heading"));
        model.addAttribute("table", tables.clueList(filter, clues));
        model.addAttribute("total", labels.get("fr.clues.total", clues.total()));
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", page > 0 ? FundraisingLinks.clues(filter, page - 1) : null);
        model.addAttribute("next", page + 1 < pages ? FundraisingLinks.clues(filter, page + 1) : null);
        model.addAttribute("apiHref", FundraisingLinks.cluesApi(filter));
        model.addAttribute("chips", clueChips(filter));
        return "fundraising";
    }

    @GetMapping("/fundraising/clues/{clueId}")
    String clue(@PathVariable String clueId, Model model) {
        RiskClueView clue = queries.clue(clueId)
                .orElseThrow(() -> new NotFoundException(labels.get("fr.error.noClue", clueId)));
        model.addAttribute("clue", clue);
        model.addAttribute("table", tables.clue(clue));
        model.addAttribute("apiHref", FundraisingLinks.clueJson(clueId));
        return "clue";
    }

    @GetMapping("/fundraising/cases")
    String cases(FundraisingCaseParams params, Model model) {
        FundraisingCaseFilter filter = params.toFilter();
        int page = params.pageNumber();
        DisposalCasePage cases = tables.casePage(filter, page);
        long pages = pages(cases.total());
        model.addAttribute("view", "cases");
        model.addAttribute("pageTitle", labels.get("fr.cases.heading"));
        model.addAttribute("table", tables.caseList(filter, cases));
        model.addAttribute("total", labels.get("fr.cases.total", cases.total()));
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", page > 0 ? FundraisingLinks.cases(filter, page - 1) : null);
        model.addAttribute("next", page + 1 < pages ? FundraisingLinks.cases(filter, page + 1) : null);
        model.addAttribute("apiHref", FundraisingLinks.casesApi(filter));
        model.addAttribute("chips", caseChips(filter));
        return "fundraising";
    }

    private static long pages(long total) {
        return Math.max(1, (total + FundraisingTables.PAGE_SIZE - 1) / FundraisingTables.PAGE_SIZE);
    }

    // ---- the active filters of a list, each with the list without it -------------------------------------------

    private List<Chip> clueChips(FundraisingClueFilter f) {
        List<Chip> chips = new ArrayList<>();
        if (f.division() != null) {
            chips.add(new Chip(labels.get("filter.division"), divisionName(f.division()),
                    FundraisingLinks.clues(f.withDivision(null))));
        }
        enums(chips, "fr.filter.source", "fr.source", f.sources(), FundraisingLinks.clues(f.withSources()));
        enums(chips, "fr.filter.keyArea", "fr.keyArea", f.keyAreas(), FundraisingLinks.clues(f.withKeyAreas()));
        enums(chips, "fr.filter.outcome", "fr.outcome", f.outcomes(), FundraisingLinks.clues(f.withOutcomes()));
        enums(chips, "fr.filter.status", "fr.clueStatus", f.statuses(), FundraisingLinks.clues(f.withStatuses()));
        value(chips, "fr.filter.overdue", yesNo(f.overdue()), FundraisingLinks.clues(f.withOverdue(null)));
        value(chips, "fr.filter.recordedFrom", f.from(), FundraisingLinks.clues(f.withPeriod(null, f.to())));
        value(chips, "fr.filter.recordedTo", f.to(), FundraisingLinks.clues(f.withPeriod(f.from(), null)));
        value(chips, "fr.filter.q", f.q(), FundraisingLinks.clues(f.withQ(null)));
        return chips;
    }

    private List<Chip> caseChips(FundraisingCaseFilter f) {
        List<Chip> chips = new ArrayList<>();
        if (f.division() != null) {
            chips.add(new Chip(labels.get("filter.division"), divisionName(f.division()),
                    FundraisingLinks.cases(f.withDivision(null))));
        }
        enums(chips, "fr.filter.status", "fr.caseStatus", f.statuses(), FundraisingLinks.cases(f.withStatuses()));
        enumValue(chips, "fr.filter.level", "fr.level", f.level(), FundraisingLinks.cases(f.withLevel(null)));
        enumValue(chips, "fr.filter.determination", "fr.determination", f.outcome(),
                FundraisingLinks.cases(f.withOutcome(null)));
        value(chips, "fr.filter.legacy", yesNo(f.legacy()), FundraisingLinks.cases(f.withLegacy(null)));
        value(chips, "fr.filter.crossProvince", yesNo(f.crossProvince()),
                FundraisingLinks.cases(f.withCrossProvince(null)));
        enumValue(chips, "fr.filter.measureKind", "fr.measure", f.measureKind(),
                FundraisingLinks.cases(f.withMeasureKind(null)));
        value(chips, "fr.filter.transferred", yesNo(f.transferred()), FundraisingLinks.cases(f.withTransferred(null)));
        value(chips, "fr.filter.escalated", yesNo(f.escalated()), FundraisingLinks.cases(f.withEscalated(null)));
        enumValue(chips, "fr.filter.keyArea", "fr.keyArea", f.keyArea(), FundraisingLinks.cases(f.withKeyArea(null)));
        value(chips, "fr.filter.openedFrom", f.from(), FundraisingLinks.cases(f.withPeriod(null, f.to())));
        value(chips, "fr.filter.openedTo", f.to(), FundraisingLinks.cases(f.withPeriod(f.from(), null)));
        value(chips, "fr.filter.q", f.q(), FundraisingLinks.cases(f.withQ(null)));
        return chips;
    }

    private void enums(List<Chip> chips, String label, String prefix, Collection<? extends Enum<?>> values,
                       String without) {
        if (!values.isEmpty()) {
            chips.add(new Chip(labels.get(label), values.stream().map(value -> labels.of(prefix, value))
                    .collect(Collectors.joining(labels.get("list.separator"))), without));
        }
    }

    private void enumValue(List<Chip> chips, String label, String prefix, Enum<?> value, String without) {
        if (value != null) {
            chips.add(new Chip(labels.get(label), labels.of(prefix, value), without));
        }
    }

    private void value(List<Chip> chips, String label, Object value, String without) {
        if (value != null) {
            chips.add(new Chip(labels.get(label), value.toString(), without));
        }
    }

    private String yesNo(Boolean value) {
        return value == null ? null : labels.get(value ? "fr.yes" : "fr.no");
    }

    private String divisionName(String code) {
        return ledger.divisions().stream().filter(d -> d.code().equals(code)).map(DivisionView::name)
                .findFirst().orElse(code);
    }

    /** One active filter (or a link among the statistics tables): what it is, its value, and where it leads. */
    record Chip(String label, String value, String href) {
    }
}
