package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter.ComplaintFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Complaints;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Count;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.DivisionCount;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.MonthCount;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Ratings;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Summary;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Visits;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.WaiverCount;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.reference.DivisionView;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * The tables of the dashboard home (总览), for the page and its exports. Every figure links to the case list that
 * holds exactly the cases it counts. A page's tables are read in one repeatable-read transaction, so that they add
 * up to each other while the projections write.
 */
@Component
public class DashboardTables {

    /** Rows shown in the overdue and at-risk lists; the full lists are a click away. */
    public static final int LIST_ROWS = 50;

    private final DashboardQueries queries;
    private final LedgerQueries ledger;
    private final CaseTables caseTables;
    private final Labels labels;

    DashboardTables(DashboardQueries queries, LedgerQueries ledger, CaseTables caseTables, Labels labels) {
        this.queries = queries;
        this.ledger = ledger;
        this.caseTables = caseTables;
        this.labels = labels;
    }

    /** Every table of the home page, in page order. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Table> all(DashboardFilter filter) {
        Reads reads = new Reads(filter);
        Map<String, Table> tables = new LinkedHashMap<>();
        builders().forEach((id, builder) -> tables.put(id, builder.apply(reads)));
        return tables;
    }

    /** One table of the home page, or empty if it has no such table. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Table> one(String id, DashboardFilter filter) {
        return Optional.ofNullable(builders().get(id)).map(builder -> builder.apply(new Reads(filter)));
    }

    private Map<String, Function<Reads, Table>> builders() {
        Map<String, Function<Reads, Table>> tables = new LinkedHashMap<>();
        tables.put("summary", this::summary);
        tables.put("status", reads -> byStatus(reads.filter()));
        tables.put("county", reads -> byCounty(reads.filter()));
        tables.put("bundle", reads -> byBundle(reads.filter()));
        tables.put("lead-unit", reads -> byLeadUnit(reads.filter()));
        tables.put("channel", reads -> byChannel(reads.filter()));
        tables.put("month", reads -> byMonth(reads.filter()));
        tables.put("overdue", reads -> caseList("overdue", reads.filter(),
                reads.filter().cases().toBuilder().overdue(true), reads.summary().overdue()));
        tables.put("at-risk", reads -> caseList("at-risk", reads.filter(),
                reads.filter().cases().toBuilder().atRisk(true), reads.summary().atRisk()));
        tables.put("visits", reads -> visits(reads.filter()));
        tables.put("waivers", reads -> waivers(reads.filter()));
        tables.put("complaints", reads -> complaints(reads.filter()));
        tables.put("ratings", this::ratings);
        tables.put("rating-distribution", this::ratingDistribution);
        return tables;
    }

    private Table summary(Reads reads) {
        DashboardFilter filter = reads.filter();
        Summary s = reads.summary();
        CaseFilter all = filter.cases();
        CaseFilter concluded = all.toBuilder().status(CaseStatus.CONCLUDED).build();
        CaseFilter oneVisit = concluded.toBuilder().maxVisits(1).build();
        CaseFilter waived = all.toBuilder().waived(true).build();
        List<List<Cell>> rows = List.of(
                figure("summary.cases", Cell.count(s.cases(), Links.cases(all))),
                figure("summary.concluded", Cell.count(s.concluded(), Links.cases(concluded))),
                figure("summary.overdue", Cell.count(s.overdue(),
                        Links.cases(all.toBuilder().overdue(true).build()))),
                figure("summary.atRisk", Cell.count(s.atRisk(), Links.cases(all.toBuilder().atRisk(true).build()))),
                figure("summary.oneVisit", Cell.count(s.concludedOneVisit(), Links.cases(oneVisit))),
                figure("summary.oneVisitShare", Cell.share(s.concludedOneVisit(), s.concluded(),
                        Links.cases(oneVisit))),
                figure("summary.materials", Cell.count(s.materials(), Links.cases(all))),
                figure("summary.waived", Cell.count(s.materialsWaived(), Links.cases(waived))),
                figure("summary.waivedShare", Cell.share(s.materialsWaived(), s.materials(), Links.cases(waived))));
        return table("summary", filter, List.of("column.figure", "column.value"), rows);
    }

    private Table byStatus(DashboardFilter filter) {
        List<Count> counts = queries.byStatus(filter);
        long total = counts.stream().mapToLong(Count::cases).sum();
        List<List<Cell>> rows = counts.stream().map(count -> {
            String href = Links.cases(filter.cases().toBuilder().status(CaseStatus.valueOf(count.key())).build());
            return List.of(Cell.text(labels.ofName("status", count.key())), Cell.count(count.cases(), href),
                    Cell.share(count.cases(), total, href));
        }).toList();
        return table("status", filter, List.of("column.status", "column.cases", "column.share"), rows);
    }

    /** Every division of the reference data in its published order, with or without cases, then any unknown. */
    private Table byCounty(DashboardFilter filter) {
        Map<String, DivisionCount> counts = queries.byDivision(filter).stream()
                .collect(Collectors.toMap(DivisionCount::division, count -> count, (a, b) -> a, LinkedHashMap::new));
        List<List<Cell>> rows = new ArrayList<>();
        for (DivisionView division : ledger.divisions()) {
            if (filter.division() == null || filter.division().equals(division.code())) {
                rows.add(countyRow(filter, division.code(), division.name(), counts.remove(division.code())));
            }
        }
        counts.values().forEach(count -> rows.add(countyRow(filter, count.division(), count.division(), count)));
        return table("county", filter, List.of("column.county", "column.cases", "column.concluded",
                "column.overdue"), rows);
    }

    private List<Cell> countyRow(DashboardFilter filter, String code, String name, DivisionCount count) {
        CaseFilter cases = filter.cases().toBuilder().division(code).build();
        DashboardFilter county = new DashboardFilter(code, filter.leadUnit(), filter.from(), filter.to());
        return List.of(
                Cell.text(name, Links.dashboard(county)),
                Cell.count(count == null ? 0 : count.cases(), Links.cases(cases)),
                Cell.count(count == null ? 0 : count.concluded(),
                        Links.cases(cases.toBuilder().status(CaseStatus.CONCLUDED).build())),
                Cell.count(count == null ? 0 : count.overdue(), Links.cases(cases.toBuilder().overdue(true).build())));
    }

    private Table byBundle(DashboardFilter filter) {
        List<List<Cell>> rows = queries.byBundle(filter).stream().map(count -> List.of(
                Cell.text(count.key()),
                Cell.text(CaseTables.named(count.name(), count.key())),
                Cell.count(count.cases(), Links.cases(filter.cases().toBuilder().bundle(count.key()).build()))))
                .toList();
        return table("bundle", filter, List.of("column.bundleCode", "column.bundle", "column.cases"), rows);
    }

    private Table byLeadUnit(DashboardFilter filter) {
        List<List<Cell>> rows = queries.byLeadUnit(filter).stream().map(count -> {
            if (count.key() == null) {
                // Cases recorded before submissions carried their lead unit: counted, but no filter selects them.
                return List.of(Cell.text(labels.get("leadUnit.unrecorded")), Cell.count(count.cases(), null));
            }
            DashboardFilter unit = new DashboardFilter(filter.division(), count.key(), filter.from(), filter.to());
            return List.of(Cell.text(CaseTables.named(count.name(), count.key()), Links.dashboard(unit)),
                    Cell.count(count.cases(), Links.cases(filter.cases().toBuilder().leadUnit(count.key()).build())));
        }).toList();
        return table("lead-unit", filter, List.of("column.leadUnit", "column.cases"), rows);
    }

    private Table byChannel(DashboardFilter filter) {
        List<Count> counts = queries.byChannel(filter);
        long total = counts.stream().mapToLong(Count::cases).sum();
        List<List<Cell>> rows = counts.stream().map(count -> {
            String href = Links.cases(filter.cases().toBuilder().channel(Channel.valueOf(count.key())).build());
            return List.of(Cell.text(labels.ofName("channel", count.key())), Cell.count(count.cases(), href),
                    Cell.share(count.cases(), total, href));
        }).toList();
        return table("channel", filter, List.of("column.channel", "column.cases", "column.share"), rows);
    }

    private Table byMonth(DashboardFilter filter) {
        List<List<Cell>> rows = new ArrayList<>();
        for (MonthCount count : MonthSeries.of(queries.byMonth(filter), filter.from(), filter.to())) {
            YearMonth month = count.month();
            LocalDate from = later(month.atDay(1), filter.from());
            LocalDate to = earlier(month.atEndOfMonth(), filter.to());
            rows.add(List.of(Cell.text(month.toString()),
                    Cell.count(count.cases(), Links.cases(filter.cases().toBuilder().from(from).to(to).build()))));
        }
        return table("month", filter, List.of("column.month", "column.cases"), rows);
    }

    /** The first cases of a list the summary counted ({@code total}), soonest due first. */
    private Table caseList(String id, DashboardFilter filter, CaseFilter.Builder cases, long total) {
        CaseFilter selection = cases.build();
        BundleCasePage page = ledger.firstCases(selection, LedgerQueries.Order.DUE_FIRST, LIST_ROWS, total);
        String note = labels.get("list.note", page.total(), page.items().size());
        return caseTables.table(id, labels.get("table." + id + ".title"), page.items(), note,
                Links.dashboardExport(id, filter), Links.cases(selection));
    }

    private Table visits(DashboardFilter filter) {
        Visits visits = queries.visitsOfConcludedCases(filter);
        CaseFilter concluded = filter.cases().toBuilder().status(CaseStatus.CONCLUDED).build();
        long total = visits.total();
        List<List<Cell>> rows = List.of(
                visitRow("visits.none", visits.none(), total, concluded.toBuilder().maxVisits(0).build()),
                visitRow("visits.once", visits.once(), total,
                        concluded.toBuilder().minVisits(1).maxVisits(1).build()),
                visitRow("visits.twice", visits.twice(), total,
                        concluded.toBuilder().minVisits(2).maxVisits(2).build()),
                visitRow("visits.more", visits.threeOrMore(), total, concluded.toBuilder().minVisits(3).build()));
        return table("visits", filter, List.of("column.visits", "column.cases", "column.share"), rows);
    }

    private List<Cell> visitRow(String label, long cases, long total, CaseFilter filter) {
        String href = Links.cases(filter);
        return List.of(Cell.text(labels.get(label)), Cell.count(cases, href), Cell.share(cases, total, href));
    }

    private Table waivers(DashboardFilter filter) {
        List<WaiverCount> counts = queries.waiversByBasis(filter);
        long total = counts.stream().mapToLong(WaiverCount::materials).sum();
        List<List<Cell>> rows = counts.stream().map(count -> {
            String href = Links.cases(filter.cases().toBuilder().waiverBasis(count.basis()).build());
            return List.of(Cell.text(labels.of("waiverBasis", count.basis())), Cell.count(count.materials(), href),
                    Cell.share(count.materials(), total, href));
        }).toList();
        return table("waivers", filter, List.of("column.waiverBasis", "column.materials", "column.share"), rows);
    }

    private Table complaints(DashboardFilter filter) {
        Complaints complaints = queries.complaints(filter);
        CaseFilter any = filter.cases().toBuilder().complaints(ComplaintFilter.ANY).build();
        CaseFilter resolved = filter.cases().toBuilder().complaints(ComplaintFilter.RESOLVED).build();
        CaseFilter unresolved = filter.cases().toBuilder().complaints(ComplaintFilter.UNRESOLVED).build();
        List<List<Cell>> rows = List.of(
                figure("complaints.lodged", Cell.count(complaints.lodged(), Links.cases(any))),
                figure("complaints.resolved", Cell.count(complaints.resolved(), Links.cases(resolved))),
                figure("complaints.unresolved", Cell.count(complaints.lodged() - complaints.resolved(),
                        Links.cases(unresolved))),
                figure("complaints.rate", Cell.share(complaints.resolved(), complaints.lodged(),
                        Links.cases(resolved))),
                figure("complaints.averageDays", Cell.decimal1(complaints.averageDaysToResolve(),
                        Links.cases(resolved))));
        return table("complaints", filter, List.of("column.figure", "column.value"), rows);
    }

    private Table ratings(Reads reads) {
        DashboardFilter filter = reads.filter();
        Ratings ratings = reads.ratings();
        String href = Links.cases(filter.cases().toBuilder().rated(true).build());
        List<List<Cell>> rows = List.of(
                figure("ratings.count", Cell.count(ratings.rated(), href)),
                figure("ratings.average", Cell.decimal2(ratings.average(), href)));
        return table("ratings", filter, List.of("column.figure", "column.value"), rows);
    }

    private Table ratingDistribution(Reads reads) {
        DashboardFilter filter = reads.filter();
        Ratings ratings = reads.ratings();
        List<List<Cell>> rows = new ArrayList<>();
        for (int score = 5; score >= 1; score--) {
            long cases = ratings.byScore().getOrDefault(score, 0L);
            String href = Links.cases(filter.cases().toBuilder().rating(score).build());
            rows.add(List.of(Cell.text(labels.get("rating.score." + score)), Cell.count(cases, href),
                    Cell.share(cases, ratings.rated(), href)));
        }
        return table("rating-distribution", filter, List.of("column.score", "column.ratings", "column.share"),
                rows);
    }

    private List<Cell> figure(String label, Cell value) {
        return List.of(Cell.text(labels.get(label)), value);
    }

    private Table table(String id, DashboardFilter filter, List<String> headerKeys, List<List<Cell>> rows) {
        List<String> headers = headerKeys.stream().map(labels::get).toList();
        return new Table(id, labels.get("table." + id + ".title"), headers, rows,
                labels.optional("table." + id + ".note"), Links.dashboardExport(id, filter), null);
    }

    /**
     * What one reading of the page's tables shares: the summary (whose counts of the overdue cases and those at risk
     * are also the totals of the two lists) and the ratings (two tables) are read once.
     */
    private final class Reads {

        private final DashboardFilter filter;
        private final Supplier<Summary> summary;
        private final Supplier<Ratings> ratings;

        Reads(DashboardFilter filter) {
            this.filter = filter;
            this.summary = SingletonSupplier.of(() -> queries.summary(filter));
            this.ratings = SingletonSupplier.of(() -> queries.ratings(filter));
        }

        DashboardFilter filter() {
            return filter;
        }

        Summary summary() {
            return summary.get();
        }

        Ratings ratings() {
            return ratings.get();
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b != null && b.isBefore(a) ? b : a;
    }
}
