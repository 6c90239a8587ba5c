package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.audit.BundleCaseAsOf;
import cn.gov.lvliang.ledger.query.audit.TimeAxis;
import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseSummary;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list and the tables of one case, for the pages and their exports. The list comes from the case list
 * query where its filters suffice, and from {@link DashboardQueries} where a drill-down needs more.
 */
@Component
public class CaseTables {

    /** Cases on one page of the list. */
    public static final int PAGE_SIZE = 50;
    /** The most rows one export holds. */
    public static final int EXPORT_LIMIT = 50_000;

    private final LedgerQueries ledger;
    private final DashboardQueries dashboard;
    private final Labels labels;

    CaseTables(LedgerQueries ledger, DashboardQueries dashboard, Labels labels) {
        this.ledger = ledger;
        this.dashboard = dashboard;
        this.labels = labels;
    }

    /** One page of the cases a filter selects, newest first. */
    public BundleCasePage page(CaseFilter filter, int page, int size) {
        return filter.listQueryAnswers()
                ? ledger.listCases(filter, LedgerQueries.Order.NEWEST_FIRST, page, size)
                : dashboard.listCases(filter, page, size);
    }

    /** The list page's table: one page of cases. */
    public Table listPage(CaseFilter filter, BundleCasePage page) {
        return table("cases", labels.get("cases.table.title"), page.items(),
                labels.get("cases.table.note", page.total()), Links.casesExport(filter), null);
    }

    /**
     * Every case a filter selects (up to {@link #EXPORT_LIMIT}), as the list pages show them one after another; read
     * in one repeatable-read transaction, so that no case slips between two pages while the projections write.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Table all(CaseFilter filter) {
        List<BundleCaseSummary> cases = new ArrayList<>();
        long total;
        int page = 0;
        do {
            BundleCasePage next = page(filter, page++, LedgerQueries.MAX_PAGE_SIZE);
            cases.addAll(next.items());
            total = next.total();
            if (next.items().isEmpty()) {
                break;
            }
        } while (cases.size() < total && cases.size() < EXPORT_LIMIT);
        List<BundleCaseSummary> shown = cases.size() > EXPORT_LIMIT ? cases.subList(0, EXPORT_LIMIT) : cases;
        String note = shown.size() < total ? labels.get("cases.export.truncated", total, shown.size())
                : labels.get("cases.table.note", total);
        return table("cases", labels.get("cases.table.title"), shown, note, Links.casesExport(filter), null);
    }

    /** A table of case lines with the list's columns. */
    Table table(String id, String title, List<BundleCaseSummary> cases, String note, String exportHref,
                String moreHref) {
        List<String> headers = List.of(
                labels.get("case.column.caseId"), labels.get("case.column.bundle"),
                labels.get("case.column.division"), labels.get("case.column.leadUnit"),
                labels.get("case.column.applicant"), labels.get("case.column.channel"),
                labels.get("case.column.status"), labels.get("case.column.submittedAt"),
                labels.get("case.column.dueDate"), labels.get("case.column.warning"),
                labels.get("case.column.rating"));
        List<List<Cell>> rows = cases.stream().map(this::line).toList();
        return new Table(id, title, headers, rows, note, exportHref, moreHref);
    }

    private List<Cell> line(BundleCaseSummary c) {
        return List.of(
                Cell.identifier(c.caseId(), Links.caseDetail(c.caseId())),
                Cell.text(named(c.bundleName(), c.bundleCode())),
                Cell.text(named(c.divisionName(), c.divisionCode())),
                Cell.text(named(c.leadUnitName(), c.leadUnit())),
                Cell.text(labels.personal(c.applicantName())),
                Cell.text(labels.of("channel", c.channel())),
                Cell.unbroken(labels.of("status", c.status())),
                Cell.dateTime(beijing(c.submittedAt())),
                Cell.date(c.dueDate()),
                Cell.unbroken(warning(c.overdue(), c.atRisk(), c.supplementPending())),
                c.ratingScore() == null ? Cell.text(null) : Cell.count(c.ratingScore(), null));
    }

    String warning(boolean overdue, boolean atRisk, boolean supplementPending) {
        List<String> warnings = new ArrayList<>();
        if (overdue) {
            warnings.add(labels.get("warning.overdue"));
        }
        if (atRisk) {
            warnings.add(labels.get("warning.atRisk"));
        }
        if (supplementPending) {
            warnings.add(labels.get("warning.supplementPending"));
        }
        return String.join(labels.get("list.separator"), warnings);
    }

    // ---- one case ------------------------------------------------------------------------------------------------

    /** The tables of one case's page, in page order. */
    public Map<String, Table> detail(BundleCaseView view) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Function<BundleCaseView, Table>> table : detailTables().entrySet()) {
            tables.put(table.getKey(), table.getValue().apply(view));
        }
        return tables;
    }

    /**
     * The events of a case's past page: those its state is made of, then those that came later on the same axis,
     * each linked to the case as it stood right after it.
     */
    public Table events(BundleCaseAsOf past) {
        List<List<Cell>> rows = new ArrayList<>();
        for (BundleCaseAsOf.Event event : past.events()) {
            rows.add(eventRow(past, event, labels.get("asOf.event.folded")));
        }
        for (BundleCaseAsOf.Event event : past.later()) {
            rows.add(eventRow(past, event, labels.get("asOf.event.later")));
        }
        List<String> headers = List.of(labels.get("asOf.event.sequence"), labels.get("asOf.event.label"),
                labels.get("asOf.event.businessTime"), labels.get("asOf.event.recordedAt"),
                labels.get("asOf.event.standing"));
        return new Table("events", labels.get("asOf.events.title"), headers, rows, labels.get("asOf.events.note"),
                null, null);
    }

    private List<Cell> eventRow(BundleCaseAsOf past, BundleCaseAsOf.Event event, String standing) {
        Instant moment = past.axis() == TimeAxis.BUSINESS ? event.businessTime() : event.recordedAt();
        return List.of(
                Cell.count(event.sequence(), null),
                Cell.text(Objects.requireNonNullElse(labels.optional("event." + event.type()), event.label()),
                        Links.caseAsOf(past.caseId(), beijing(moment), past.axis())),
                Cell.dateTime(beijing(event.businessTime())),
                Cell.dateTime(beijing(event.recordedAt())),
                Cell.unbroken(standing));
    }

    /** One table of one case's page, or empty if the page has no such table. */
    public Optional<Table> detail(BundleCaseView view, String id) {
        return Optional.ofNullable(detailTables().get(id)).map(table -> table.apply(view));
    }

    private Map<String, Function<BundleCaseView, Table>> detailTables() {
        Map<String, Function<BundleCaseView, Table>> tables = new LinkedHashMap<>();
        tables.put("items", this::items);
        tables.put("materials", this::materials);
        tables.put("visits", this::visits);
        tables.put("complaints", this::complaints);
        tables.put("transfers", this::transfers);
        tables.put("assistance", this::assistance);
        tables.put("supplements", this::supplements);
        return tables;
    }

    private Table items(BundleCaseView view) {
        return detailTable(view, "items", List.of("seq", "name", "responsibleUnit", "status", "dispatchedAt",
                        "dueDate", "overdue", "decidedAt", "result"),
                view.items().stream().map(item -> List.of(
                        Cell.count(item.seq(), null),
                        Cell.text(item.name()),
                        Cell.text(named(item.responsibleUnitName(), item.responsibleUnit())),
                        Cell.unbroken(labels.of("itemStatus", item.status())),
                        Cell.dateTime(beijing(item.dispatchedAt())),
                        Cell.date(item.dueDate()),
                        Cell.text(item.overdue() ? labels.get("warning.overdue") : ""),
                        Cell.dateTime(beijing(item.decidedAt())),
                        Cell.text(item.result() != null ? item.result() : item.rejectionReason()))).toList());
    }

    private Table materials(BundleCaseView view) {
        return detailTable(view, "materials", List.of("name", "disposition", "waiverBasis", "recordedAt"),
                view.materials().stream().map(material -> List.of(
                        Cell.text(material.name()),
                        Cell.text(labels.of("disposition", material.disposition())),
                        Cell.text(labels.of("waiverBasis", material.waiverBasis())),
                        Cell.dateTime(beijing(material.recordedAt())))).toList());
    }

    private Table visits(BundleCaseView view) {
        return detailTable(view, "visits", List.of("number", "hall", "window", "purpose", "visitedAt"),
                view.visits().stream().map(visit -> List.of(
                        Cell.count(visit.number(), null),
                        Cell.text(named(visit.hallName(), visit.hallCode())),
                        Cell.text(visit.windowCode()),
                        Cell.text(labels.of("visitPurpose", visit.purpose())),
                        Cell.dateTime(beijing(visit.visitedAt())))).toList());
    }

    private Table complaints(BundleCaseView view) {
        return detailTable(view, "complaints", List.of("content", "lodgedAt", "followUps", "lastNote",
                        "resolvedAt", "resolution"),
                view.complaints().stream().map(complaint -> List.of(
                        Cell.text(complaint.content()),
                        Cell.dateTime(beijing(complaint.lodgedAt())),
                        Cell.count(complaint.followUps(), null),
                        Cell.text(complaint.lastNote()),
                        Cell.dateTime(beijing(complaint.resolvedAt())),
                        Cell.text(complaint.resolution()))).toList());
    }

    private Table transfers(BundleCaseView view) {
        return detailTable(view, "transfers", List.of("from", "to", "mode", "reason", "transferredAt"),
                view.transfers().stream().map(transfer -> List.of(
                        Cell.text(named(transfer.fromDivisionName(), transfer.fromDivisionCode())),
                        Cell.text(named(transfer.toHallName(), transfer.toHallCode())),
                        Cell.text(labels.of("transfer", transfer.mode())),
                        Cell.text(transfer.reason()),
                        Cell.dateTime(beijing(transfer.transferredAt())))).toList());
    }

    private Table assistance(BundleCaseView view) {
        return detailTable(view, "assistance", List.of("assistant", "kind", "steps", "assistedAt"),
                view.assistance().stream().map(help -> List.of(
                        Cell.text(help.assistant()),
                        Cell.text(labels.of("assistance", help.kind())),
                        Cell.text(String.join(labels.get("list.separator"), help.steps())),
                        Cell.dateTime(beijing(help.assistedAt())))).toList());
    }

    private Table supplements(BundleCaseView view) {
        return detailTable(view, "supplements", List.of("requestedAt", "materials", "reason", "suppliedAt",
                        "pausedWorkingDays"),
                view.supplements().stream().map(supplement -> List.of(
                        Cell.dateTime(beijing(supplement.requestedAt())),
                        Cell.text(String.join(labels.get("list.separator"), supplement.materials())),
                        Cell.text(supplement.reason()),
                        Cell.dateTime(beijing(supplement.suppliedAt())),
                        supplement.pausedWorkingDays() == null ? Cell.text(null)
                                : Cell.count(supplement.pausedWorkingDays(), null))).toList());
    }

    private Table detailTable(BundleCaseView view, String id, List<String> columns, List<List<Cell>> rows) {
        List<String> headers = columns.stream().map(column -> labels.get("detail." + id + "." + column)).toList();
        return new Table(id, labels.get("detail." + id + ".title"), headers, rows, null,
                Links.caseExport(view.caseId(), id), null);
    }

    /** A name as the read models hold it, or the code where they hold no name. */
    static String named(String name, String code) {
        return name != null ? name : code;
    }

    static LocalDateTime beijing(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, BusinessDay.ZONE);
    }
}
