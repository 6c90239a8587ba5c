package cn.gov.lvliang.ledger.query.dashboard;

import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseSummary;
import cn.gov.lvliang.ledger.query.bundle.CaseLines;
import cn.gov.lvliang.ledger.query.bundle.CaseTally.Measure;
import cn.gov.lvliang.ledger.query.bundle.ComplaintTotals;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.dashboard.TallySums.Sums;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboards' figures: read-only SQL over the bundle-case, catalog and reference read models, for what the
 * query handlers do not answer (counts grouped by a dimension, shares, averages, and the case list with the filters
 * the list query lacks). Every figure is over the cases a {@link DashboardFilter} selects, so that it equals the
 * total of the case list it drills down to. The SQL runs on PostgreSQL and on H2 in PostgreSQL mode.
 *
 * <p>The home dashboard's figures come from the bundle-case projection's tally ({@code bundle_case_tally}) for the
 * whole months of their period, and from the case rows only for the days of a month the period covers in part, so
 * that they take the same few milliseconds at a million cases as at a hundred.
 */
@Component
public class DashboardQueries {

    /** The latest published catalog, whose lists of the year the targets are measured against. */
    private static final String LATEST_CATALOG = "(SELECT MAX(version) FROM catalog_publication)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TallySums tally;

    DashboardQueries(JdbcClient jdbc, Clock clock, TallySums tally) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tally = tally;
    }

    // ---- the dashboard home --------------------------------------------------------------------------------------
    //
    // Each figure is summed from the tally over the period's whole months and counted from the case rows over the
    // days before and after them (MonthSplit). A dashboard without a period, or over whole months, reads no case row
    // but the few at risk today, whose count depends on the day and is never tallied.

    /** The headline figures. */
    public Summary summary(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Sums sums = tally.of(filter, split, Measure.CASES, Measure.STATUS, Measure.OVERDUE, Measure.CONCLUDED_VISITS,
                Measure.MATERIALS_SUBMITTED, Measure.MATERIALS_WAIVED);
        Summary summary = new Summary(
                sums.total(Measure.CASES),
                sums.get(Measure.STATUS, CaseStatus.CONCLUDED.name()),
                sums.get(Measure.CONCLUDED_VISITS, "0") + sums.get(Measure.CONCLUDED_VISITS, "1"),
                sums.total(Measure.OVERDUE),
                atRisk(filter),
                sums.total(Measure.MATERIALS_SUBMITTED) + sums.total(Measure.MATERIALS_WAIVED),
                sums.total(Measure.MATERIALS_WAIVED));
        for (DashboardFilter part : split.partMonths()) {
            summary = summary.plus(summaryOfCases(part));
        }
        return summary;
    }

    /** Cases by status, in the order of a case's life; statuses without cases are left out. */
    public List<Count> byStatus(DashboardFilter filter) {
        return inOrder(CaseStatus.values(), keyed(filter, Measure.STATUS, "c.status"));
    }

    /** Cases by channel, in the order the channels are declared; channels without cases are left out. */
    public List<Count> byChannel(DashboardFilter filter) {
        return inOrder(Channel.values(), keyed(filter, Measure.CHANNEL, "c.channel"));
    }

    /** Cases by the division now handling them, with how many ended concluded and how many went overdue. */
    public List<DivisionCount> byDivision(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Map<String, DivisionCount> divisions = new TreeMap<>();
        tally.byDivision(filter, split, Measure.STATUS, CaseStatus.CONCLUDED.name(), Measure.CASES, Measure.OVERDUE)
                .forEach((division, sums) -> divisions.put(division, new DivisionCount(division,
                        sums.total(Measure.CASES), sums.get(Measure.STATUS, CaseStatus.CONCLUDED.name()),
                        sums.total(Measure.OVERDUE))));
        for (DashboardFilter part : split.partMonths()) {
            for (DivisionCount count : byDivisionOfCases(part)) {
                divisions.merge(count.division(), count, DivisionCount::plus);
            }
        }
        return List.copyOf(divisions.values());
    }

    /** Cases by bundle, the most used first, named as the catalog version of their cases prints them. */
    public List<Count> byBundle(DashboardFilter filter) {
        return busiestFirst(filter, tally::byBundle, this::byBundleOfCases);
    }

    /**
     * Cases by lead unit, the busiest first, named as the reference data names the unit (or, for a unit it does
     * not know, as the catalog prints the bundle's lead unit). Cases recorded without a lead unit have a null key.
     */
    public List<Count> byLeadUnit(DashboardFilter filter) {
        return busiestFirst(filter, tally::byLeadUnit, this::byLeadUnitOfCases);
    }

    /** Cases by the month of their submission in Beijing time, oldest first; months without cases are left out. */
    public List<MonthCount> byMonth(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Map<YearMonth, Long> months = new TreeMap<>();
        tally.casesByMonth(filter, split).forEach((month, cases) -> months.put(YearMonth.from(month), cases));
        for (DashboardFilter part : split.partMonths()) {
            for (MonthCount count : byMonthOfCases(part)) {
                months.merge(count.month(), count.cases(), Long::sum);
            }
        }
        List<MonthCount> result = new ArrayList<>();
        months.forEach((month, cases) -> result.add(new MonthCount(month, cases)));
        return result;
    }

    /** How many times applicants of concluded cases came in person: none, once, twice, three times or more. */
    public Visits visitsOfConcludedCases(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Sums sums = tally.of(filter, split, Measure.CONCLUDED_VISITS);
        Visits visits = new Visits(sums.get(Measure.CONCLUDED_VISITS, "0"), sums.get(Measure.CONCLUDED_VISITS, "1"),
                sums.get(Measure.CONCLUDED_VISITS, "2"), sums.get(Measure.CONCLUDED_VISITS, "3"));
        for (DashboardFilter part : split.partMonths()) {
            visits = visits.plus(visitsOfConcludedCasesOfCases(part));
        }
        return visits;
    }

    /** Materials the applicants did not have to submit (免予提交), by how the government obtained them. */
    public List<WaiverCount> waiversByBasis(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Map<String, Long> counts = new HashMap<>(tally.of(filter, split, Measure.WAIVER_BASIS)
                .byKey(Measure.WAIVER_BASIS));
        for (DashboardFilter part : split.partMonths()) {
            waiversByBasisOfCases(part).forEach((basis, materials) -> counts.merge(basis, materials, Long::sum));
        }
        List<WaiverCount> result = new ArrayList<>();
        for (WaiverBasis basis : WaiverBasis.values()) {
            Long materials = counts.get(basis.name());
            if (materials != null && materials != 0) {
                result.add(new WaiverCount(basis, materials));
            }
        }
        return result;
    }

    /**
     * Complaints at the "could not get it done" window (办不成事反映) about the selected cases: lodged, resolved, and
     * the average time from lodging to resolution in calendar days.
     */
    public Complaints complaints(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Sums sums = tally.of(filter, split, Measure.COMPLAINTS_LODGED, Measure.COMPLAINTS_RESOLVED,
                Measure.COMPLAINT_RESOLUTION_SECONDS);
        ComplaintTotals totals = new ComplaintTotals(sums.total(Measure.COMPLAINTS_LODGED),
                sums.total(Measure.COMPLAINTS_RESOLVED), sums.total(Measure.COMPLAINT_RESOLUTION_SECONDS));
        for (DashboardFilter part : split.partMonths()) {
            totals = totals.plus(complaintsOfCases(part));
        }
        return new Complaints(totals.lodged(), totals.resolved(), totals.averageDaysToResolve());
    }

    /** The applicants' ratings (好差评): how many, their sum, and how many of each score. */
    public Ratings ratings(DashboardFilter filter) {
        MonthSplit split = MonthSplit.of(filter);
        Map<Integer, Long> byScore = new HashMap<>();
        tally.of(filter, split, Measure.RATING).byKey(Measure.RATING)
                .forEach((score, cases) -> byScore.put(Integer.valueOf(score), cases));
        for (DashboardFilter part : split.partMonths()) {
            ratingsOfCases(part).forEach((score, cases) -> byScore.merge(score, cases, Long::sum));
        }
        byScore.values().removeIf(cases -> cases == 0);
        long rated = byScore.values().stream().mapToLong(Long::longValue).sum();
        long sum = byScore.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        return new Ratings(rated, sum, Map.copyOf(byScore));
    }

    /** Cases at risk today: not in the tally, since today moves; the at-risk rule finds them by status. */
    private long atRisk(DashboardFilter filter) {
        Where where = Where.of(filter, clock).and(CaseLines.AT_RISK);
        return jdbc.sql("SELECT COUNT(*) FROM bundle_case c " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** Counts by the keys of a measure: from the tally, plus the part months' from a column of the case rows. */
    private Map<String, Long> keyed(DashboardFilter filter, Measure measure, String column) {
        MonthSplit split = MonthSplit.of(filter);
        Map<String, Long> counts = new HashMap<>(tally.of(filter, split, measure).byKey(measure));
        for (DashboardFilter part : split.partMonths()) {
            grouped(column, part).forEach((key, cases) -> counts.merge(key, cases, Long::sum));
        }
        counts.values().removeIf(cases -> cases == 0);
        return counts;
    }

    /** The counts in the order of the enum's constants, then any key it does not know, in key order. */
    private static List<Count> inOrder(Enum<?>[] order, Map<String, Long> counts) {
        Map<String, Long> left = new TreeMap<>(counts);
        List<Count> result = new ArrayList<>();
        for (Enum<?> constant : order) {
            Long cases = left.remove(constant.name());
            if (cases != null) {
                result.add(new Count(constant.name(), null, cases));
            }
        }
        left.forEach((key, cases) -> result.add(new Count(key, null, cases)));
        return result;
    }

    /**
     * The counts from the tally and from the part months' case rows, those of the same key added up and named by the
     * greatest of their names (as SQL's MAX names a group), the most cases first, then by key with a null key last.
     */
    private static List<Count> busiestFirst(DashboardFilter filter,
                                            BiFunction<DashboardFilter, MonthSplit, List<Count>> tallied,
                                            Function<DashboardFilter, List<Count>> counted) {
        MonthSplit split = MonthSplit.of(filter);
        List<Count> counts = new ArrayList<>(tallied.apply(filter, split));
        split.partMonths().forEach(part -> counts.addAll(counted.apply(part)));
        Map<String, Count> byKey = new HashMap<>();
        List<Count> nullKey = new ArrayList<>();
        for (Count count : counts) {
            if (count.key() == null) {
                nullKey.add(count);
            } else {
                byKey.merge(count.key(), count, Count::plus);
            }
        }
        List<Count> result = new ArrayList<>(byKey.values());
        nullKey.stream().reduce(Count::plus).ifPresent(result::add);
        result.removeIf(count -> count.cases() == 0);
        result.sort(Comparator.comparingLong(Count::cases).reversed()
                .thenComparing(Count::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    // ---- the same figures from the case rows, for the days outside whole months ------------------------------------

    private Summary summaryOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        return jdbc.sql("""
                        SELECT COUNT(*) AS cases,
                               SUM(CASE WHEN c.status = 'CONCLUDED' THEN 1 ELSE 0 END) AS concluded,
                               SUM(CASE WHEN c.status = 'CONCLUDED' AND c.visit_count <= 1 THEN 1 ELSE 0 END)
                                   AS concluded_one_visit,
                               SUM(CASE WHEN c.overdue THEN 1 ELSE 0 END) AS overdue,
                               SUM(c.materials_submitted + c.materials_waived) AS materials,
                               SUM(c.materials_waived) AS waived
                        FROM bundle_case c
                        """ + where.sql())
                .params(where.params())
                .query((row, rowNumber) -> new Summary(
                        row.getLong("cases"),
                        row.getLong("concluded"),
                        row.getLong("concluded_one_visit"),
                        row.getLong("overdue"),
                        0,
                        row.getLong("materials"),
                        row.getLong("waived")))
                .single();
    }

    private List<DivisionCount> byDivisionOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        return jdbc.sql("""
                        SELECT c.division_code, COUNT(*) AS cases,
                               SUM(CASE WHEN c.status = 'CONCLUDED' THEN 1 ELSE 0 END) AS concluded,
                               SUM(CASE WHEN c.overdue THEN 1 ELSE 0 END) AS overdue
                        FROM bundle_case c
                        """ + where.sql() + " GROUP BY c.division_code")
                .params(where.params())
                .query((row, rowNumber) -> new DivisionCount(
                        row.getString("division_code"),
                        row.getLong("cases"),
                        row.getLong("concluded"),
                        row.getLong("overdue")))
                .list();
    }

    private List<Count> byBundleOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        return jdbc.sql("""
                        SELECT c.bundle_code AS code, MAX(b.name) AS name, COUNT(*) AS cases
                        FROM bundle_case c
                        LEFT JOIN catalog_bundle b ON b.catalog_version = c.catalog_version
                            AND b.code = c.bundle_code
                        """ + where.sql() + " GROUP BY c.bundle_code")
                .params(where.params())
                .query((row, rowNumber) -> new Count(row.getString("code"), row.getString("name"),
                        row.getLong("cases")))
                .list();
    }

    private List<Count> byLeadUnitOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        return jdbc.sql("""
                        SELECT c.lead_unit AS code, MAX(COALESCE(lu.name, b.lead_unit)) AS name, COUNT(*) AS cases
                        FROM bundle_case c
                        LEFT JOIN reference_unit lu ON lu.code = c.lead_unit
                        LEFT JOIN catalog_bundle b ON b.catalog_version = c.catalog_version
                            AND b.code = c.bundle_code
                        """ + where.sql() + " GROUP BY c.lead_unit")
                .params(where.params())
                .query((row, rowNumber) -> new Count(row.getString("code"), row.getString("name"),
                        row.getLong("cases")))
                .list();
    }

    private List<MonthCount> byMonthOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        // Beijing has kept UTC+8 without daylight saving since 1991, and both databases convert with AT TIME ZONE.
        String months = """
                SELECT EXTRACT(YEAR FROM (c.submitted_at AT TIME ZONE 'Asia/Shanghai')) AS y,
                       EXTRACT(MONTH FROM (c.submitted_at AT TIME ZONE 'Asia/Shanghai')) AS m
                FROM bundle_case c
                """ + where.sql();
        return jdbc.sql("SELECT y, m, COUNT(*) AS cases FROM (" + months + ") months GROUP BY y, m")
                .params(where.params())
                .query((row, rowNumber) -> new MonthCount(YearMonth.of(row.getInt("y"), row.getInt("m")),
                        row.getLong("cases")))
                .list();
    }

    private Visits visitsOfConcludedCasesOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock).and("c.status = 'CONCLUDED'");
        return jdbc.sql("""
                        SELECT SUM(CASE WHEN c.visit_count = 0 THEN 1 ELSE 0 END) AS none,
                               SUM(CASE WHEN c.visit_count = 1 THEN 1 ELSE 0 END) AS once,
                               SUM(CASE WHEN c.visit_count = 2 THEN 1 ELSE 0 END) AS twice,
                               SUM(CASE WHEN c.visit_count >= 3 THEN 1 ELSE 0 END) AS more
                        FROM bundle_case c
                        """ + where.sql())
                .params(where.params())
                .query((row, rowNumber) -> new Visits(row.getLong("none"), row.getLong("once"),
                        row.getLong("twice"), row.getLong("more")))
                .single();
    }

    private Map<String, Long> waiversByBasisOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock).and("m.disposition = 'WAIVED'");
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT m.waiver_basis AS basis, COUNT(*) AS materials
                        FROM bundle_case_material m
                        JOIN bundle_case c ON c.case_id = m.case_id
                        """ + where.sql() + " GROUP BY m.waiver_basis")
                .params(where.params())
                .query((row, rowNumber) -> counts.put(row.getString("basis"), row.getLong("materials")))
                .list();
        return counts;
    }

    private ComplaintTotals complaintsOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        return jdbc.sql("""
                        SELECT k.lodged_at, k.resolved_at
                        FROM bundle_case_complaint k
                        JOIN bundle_case c ON c.case_id = k.case_id
                        """ + where.sql())
                .params(where.params())
                .query((row, rowNumber) -> ComplaintTotals.NONE.plus(
                        row.getObject("lodged_at", OffsetDateTime.class),
                        row.getObject("resolved_at", OffsetDateTime.class)))
                .list()
                .stream()
                .reduce(ComplaintTotals.NONE, ComplaintTotals::plus);
    }

    private Map<Integer, Long> ratingsOfCases(DashboardFilter filter) {
        Where where = Where.of(filter, clock).and("c.rating_score IS NOT NULL");
        Map<Integer, Long> byScore = new HashMap<>();
        jdbc.sql("SELECT c.rating_score AS score, COUNT(*) AS cases FROM bundle_case c " + where.sql()
                        + " GROUP BY c.rating_score")
                .params(where.params())
                .query((row, rowNumber) -> byScore.put(row.getInt("score"), row.getLong("cases")))
                .list();
        return byScore;
    }

    // ---- targets against actuals ---------------------------------------------------------------------------------

    /**
     * The bundles of one year's list in the latest published catalog, in printed order, each with the cases the
     * ledger holds for it (of any catalog version, submitted at any time) and the first submission.
     */
    public List<BundleInOperation> bundlesOfYear(int year) {
        return jdbc.sql("""
                        SELECT b.code, b.seq, b.name, b.lead_unit, COUNT(c.case_id) AS cases,
                               MIN(c.submitted_at) AS first_submitted_at
                        FROM catalog_bundle b
                        LEFT JOIN bundle_case c ON c.bundle_code = b.code
                        WHERE b.catalog_version = %s AND b.target_year = :year
                        GROUP BY b.code, b.seq, b.name, b.lead_unit
                        ORDER BY b.seq, b.code""".formatted(LATEST_CATALOG))
                .param("year", year)
                .query((row, rowNumber) -> new BundleInOperation(
                        row.getString("code"),
                        row.getInt("seq"),
                        row.getString("name"),
                        row.getString("lead_unit"),
                        row.getLong("cases"),
                        instant(row, "first_submitted_at")))
                .list();
    }

    /**
     * The distinct items (by name, as the case's bundle lists them) of the cases transferred with the given mode
     * within the year (Beijing time), each with the number of those cases; the most handled first.
     */
    public List<ItemCount> transferredItems(TransferMode mode, int year) {
        return jdbc.sql("""
                        SELECT i.name, COUNT(DISTINCT t.case_id) AS cases
                        FROM bundle_case_transfer t
                        JOIN bundle_case_item i ON i.case_id = t.case_id
                        WHERE t.mode = :mode AND t.transferred_at >= :start AND t.transferred_at < :end
                        GROUP BY i.name
                        ORDER BY cases DESC, i.name""")
                .param("mode", mode.name())
                .param("start", utc(BusinessDay.startOf(LocalDate.of(year, 1, 1))))
                .param("end", utc(BusinessDay.startOf(LocalDate.of(year + 1, 1, 1))))
                .query((row, rowNumber) -> new ItemCount(row.getString("name"), row.getLong("cases")))
                .list();
    }

    /** Cases submitted within the year (Beijing time) through a self-service terminal and in all, per division. */
    public List<ChannelShare> selfServiceByDivision(int year) {
        DashboardFilter filter = new DashboardFilter(null, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Where where = Where.of(filter, clock);
        return jdbc.sql("""
                        SELECT c.division_code,
                               SUM(CASE WHEN c.channel = 'SELF_SERVICE_TERMINAL' THEN 1 ELSE 0 END) AS self_service,
                               COUNT(*) AS cases
                        FROM bundle_case c
                        """ + where.sql() + " GROUP BY c.division_code ORDER BY c.division_code")
                .params(where.params())
                .query((row, rowNumber) -> new ChannelShare(row.getString("division_code"),
                        row.getLong("self_service"), row.getLong("cases")))
                .list();
    }

    // ---- the case list with the dashboards' own filters ----------------------------------------------------------

    /**
     * One page of the cases a filter selects, newest first, with the same lines as the case list query; for the
     * filters it lacks (visits, waivers, complaints, ratings, transfers, items, the year's list).
     */
    public BundleCasePage listCases(CaseFilter filter, int page, int size) {
        Where where = Where.of(filter, clock);
        long total = jdbc.sql("SELECT COUNT(*) FROM bundle_case c " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<BundleCaseSummary> items = jdbc.sql(CaseLines.SELECT_WITH_NAMES + where.sql()
                        + " ORDER BY c.submitted_at DESC, c.case_id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(CaseLines::summary)
                .list();
        return new BundleCasePage(items, page, size, total);
    }

    private Map<String, Long> grouped(String column, DashboardFilter filter) {
        Where where = Where.of(filter, clock);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS cases FROM bundle_case c " + where.sql()
                        + " GROUP BY " + column + " ORDER BY " + column)
                .params(where.params())
                .query((row, rowNumber) -> counts.put(row.getString("k"), row.getLong("cases")))
                .list();
        return counts;
    }

    /** A WHERE clause over {@code bundle_case c}, built from fixed fragments with every value bound. */
    private static final class Where {

        private final StringBuilder sql = new StringBuilder("WHERE 1 = 1");
        private final Map<String, Object> params = new HashMap<>();

        static Where of(DashboardFilter filter, Clock clock) {
            return of(filter.cases(), clock);
        }

        static Where of(CaseFilter filter, Clock clock) {
            Where where = new Where();
            // The at-risk rule may appear in the select list, so today is always bound.
            where.params.put("today", BusinessDay.today(clock));
            where.equal("c.division_code", "division", filter.division());
            where.equal("c.bundle_code", "bundle", filter.bundle());
            where.equal("c.lead_unit", "leadUnit", filter.leadUnit());
            if (!filter.statuses().isEmpty()) {
                where.and("c.status IN (:statuses)");
                where.params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
            }
            where.equal("c.channel", "channel", filter.channel() == null ? null : filter.channel().name());
            if (filter.overdue() != null) {
                where.and(filter.overdue() ? "c.overdue" : "NOT c.overdue");
            }
            if (filter.atRisk() != null) {
                // As the list query has it: the rule itself where it must hold, which the status index serves; the
                // CASE form where it must not, so that a missing at-risk date counts as not at risk.
                where.and(filter.atRisk() ? CaseLines.AT_RISK : CaseLines.AT_RISK_COLUMN + " = FALSE");
            }
            if (filter.from() != null) {
                where.and("c.submitted_at >= :from");
                where.params.put("from", utc(BusinessDay.startOf(filter.from())));
            }
            if (filter.to() != null) {
                where.and("c.submitted_at < :toExclusive");
                where.params.put("toExclusive", utc(BusinessDay.startOf(filter.to().plusDays(1))));
            }
            if (filter.minVisits() != null) {
                where.and("c.visit_count >= :minVisits");
                where.params.put("minVisits", filter.minVisits());
            }
            if (filter.maxVisits() != null) {
                where.and("c.visit_count <= :maxVisits");
                where.params.put("maxVisits", filter.maxVisits());
            }
            if (filter.waived() != null) {
                where.and(filter.waived() ? "c.materials_waived > 0" : "c.materials_waived = 0");
            }
            if (filter.waiverBasis() != null) {
                where.and("EXISTS (SELECT 1 FROM bundle_case_material m WHERE m.case_id = c.case_id"
                        + " AND m.disposition = 'WAIVED' AND m.waiver_basis = :waiverBasis)");
                where.params.put("waiverBasis", filter.waiverBasis().name());
            }
            if (filter.complaints() != null) {
                where.and(switch (filter.complaints()) {
                    case ANY -> "c.complaints_total > 0";
                    case RESOLVED -> "EXISTS (SELECT 1 FROM bundle_case_complaint k WHERE k.case_id = c.case_id"
                            + " AND k.resolved_at IS NOT NULL)";
                    case UNRESOLVED -> "EXISTS (SELECT 1 FROM bundle_case_complaint k WHERE k.case_id = c.case_id"
                            + " AND k.resolved_at IS NULL)";
                });
            }
            if (filter.rated() != null) {
                where.and(filter.rated() ? "c.rating_score IS NOT NULL" : "c.rating_score IS NULL");
            }
            where.equal("c.rating_score", "rating", filter.rating());
            if (filter.transfer() != null || filter.transferYear() != null) {
                StringBuilder transfer = new StringBuilder(
                        "EXISTS (SELECT 1 FROM bundle_case_transfer t WHERE t.case_id = c.case_id");
                if (filter.transfer() != null) {
                    transfer.append(" AND t.mode = :transferMode");
                    where.params.put("transferMode", filter.transfer().name());
                }
                if (filter.transferYear() != null) {
                    transfer.append(" AND t.transferred_at >= :transferStart AND t.transferred_at < :transferEnd");
                    where.params.put("transferStart",
                            utc(BusinessDay.startOf(LocalDate.of(filter.transferYear(), 1, 1))));
                    where.params.put("transferEnd",
                            utc(BusinessDay.startOf(LocalDate.of(filter.transferYear() + 1, 1, 1))));
                }
                where.and(transfer.append(")").toString());
            }
            if (filter.item() != null) {
                where.and("EXISTS (SELECT 1 FROM bundle_case_item i WHERE i.case_id = c.case_id AND i.name = :item)");
                where.params.put("item", filter.item());
            }
            if (filter.bundleYear() != null) {
                where.and("c.bundle_code IN (SELECT b2.code FROM catalog_bundle b2 WHERE b2.catalog_version = "
                        + LATEST_CATALOG + " AND b2.target_year = :bundleYear)");
                where.params.put("bundleYear", filter.bundleYear());
            }
            return where;
        }

        Where and(String condition) {
            sql.append(" AND ").append(condition);
            return this;
        }

        private void equal(String column, String parameter, Object value) {
            if (value != null) {
                and(column + " = :" + parameter);
                params.put(parameter, value);
            }
        }

        String sql() {
            return sql.toString();
        }

        Map<String, Object> params() {
            return params;
        }
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    /**
     * The headline figures.
     *
     * @param cases             cases selected
     * @param concluded         of them concluded
     * @param concludedOneVisit concluded with at most one visit in person (最多跑一次)
     * @param overdue           that went overdue
     * @param atRisk            at risk today
     * @param materials         materials recorded, submitted or waived
     * @param materialsWaived   of them waived (免予提交)
     */
    public record Summary(long cases, long concluded, long concludedOneVisit, long overdue, long atRisk,
                          long materials, long materialsWaived) {

        Summary plus(Summary other) {
            return new Summary(cases + other.cases, concluded + other.concluded,
                    concludedOneVisit + other.concludedOneVisit, overdue + other.overdue, atRisk + other.atRisk,
                    materials + other.materials, materialsWaived + other.materialsWaived);
        }
    }

    /** A number of cases under a key (a status, a channel, a bundle code, a unit code), with a name if it has one. */
    public record Count(String key, String name, long cases) {

        /** The two counts of one key added up, under the greater of their names. */
        Count plus(Count other) {
            String greater = name == null || (other.name != null && other.name.compareTo(name) > 0) ? other.name : name;
            return new Count(key, greater, cases + other.cases);
        }
    }

    /** Cases of one division, of them concluded and overdue. */
    public record DivisionCount(String division, long cases, long concluded, long overdue) {

        DivisionCount plus(DivisionCount other) {
            return new DivisionCount(division, cases + other.cases, concluded + other.concluded,
                    overdue + other.overdue);
        }
    }

    /** Cases submitted in one month. */
    public record MonthCount(YearMonth month, long cases) {
    }

    /** Concluded cases by the number of visits in person. */
    public record Visits(long none, long once, long twice, long threeOrMore) {

        Visits plus(Visits other) {
            return new Visits(none + other.none, once + other.once, twice + other.twice,
                    threeOrMore + other.threeOrMore);
        }

        public long total() {
            return none + once + twice + threeOrMore;
        }
    }

    /** Waived materials on one basis. */
    public record WaiverCount(WaiverBasis basis, long materials) {
    }

    /**
     * Complaints about the selected cases.
     *
     * @param lodged              complaints lodged
     * @param resolved            of them resolved
     * @param averageDaysToResolve calendar days from lodging to resolution, on average over the resolved ones; null
     *                            if none is resolved
     */
    public record Complaints(long lodged, long resolved, Double averageDaysToResolve) {
    }

    /** Ratings of the selected cases: how many, the sum of their scores, and how many of each score (1 to 5). */
    public record Ratings(long rated, long scoreSum, Map<Integer, Long> byScore) {

        public Double average() {
            return rated == 0 ? null : (double) scoreSum / rated;
        }
    }

    /** A bundle of a year's list with the cases the ledger holds for it. */
    public record BundleInOperation(String code, int seq, String name, String leadUnit, long cases,
                                    Instant firstSubmittedAt) {

        public boolean inOperation() {
            return cases > 0;
        }
    }

    /** An item and the number of cases behind it. */
    public record ItemCount(String name, long cases) {
    }

    /** Cases of one division through one channel, and in all. */
    public record ChannelShare(String division, long channelCases, long cases) {
    }
}
