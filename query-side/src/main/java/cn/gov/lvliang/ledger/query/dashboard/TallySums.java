package cn.gov.lvliang.ledger.query.dashboard;

import cn.gov.lvliang.ledger.query.bundle.CaseTally;
import cn.gov.lvliang.ledger.query.bundle.CaseTally.Measure;
import cn.gov.lvliang.ledger.query.dashboard.DashboardQueries.Count;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of the dashboards' tally ({@link CaseTally}) over the whole months of a period, cut to a division and a lead
 * unit as a {@link DashboardFilter} cuts the cases. Each sum reads the tally's counts kept for that cut: over all
 * divisions ({@link CaseTally#ALL}) unless the filter names one or the sums are per division, and likewise for lead
 * units. A period without whole months sums to nothing.
 */
@Component
class TallySums {

    private final JdbcClient jdbc;

    TallySums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sums of the given measures by key. */
    Sums of(DashboardFilter filter, MonthSplit split, Measure... measures) {
        return grouped(Per.NONE, filter, split, null, null, measures).getOrDefault("", Sums.NONE);
    }

    /**
     * The sums per division of the given measures by key, and of {@code keyed} only its count under {@code key}
     * (the county table shows one status of all; the others would more than double the rows it reads).
     */
    Map<String, Sums> byDivision(DashboardFilter filter, MonthSplit split, Measure keyed, String key,
                                 Measure... measures) {
        return grouped(Per.DIVISION, filter, split, keyed, key, measures);
    }

    /** Cases per month, by the first day of the month. */
    Map<LocalDate, Long> casesByMonth(DashboardFilter filter, MonthSplit split) {
        Map<LocalDate, Long> months = new TreeMap<>();
        if (!split.wholeMonths()) {
            return months;
        }
        Where where = Where.of(filter, split, Per.NONE, Measure.CASES);
        jdbc.sql("SELECT t.submitted_month AS first_day, SUM(t.n) AS n FROM bundle_case_tally t " + where.sql
                        + " GROUP BY t.submitted_month")
                .params(where.params)
                .query((row, rowNumber) -> months.put(row.getObject("first_day", LocalDate.class), row.getLong("n")))
                .list();
        return months;
    }

    /** Cases per bundle code, named as the catalog version of their cases prints them. */
    List<Count> byBundle(DashboardFilter filter, MonthSplit split) {
        if (!split.wholeMonths()) {
            return List.of();
        }
        Where where = Where.of(filter, split, Per.NONE, Measure.BUNDLE);
        return jdbc.sql("""
                        SELECT t.tally_key AS code, MAX(b.name) AS name, SUM(t.n) AS n
                        FROM bundle_case_tally t
                        LEFT JOIN catalog_bundle b ON b.catalog_version = t.catalog_version AND b.code = t.tally_key
                        """ + where.sql + " GROUP BY t.tally_key")
                .params(where.params)
                .query((row, rowNumber) -> new Count(row.getString("code"), row.getString("name"), row.getLong("n")))
                .list();
    }

    /**
     * Cases per lead unit (null for none), named as the reference data names the unit or else as the catalog prints
     * the lead unit of the cases' bundles.
     */
    List<Count> byLeadUnit(DashboardFilter filter, MonthSplit split) {
        if (!split.wholeMonths()) {
            return List.of();
        }
        Where where = Where.of(filter, split, Per.LEAD_UNIT, Measure.BUNDLE);
        return jdbc.sql("""
                        SELECT t.lead_unit AS code, MAX(COALESCE(lu.name, b.lead_unit)) AS name, SUM(t.n) AS n
                        FROM bundle_case_tally t
                        LEFT JOIN reference_unit lu ON lu.code = t.lead_unit
                        LEFT JOIN catalog_bundle b ON b.catalog_version = t.catalog_version AND b.code = t.tally_key
                        """ + where.sql + " GROUP BY t.lead_unit")
                .params(where.params)
                .query((row, rowNumber) -> {
                    String code = row.getString("code");
                    return new Count(CaseTally.NO_LEAD_UNIT.equals(code) ? null : code, row.getString("name"),
                            row.getLong("n"));
                })
                .list();
    }

    /**
     * Sums by measure and key, per division if asked ({@code ""} for all if not); of {@code keyed}, if given, only
     * the counts under {@code key}.
     */
    private Map<String, Sums> grouped(Per per, DashboardFilter filter, MonthSplit split, Measure keyed, String key,
                                      Measure... measures) {
        Map<String, Map<Measure, Map<String, Long>>> groups = new HashMap<>();
        if (!split.wholeMonths()) {
            return Map.of();
        }
        Where where = Where.of(filter, split, per, keyed, key, measures);
        boolean perDivision = per == Per.DIVISION;
        String columns = perDivision ? "t.division_code, t.measure, t.tally_key" : "t.measure, t.tally_key";
        jdbc.sql("SELECT " + columns + ", SUM(t.n) AS n FROM bundle_case_tally t " + where.sql + " GROUP BY " + columns)
                .params(where.params)
                .query((row, rowNumber) -> groups.computeIfAbsent(perDivision ? row.getString(1) : "",
                                g -> new EnumMap<>(Measure.class))
                        .computeIfAbsent(Measure.valueOf(row.getString("measure")), m -> new HashMap<>())
                        .put(row.getString("tally_key"), row.getLong("n")))
                .list();
        Map<String, Sums> sums = new TreeMap<>();
        groups.forEach((g, values) -> sums.put(g, new Sums(values)));
        return sums;
    }

    /** Sums by measure and key. */
    record Sums(Map<Measure, Map<String, Long>> values) {

        static final Sums NONE = new Sums(Map.of());

        long get(Measure measure, String key) {
            return values.getOrDefault(measure, Map.of()).getOrDefault(key, 0L);
        }

        long total(Measure measure) {
            return values.getOrDefault(measure, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        Map<String, Long> byKey(Measure measure) {
            return values.getOrDefault(measure, Map.of());
        }
    }

    /** What sums are per: nothing, or each division, or each lead unit. */
    private enum Per {
        NONE, DIVISION, LEAD_UNIT
    }

    /**
     * The WHERE clause over {@code bundle_case_tally t} for a filter's whole months, every value bound: the counts
     * of the filter's division, else of every division where the sums are per division, else over all divisions;
     * likewise for lead units.
     */
    private static final class Where {

        private final StringBuilder sql;
        private final Map<String, Object> params = new HashMap<>();

        private Where(String measures) {
            sql = new StringBuilder("WHERE ").append(measures);
        }

        static Where of(DashboardFilter filter, MonthSplit split, Per per, Measure... measures) {
            return of(filter, split, per, null, null, measures);
        }

        /** The rows of the measures and of {@code keyed} (if not null) those under {@code key}, in the filter's cut. */
        static Where of(DashboardFilter filter, MonthSplit split, Per per, Measure keyed, String key,
                        Measure... measures) {
            Where where = new Where(keyed == null ? "t.measure IN (:measures)"
                    : "(t.measure IN (:measures) OR (t.measure = :keyed AND t.tally_key = :key))");
            where.params.put("measures", Arrays.stream(measures).map(Enum::name).toList());
            if (keyed != null) {
                where.params.put("keyed", keyed.name());
                where.params.put("key", key);
            }
            where.params.put("all", CaseTally.ALL);
            where.cut("t.division_code", "division", filter.division(), per == Per.DIVISION);
            where.cut("t.lead_unit", "leadUnit", filter.leadUnit(), per == Per.LEAD_UNIT);
            if (split.firstMonth() != null) {
                where.sql.append(" AND t.submitted_month >= :firstMonth");
                where.params.put("firstMonth", split.firstMonth());
            }
            if (split.lastMonth() != null) {
                where.sql.append(" AND t.submitted_month <= :lastMonth");
                where.params.put("lastMonth", split.lastMonth());
            }
            return where;
        }

        private void cut(String column, String parameter, String value, boolean each) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = :").append(parameter);
                params.put(parameter, value);
            } else {
                sql.append(" AND ").append(column).append(each ? " <> :all" : " = :all");
            }
        }
    }
}
