package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.query.audit.AuditTrailProofs;
import cn.gov.lvliang.ledger.query.audit.TimeAxis;
import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.RatingView;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.query.reference.DivisionView;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case list behind every figure, and each case's page with the way to its audit trail and to the case as it stood
 * at any past moment.
 */
@Controller
class CaseController {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CaseTables tables;
    private final LedgerQueries ledger;
    private final AuditTrailProofs proofs;
    private final Labels labels;
    private final CaseAsOf caseAsOf;
    private final Clock clock;

    CaseController(CaseTables tables, LedgerQueries ledger, AuditTrailProofs proofs, Labels labels, CaseAsOf caseAsOf,
                   Clock clock) {
        this.tables = tables;
        this.ledger = ledger;
        this.proofs = proofs;
        this.labels = labels;
        this.caseAsOf = caseAsOf;
        this.clock = clock;
    }

    @GetMapping("/cases")
    String list(CaseParams params, Model model) {
        CaseFilter filter = params.toFilter();
        int page = params.pageNumber();
        BundleCasePage cases = tables.page(filter, page, CaseTables.PAGE_SIZE);
        long pages = Math.max(1, (cases.total() + CaseTables.PAGE_SIZE - 1) / CaseTables.PAGE_SIZE);
        model.addAttribute("table", tables.listPage(filter, cases));
        model.addAttribute("total", cases.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", page > 0 ? Links.cases(filter, page - 1) : null);
        model.addAttribute("next", page + 1 < pages ? Links.cases(filter, page + 1) : null);
        model.addAttribute("chips", chips(filter));
        return "cases";
    }

    @GetMapping("/cases/{caseId}")
    String detail(@PathVariable String caseId, Model model) {
        BundleCaseView view = findCase(caseId);
        showCase(view, tables.detail(view).values(), model);
        model.addAttribute("asOfAt",
                LocalDateTime.now(clock.withZone(BusinessDay.ZONE)).truncatedTo(ChronoUnit.MINUTES));
        // How the case stood then is what most readers ask; the axis of what the ledger knew is a choice away.
        model.addAttribute("asOfAxis", TimeAxis.BUSINESS.parameter());
        return "case";
    }

    /**
     * The case page as the case stood at a past moment, replayed from its own events: what the ledger had recorded
     * by then ({@code axis=recorded}) or what had happened by then ({@code axis=business}), with the case's events
     * each linked to the case right after it.
     *
     * @param at   the moment, Beijing time ({@code 2025-02-10T09:30}, seconds and their fractions allowed); now if
     *             absent
     * @param axis {@code recorded} (the default) or {@code business}
     */
    @GetMapping("/cases/{caseId}/as-of")
    String asOf(@PathVariable String caseId, @RequestParam(required = false) String at,
                @RequestParam(required = false) String axis, Model model) {
        TimeAxis timeAxis = TimeAxis.ofParameter("axis", axis);
        LocalDateTime moment = at == null || at.isBlank()
                ? LocalDateTime.now(clock.withZone(BusinessDay.ZONE)) : beijingTime("at", at);
        BundleCaseView now = findCase(caseId);
        CaseAsOf.Past past = caseAsOf.of(now, timeAxis, moment.atZone(BusinessDay.ZONE).toInstant());
        if (past.view() != null) {
            showCase(past.view(), tables.detail(past.view()).values().stream().map(Table::withoutExport).toList(),
                    model);
        } else {
            model.addAttribute("view", now);
            model.addAttribute("auditTrail", Links.auditTrail(caseId));
        }
        String banner = past.view() == null
                ? labels.get("asOf.notYet." + timeAxis.parameter(), MOMENT.format(moment))
                : labels.get("asOf.banner", MOMENT.format(moment), labels.get("asOf.axis." + timeAxis.parameter()),
                        past.replayed().events().size());
        model.addAttribute("asOf", new AsOfPage(banner, past.view() == null, Links.caseDetail(caseId),
                tables.events(past.replayed())));
        model.addAttribute("asOfAt", moment.truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("asOfAxis", timeAxis.parameter());
        return "case";
    }

    private BundleCaseView findCase(String caseId) {
        return ledger.findCase(caseId).orElseThrow(() -> new NotFoundException(labels.get("error.noCase", caseId)));
    }

    /** What the case page shows of a case, as it stands now or stood at a past moment. */
    private void showCase(BundleCaseView view, Collection<Table> caseTables, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("tables", caseTables);
        model.addAttribute("auditTrail", Links.auditTrail(view.caseId()));
        model.addAttribute("applicant", PersonalData.ERASED.equals(view.applicantName())
                ? labels.get("personalData.erased") : view.applicantName() + " (" + view.applicantIdMasked() + ")");
        model.addAttribute("proof", proofs.badge(view.caseId(), LocaleContextHolder.getLocale()).orElse(null));
        model.addAttribute("warning", tables.warning(view.overdue(), view.atRisk(), view.supplementPending()));
        model.addAttribute("submittedAt", Cell.dateTime(CaseTables.beijing(view.submittedAt())).text());
        model.addAttribute("acceptedAt", Cell.dateTime(CaseTables.beijing(view.acceptedAt())).text());
        model.addAttribute("concludedAt", Cell.dateTime(CaseTables.beijing(view.concludedAt())).text());
        model.addAttribute("rating", rating(view.rating()));
    }

    private static LocalDateTime beijingTime(String name, String value) {
        try {
            return LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "has an invalid value '" + value
                    + "'; expected a Beijing time such as 2025-02-10T09:30");
        }
    }

    /** The rating in words: its level, when it was given, the reasons ticked and the comment, where there are any. */
    private String rating(RatingView rating) {
        if (rating == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(labels.get("rating.score." + rating.score()));
        parts.add(Cell.dateTime(CaseTables.beijing(rating.ratedAt())).text());
        if (!rating.reasons().isEmpty()) {
            parts.add(String.join(labels.get("list.separator"), rating.reasons()));
        }
        if (rating.comment() != null && !rating.comment().isBlank()) {
            parts.add(rating.comment());
        }
        return String.join(" · ", parts);
    }

    /** The active filters in words, each with the list without it. */
    private List<Chip> chips(CaseFilter filter) {
        List<Chip> chips = new ArrayList<>();
        if (filter.division() != null) {
            String name = ledger.divisions().stream().filter(d -> d.code().equals(filter.division()))
                    .map(DivisionView::name).findFirst().orElse(filter.division());
            chips.add(chip("division", name, filter, b -> b.division(null)));
        }
        add(chips, "bundle", filter.bundle(), filter, b -> b.bundle(null));
        add(chips, "leadUnit", filter.leadUnit(), filter, b -> b.leadUnit(null));
        if (!filter.statuses().isEmpty()) {
            chips.add(chip("status", String.join(labels.get("list.separator"), filter.statuses().stream()
                    .sorted().map(status -> labels.of("status", status)).toList()), filter, b -> b.statuses(null)));
        }
        if (filter.channel() != null) {
            chips.add(chip("channel", labels.of("channel", filter.channel()), filter, b -> b.channel(null)));
        }
        add(chips, "overdue", yesNo(filter.overdue()), filter, b -> b.overdue(null));
        add(chips, "atRisk", yesNo(filter.atRisk()), filter, b -> b.atRisk(null));
        add(chips, "from", filter.from(), filter, b -> b.from(null));
        add(chips, "to", filter.to(), filter, b -> b.to(null));
        add(chips, "minVisits", filter.minVisits(), filter, b -> b.minVisits(null));
        add(chips, "maxVisits", filter.maxVisits(), filter, b -> b.maxVisits(null));
        add(chips, "waived", yesNo(filter.waived()), filter, b -> b.waived(null));
        if (filter.waiverBasis() != null) {
            chips.add(chip("waiverBasis", labels.of("waiverBasis", filter.waiverBasis()), filter,
                    b -> b.waiverBasis(null)));
        }
        if (filter.complaints() != null) {
            chips.add(chip("complaints", labels.of("complaintFilter", filter.complaints()), filter,
                    b -> b.complaints(null)));
        }
        add(chips, "rated", yesNo(filter.rated()), filter, b -> b.rated(null));
        add(chips, "rating", filter.rating(), filter, b -> b.rating(null));
        if (filter.transfer() != null) {
            chips.add(chip("transfer", labels.of("transfer", filter.transfer()), filter, b -> b.transfer(null)));
        }
        add(chips, "transferYear", filter.transferYear(), filter, b -> b.transferYear(null));
        add(chips, "item", filter.item(), filter, b -> b.item(null));
        add(chips, "bundleYear", filter.bundleYear(), filter, b -> b.bundleYear(null));
        return chips;
    }

    private void add(List<Chip> chips, String name, Object value, CaseFilter filter,
                     UnaryOperator<CaseFilter.Builder> without) {
        if (value != null) {
            chips.add(chip(name, value.toString(), filter, without));
        }
    }

    private Chip chip(String name, String value, CaseFilter filter, UnaryOperator<CaseFilter.Builder> without) {
        return new Chip(labels.get("filter." + name), value, Links.cases(without.apply(filter.toBuilder()).build()));
    }

    private String yesNo(Boolean value) {
        return value == null ? null : labels.get(value ? "filter.yes" : "filter.no");
    }

    /**
     * What a case's past page says of the moment it shows.
     *
     * @param banner      the moment, its axis and how many events the state is made of, in words
     * @param notYet      no event of the case stood at the moment: there is no state to show
     * @param currentHref the case page as the case stands now
     * @param events      the case's events, those folded and those after
     */
    record AsOfPage(String banner, boolean notYet, String currentHref, Table events) {
    }

    /** One active filter: what it is, its value, and the list without it. */
    record Chip(String label, String value, String removeHref) {
    }
}
