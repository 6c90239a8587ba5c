package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.BundleInOperation;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.ChannelShare;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.ItemCount;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.dashboard.ReformTargets;
import cn.gov.lvliang.ledger.query.dashboard.ReformTargets.Target;
import cn.gov.lvliang.ledger.query.dashboard.TargetProgress;
import cn.gov.lvliang.ledger.query.dashboard.TargetProgress.Progress;
import cn.gov.lvliang.ledger.query.reference.DivisionView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of the targets page (目标与实际): each target of the plan against the ledger's actual, and the lists
 * the actuals are counted from. Where the ledger has no data for a target, the page says so rather than show a
 * number.
 */
@Component
public class TargetTables {

    private final TargetProgress progress;
    private final ReformTargets targets;
    private final DashboardQueries queries;
    private final LedgerQueries ledger;
    private final Labels labels;

    TargetTables(TargetProgress progress, ReformTargets targets, DashboardQueries queries, LedgerQueries ledger,
                 Labels labels) {
        this.progress = progress;
        this.targets = targets;
        this.queries = queries;
        this.ledger = ledger;
        this.labels = labels;
    }

    /** Every table of the page, in page order. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Table> all() {
        Map<String, Table> tables = new LinkedHashMap<>();
        builders().forEach((id, builder) -> tables.put(id, builder.get()));
        return tables;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Table> one(String id) {
        return Optional.ofNullable(builders().get(id)).map(Supplier::get);
    }

    private Map<String, Supplier<Table>> builders() {
        Map<String, Supplier<Table>> tables = new LinkedHashMap<>();
        tables.put("targets", this::targetsTable);
        for (int year : targets.years()) {
            tables.put("bundles-" + year, () -> bundles(year));
        }
        tables.put("transferred-items", this::transferredItems);
        tables.put("self-service", this::selfService);
        return tables;
    }

    private Table targetsTable() {
        List<List<Cell>> rows = new ArrayList<>();
        for (Progress p : progress.all()) {
            Target target = p.target();
            rows.add(List.of(
                    Cell.text(Integer.toString(target.year())),
                    Cell.text(labels.of("measure", target.measure())),
                    Cell.text(goal(target)),
                    p.actual() == null ? Cell.unbroken(labels.get("targets.noData"))
                            : Cell.count(p.actual(), drillDown(target)),
                    Cell.unbroken(labels.of("standing", p.standing())),
                    Cell.text(labels.of("measure.basis", target.measure())),
                    Cell.text(targets.source().document() + " " + target.clause() + "：" + target.quote())));
        }
        return table("targets", List.of("column.year", "column.target", "column.goal", "column.actual",
                "column.standing", "column.basis", "column.source"), rows,
                labels.get("table.targets.note", targets.source().document(), targets.source().issuedOn().toString(),
                        targets.source().publishedIn()));
    }

    private String goal(Target target) {
        return switch (target.comparison()) {
            case AT_LEAST -> labels.get("goal.atLeast", target.value(), labels.of("unit", target.measure()));
            case EXACTLY -> labels.get("goal.exactly", target.value(), labels.of("unit", target.measure()));
            case TEXT -> target.text();
        };
    }

    private String drillDown(Target target) {
        CaseFilter.Builder cases = CaseFilter.builder();
        return switch (target.measure()) {
            case BUNDLES_IN_OPERATION -> Links.cases(cases.bundleYear(target.year()).build());
            case CITY_WIDE_ITEMS -> Links.cases(cases.transfer(TransferMode.CITY_WIDE)
                    .transferYear(target.year()).build());
            case CROSS_CITY_ITEMS -> Links.cases(cases.transfer(TransferMode.CROSS_CITY)
                    .transferYear(target.year()).build());
            case MULTI_INDUSTRY_LICENCES, SELF_SERVICE_COVERAGE, POLICY_ITEMS, POLICY_PAYOUT_YUAN -> null;
        };
    }

    private Table bundles(int year) {
        List<List<Cell>> rows = new ArrayList<>();
        for (BundleInOperation bundle : queries.bundlesOfYear(year)) {
            rows.add(List.of(
                    Cell.text(bundle.code()),
                    Cell.text(bundle.name()),
                    Cell.text(bundle.leadUnit()),
                    Cell.count(bundle.cases(), Links.cases(CaseFilter.builder().bundle(bundle.code()).build())),
                    Cell.dateTime(CaseTables.beijing(bundle.firstSubmittedAt())),
                    Cell.text(labels.get(bundle.inOperation() ? "bundle.inOperation" : "bundle.notInOperation"))));
        }
        return new Table("bundles-" + year, labels.get("table.bundles.title", Integer.toString(year)),
                List.of(labels.get("column.bundleCode"), labels.get("column.bundle"), labels.get("column.leadUnit"),
                        labels.get("column.cases"), labels.get("column.firstCase"),
                        labels.get("column.inOperation")),
                rows, labels.get("table.bundles.note"), Links.targetsExport("bundles-" + year), null);
    }

    private Table transferredItems() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int year : targets.years()) {
            for (TransferMode mode : TransferMode.values()) {
                for (ItemCount item : queries.transferredItems(mode, year)) {
                    rows.add(List.of(
                            Cell.text(Integer.toString(year)),
                            Cell.text(labels.of("transfer", mode)),
                            Cell.text(item.name()),
                            Cell.count(item.cases(), Links.cases(CaseFilter.builder().transfer(mode)
                                    .transferYear(year).item(item.name()).build()))));
                }
            }
        }
        return table("transferred-items", List.of("column.year", "column.transfer", "column.item",
                "column.cases"), rows, labels.get("table.transferred-items.note"));
    }

    private Table selfService() {
        List<Integer> years = targets.years();
        Map<Integer, Map<String, ChannelShare>> byYear = new LinkedHashMap<>();
        for (int year : years) {
            Map<String, ChannelShare> shares = new LinkedHashMap<>();
            queries.selfServiceByDivision(year).forEach(share -> shares.put(share.division(), share));
            byYear.put(year, shares);
        }
        List<String> codes = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (DivisionView division : ledger.divisions()) {
            codes.add(division.code());
            names.put(division.code(), division.name());
        }
        byYear.values().forEach(shares -> shares.keySet().stream().filter(code -> !codes.contains(code))
                .forEach(codes::add));
        List<List<Cell>> rows = new ArrayList<>();
        for (String code : codes) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(names.getOrDefault(code, code)));
            for (int year : years) {
                ChannelShare share = byYear.get(year).get(code);
                CaseFilter cases = CaseFilter.builder().division(code).from(LocalDate.of(year, 1, 1))
                        .to(LocalDate.of(year, 12, 31)).build();
                String kioskHref = Links.cases(cases.toBuilder().channel(Channel.SELF_SERVICE_TERMINAL).build());
                long kiosk = share == null ? 0 : share.channelCases();
                long all = share == null ? 0 : share.cases();
                row.add(Cell.count(kiosk, kioskHref));
                row.add(Cell.count(all, Links.cases(cases)));
                row.add(Cell.share(kiosk, all, kioskHref));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add(labels.get("column.county"));
        for (int year : years) {
            headers.add(labels.get("column.selfServiceCases", Integer.toString(year)));
            headers.add(labels.get("column.allCases", Integer.toString(year)));
            headers.add(labels.get("column.selfServiceShare", Integer.toString(year)));
        }
        return new Table("self-service", labels.get("table.self-service.title"), headers, rows,
                labels.get("table.self-service.note"), Links.targetsExport("self-service"), null);
    }

    private Table table(String id, List<String> headerKeys, List<List<Cell>> rows, String note) {
        return new Table(id, labels.get("table." + id + ".title"), headerKeys.stream().map(labels::get).toList(),
                rows, note, Links.targetsExport(id), null);
    }
}
