package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.DatabaseProduct;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bundle cases counted for the dashboards ({@code bundle_case_tally}): per month of submission, division and lead
 * unit, how many cases, materials, complaints fall under each key of a {@link Measure}. Each count is kept for the
 * division and lead unit, and again with {@link #ALL} in place of either and of both, so that a dashboard over whole
 * months sums a few hundred rows rather than scanning every case, however it is cut.
 *
 * <p>What a case adds to the counts is worked out from the case's own rows in the read model ({@link Figures#read}),
 * never from the events, so that the counts mean exactly what the dashboards' SQL over the case rows means. The
 * projection reads a case's figures before an event changes it and again after, and moves the counts by the
 * difference ({@link #write}).
 */
public final class CaseTally {

    /** The tally's table: written by the bundle-case projection, read by the dashboards. */
    public static final String TABLE = "bundle_case_tally";

    /** The stand-in for a case recorded without a lead unit: a key column cannot hold null. */
    public static final String NO_LEAD_UNIT = "";

    /** The division or lead unit of the counts over all divisions or all lead units. */
    public static final String ALL = "*";

    /** Case ids per {@code IN} list. */
    private static final int IDS_PER_READ = 500;

    /** Counts per multi-row statement on PostgreSQL: seven parameters each, far below its limit of 65,535. */
    private static final int ROWS_PER_STATEMENT = 500;

    private static final String COLUMNS =
            "measure, division_code, lead_unit, submitted_month, tally_key, catalog_version";

    private static final String KEY_COLUMNS = "measure = :measure AND division_code = :division"
            + " AND lead_unit = :leadUnit AND submitted_month = :month AND tally_key = :key"
            + " AND catalog_version = :catalogVersion";

    /** What is counted; {@link Key#key()} says under which value. */
    public enum Measure {
        /** Every case, under the empty key. */
        CASES,
        /** Cases by status. */
        STATUS,
        /** Cases by the channel they came in through. */
        CHANNEL,
        /** Cases by bundle code, with the case's catalog version in {@link Key#catalogVersion()}. */
        BUNDLE,
        /** Cases that went overdue, under the empty key. */
        OVERDUE,
        /** Concluded cases by visits in person: "0", "1", "2", and "3" for three or more. */
        CONCLUDED_VISITS,
        /** Rated cases by score. */
        RATING,
        /** Materials submitted, under the empty key. */
        MATERIALS_SUBMITTED,
        /** Materials waived (免予提交), under the empty key. */
        MATERIALS_WAIVED,
        /** Waived materials by the basis of the waiver ('' for none). */
        WAIVER_BASIS,
        /** Complaints lodged, under the empty key. */
        COMPLAINTS_LODGED,
        /** Complaints resolved, under the empty key. */
        COMPLAINTS_RESOLVED,
        /** Seconds from lodging to resolution, summed over the resolved complaints, under the empty key. */
        COMPLAINT_RESOLUTION_SECONDS
    }

    private CaseTally() {
    }

    /**
     * Where one count is kept: a measure's key within the cases of one month of submission, division and lead unit.
     *
     * @param division       the division, or {@link #ALL}
     * @param leadUnit       the lead unit, {@link #NO_LEAD_UNIT}, or {@link #ALL}
     * @param month          the first day of the month of submission, in Beijing time
     * @param catalogVersion the case's catalog version for {@link Measure#BUNDLE}, else 0
     */
    public record Key(Measure measure, String division, String leadUnit, LocalDate month, String key,
                      int catalogVersion) implements Comparable<Key> {

        /** The table's primary key order. */
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::measure)
                .thenComparing(Key::division)
                .thenComparing(Key::leadUnit)
                .thenComparing(Key::month)
                .thenComparing(Key::key)
                .thenComparingInt(Key::catalogVersion);

        /** The order in which writers take the rows' locks, the same in every transaction. */
        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * What the tally needs of one case, as its rows hold it.
     *
     * @param waiverBases waived materials by basis ('' for none)
     */
    record Figures(LocalDate month, String division, String leadUnit, String bundleCode, int catalogVersion,
                   String channel, String status, boolean overdue, int visits, Integer rating,
                   int materialsSubmitted, int materialsWaived, Map<String, Integer> waiverBases,
                   ComplaintTotals complaints) {

        /** Adds this case's counts to {@code counts}, or takes them away for a {@code sign} of -1. */
        void addTo(Map<Key, Long> counts, int sign) {
            add(counts, Measure.CASES, "", sign);
            add(counts, Measure.STATUS, status, sign);
            add(counts, Measure.CHANNEL, channel, sign);
            add(counts, new Key(Measure.BUNDLE, division, leadUnit, month, bundleCode, catalogVersion), sign);
            if (overdue) {
                add(counts, Measure.OVERDUE, "", sign);
            }
            if (CaseStatus.CONCLUDED.name().equals(status)) {
                add(counts, Measure.CONCLUDED_VISITS, Integer.toString(Math.min(visits, 3)), sign);
            }
            if (rating != null) {
                add(counts, Measure.RATING, rating.toString(), sign);
            }
            add(counts, Measure.MATERIALS_SUBMITTED, "", (long) sign * materialsSubmitted);
            add(counts, Measure.MATERIALS_WAIVED, "", (long) sign * materialsWaived);
            waiverBases.forEach((basis, materials) -> add(counts, Measure.WAIVER_BASIS, basis,
                    (long) sign * materials));
            add(counts, Measure.COMPLAINTS_LODGED, "", sign * complaints.lodged());
            add(counts, Measure.COMPLAINTS_RESOLVED, "", sign * complaints.resolved());
            add(counts, Measure.COMPLAINT_RESOLUTION_SECONDS, "", sign * complaints.resolutionSeconds());
        }

        private void add(Map<Key, Long> counts, Measure measure, String key, long amount) {
            add(counts, new Key(measure, division, leadUnit, month, key, 0), amount);
        }

        /** Adds to the count of the key and to its counts over all divisions, all lead units, and all of both. */
        private static void add(Map<Key, Long> counts, Key key, long amount) {
            if (amount != 0) {
                for (String division : List.of(key.division(), ALL)) {
                    for (String leadUnit : List.of(key.leadUnit(), ALL)) {
                        counts.merge(new Key(key.measure(), division, leadUnit, key.month(), key.key(),
                                key.catalogVersion()), amount, Long::sum);
                    }
                }
            }
        }

        /**
         * The figures of the given cases, as the tables in {@code tables} hold them now, by case id; a case without
         * a row is absent.
         */
        static Map<String, Figures> read(JdbcClient jdbc, ProjectionTables tables, Collection<String> caseIds) {
            Map<String, Figures> figures = new HashMap<>();
            List<String> ids = List.copyOf(caseIds);
            for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
                figures.putAll(readSome(jdbc, tables, ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))));
            }
            return figures;
        }

        private static Map<String, Figures> readSome(JdbcClient jdbc, ProjectionTables tables, List<String> ids) {
            if (ids.isEmpty()) {
                return Map.of();
            }
            Map<String, CaseRow> cases = new HashMap<>();
            tables.sql(jdbc, """
                            SELECT case_id, submitted_at, division_code, lead_unit, bundle_code, catalog_version,
                                   channel, status, overdue, visit_count, rating_score, materials_submitted,
                                   materials_waived, complaints_total
                            FROM bundle_case WHERE case_id IN (:ids)""")
                    .param("ids", ids)
                    .query((row, rowNumber) -> cases.put(row.getString("case_id"), CaseRow.of(row)))
                    .list();
            // The child rows only for the cases that have any: most cases waive nothing and complain of nothing.
            Map<String, Map<String, Integer>> bases = new HashMap<>();
            List<String> waiving = cases.entrySet().stream()
                    .filter(entry -> entry.getValue().materialsWaived() > 0).map(Map.Entry::getKey).toList();
            if (!waiving.isEmpty()) {
                tables.sql(jdbc, """
                                SELECT case_id, COALESCE(waiver_basis, '') AS basis, COUNT(*) AS materials
                                FROM bundle_case_material
                                WHERE case_id IN (:ids) AND disposition = 'WAIVED'
                                GROUP BY case_id, COALESCE(waiver_basis, '')""")
                        .param("ids", waiving)
                        .query((row, rowNumber) -> bases.computeIfAbsent(row.getString("case_id"),
                                id -> new TreeMap<>()).put(row.getString("basis"), row.getInt("materials")))
                        .list();
            }
            Map<String, ComplaintTotals> complaints = new HashMap<>();
            List<String> complaining = cases.entrySet().stream()
                    .filter(entry -> entry.getValue().complaints() > 0).map(Map.Entry::getKey).toList();
            if (!complaining.isEmpty()) {
                tables.sql(jdbc, "SELECT case_id, lodged_at, resolved_at FROM bundle_case_complaint"
                                + " WHERE case_id IN (:ids)")
                        .param("ids", complaining)
                        .query((row, rowNumber) -> complaints.merge(row.getString("case_id"),
                                ComplaintTotals.NONE.plus(row.getObject("lodged_at", OffsetDateTime.class),
                                        row.getObject("resolved_at", OffsetDateTime.class)),
                                ComplaintTotals::plus))
                        .list();
            }
            Map<String, Figures> figures = new HashMap<>();
            cases.forEach((id, row) -> figures.put(id, row.figures(bases.getOrDefault(id, Map.of()),
                    complaints.getOrDefault(id, ComplaintTotals.NONE))));
            return figures;
        }
    }

    /** A case's own row, before its materials and complaints are read. */
    private record CaseRow(LocalDate month, String division, String leadUnit, String bundleCode, int catalogVersion,
                           String channel, String status, boolean overdue, int visits, Integer rating,
                           int materialsSubmitted, int materialsWaived, int complaints) {

        static CaseRow of(ResultSet row) throws SQLException {
            Instant submitted = row.getObject("submitted_at", OffsetDateTime.class).toInstant();
            String leadUnit = row.getString("lead_unit");
            return new CaseRow(submitted.atZone(BusinessDay.ZONE).toLocalDate().withDayOfMonth(1),
                    row.getString("division_code"),
                    leadUnit == null ? NO_LEAD_UNIT : leadUnit,
                    row.getString("bundle_code"),
                    row.getInt("catalog_version"),
                    row.getString("channel"),
                    row.getString("status"),
                    row.getBoolean("overdue"),
                    row.getInt("visit_count"),
                    row.getObject("rating_score", Integer.class),
                    row.getInt("materials_submitted"),
                    row.getInt("materials_waived"),
                    row.getInt("complaints_total"));
        }

        Figures figures(Map<String, Integer> waiverBases, ComplaintTotals complaints) {
            return new Figures(month, division, leadUnit, bundleCode, catalogVersion, channel, status, overdue,
                    visits, rating, materialsSubmitted, materialsWaived, waiverBases, complaints);
        }
    }

    /**
     * Moves the counts in {@code tables} by the given differences, in key order, so that two transactions moving the
     * same counts take their locks in the same order and never deadlock. A count that falls to zero is deleted. On
     * PostgreSQL each few hundred counts move in one statement; on H2 (the demo) one by one.
     */
    static void write(JdbcClient jdbc, ProjectionTables tables, SortedMap<Key, Long> differences,
                      boolean postgresql) {
        List<Map.Entry<Key, Long>> moved = differences.entrySet().stream()
                .filter(difference -> difference.getValue() != 0)
                .toList();
        if (postgresql) {
            for (int from = 0; from < moved.size(); from += ROWS_PER_STATEMENT) {
                upsert(jdbc, tables, moved.subList(from, Math.min(moved.size(), from + ROWS_PER_STATEMENT)));
            }
        } else {
            moved.forEach(difference -> upsertOne(jdbc, tables, difference.getKey(), difference.getValue()));
        }
        List<Key> lowered = moved.stream().filter(difference -> difference.getValue() < 0).map(Map.Entry::getKey)
                .toList();
        for (int from = 0; from < lowered.size(); from += ROWS_PER_STATEMENT) {
            deleteEmpty(jdbc, tables, lowered.subList(from, Math.min(lowered.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    /**
     * Fills the live tally from the case rows: what the migration that brought the tally in does once, so that an
     * existing read model needs no rebuild for it.
     */
    public static void fillFromCases(JdbcClient jdbc) {
        SortedMap<Key, Long> counts = new TreeMap<>();
        String after = "";
        while (true) {
            List<String> ids = jdbc.sql("SELECT case_id FROM bundle_case WHERE case_id > :after ORDER BY case_id"
                            + " FETCH FIRST " + IDS_PER_READ + " ROWS ONLY")
                    .param("after", after)
                    .query(String.class)
                    .list();
            if (ids.isEmpty()) {
                break;
            }
            Figures.read(jdbc, ProjectionTables.LIVE, ids).values().forEach(figures -> figures.addTo(counts, 1));
            after = ids.get(ids.size() - 1);
        }
        write(jdbc, ProjectionTables.LIVE, counts, DatabaseProduct.isPostgresql(jdbc));
    }

    /** PostgreSQL: the counts moved by one statement, inserted where they are new. */
    private static void upsert(JdbcClient jdbc, ProjectionTables tables, List<Map.Entry<Key, Long>> differences) {
        List<Object> values = new ArrayList<>();
        differences.forEach(difference -> {
            values.addAll(columns(difference.getKey()));
            values.add(difference.getValue());
        });
        jdbc.sql(tables.rows("INSERT INTO bundle_case_tally (" + COLUMNS + ", n) VALUES ",
                        String.join(", ", Collections.nCopies(differences.size(), "(?, ?, ?, ?, ?, ?, ?)")),
                        " ON CONFLICT (" + COLUMNS + ") DO UPDATE SET n = bundle_case_tally.n + EXCLUDED.n"))
                .params(values)
                .update();
    }

    private static void deleteEmpty(JdbcClient jdbc, ProjectionTables tables, List<Key> keys) {
        List<Object> values = new ArrayList<>();
        keys.forEach(key -> values.addAll(columns(key)));
        jdbc.sql(tables.rows("DELETE FROM bundle_case_tally WHERE n = 0 AND (" + COLUMNS + ") IN (",
                        String.join(", ", Collections.nCopies(keys.size(), "(?, ?, ?, ?, ?, ?)")), ")"))
                .params(values)
                .update();
    }

    private static List<Object> columns(Key key) {
        return List.of(key.measure().name(), key.division(), key.leadUnit(), key.month(), key.key(),
                key.catalogVersion());
    }

    /**
     * H2: update, else insert; an insert that finds the row inserted meanwhile by another transaction (which it waits
     * for) does nothing, and the update then finds the row.
     */
    private static void upsertOne(JdbcClient jdbc, ProjectionTables tables, Key key, long difference) {
        if (update(jdbc, tables, key, difference) == 0
                && insert(jdbc, tables, key, difference) == 0
                && update(jdbc, tables, key, difference) == 0) {
            throw new IllegalStateException("Tally row neither updated nor inserted: " + key);
        }
    }

    private static int update(JdbcClient jdbc, ProjectionTables tables, Key key, long difference) {
        return bind(tables.sql(jdbc, "UPDATE bundle_case_tally SET n = n + :difference WHERE " + KEY_COLUMNS), key)
                .param("difference", difference)
                .update();
    }

    private static int insert(JdbcClient jdbc, ProjectionTables tables, Key key, long difference) {
        return bind(tables.sql(jdbc, "INSERT INTO bundle_case_tally (" + COLUMNS + ", n) VALUES (:measure,"
                        + " :division, :leadUnit, :month, :key, :catalogVersion, :difference) ON CONFLICT DO NOTHING"),
                key)
                .param("difference", difference)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Key key) {
        return statement
                .param("measure", key.measure().name())
                .param("month", key.month())
                .param("division", key.division())
                .param("leadUnit", key.leadUnit())
                .param("key", key.key())
                .param("catalogVersion", key.catalogVersion());
    }
}
