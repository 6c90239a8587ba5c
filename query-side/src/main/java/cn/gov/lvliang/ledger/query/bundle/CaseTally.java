package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialDisposition;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.DatabaseProduct;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bundle cases counted for the dashboards ({@code bundle_case_tally}): per month of submission, division and lead
 * unit, how many cases, materials, complaints fall under each key of a {@link Measure}. Each count is kept for the
 * division and lead unit, and again with {@link #ALL} in place of either and of both, so that a dashboard over whole
 * months sums a few hundred rows rather than scanning every case, however it is cut.
 *
 * <p>What a case adds to the counts is worked out from the case's own rows in the read model ({@link Figures#read}),
 * never from the events, so that the counts mean exactly what the dashboards' SQL over the case rows means. The
 * projection works out a case's figures from its rows in the {@link RowBuffer} before an event changes them and again
 * after, and moves the counts by the difference ({@link #write}).
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

    /** The columns of a count's key, in the order of the table's primary key. */
    private static final List<String> KEY_COLUMN_NAMES = List.of("measure", "division_code", "lead_unit",
            "submitted_month", "tally_key", "catalog_version");

    private static final String COLUMNS = String.join(", ", KEY_COLUMN_NAMES);

    /** A count's key and then its count, as PostgreSQL writes them from arrays. */
    private static final List<String> COUNT_COLUMN_NAMES = Stream.concat(KEY_COLUMN_NAMES.stream(),
            Stream.of("n")).toList();

    /** The columns' types, for the arrays PostgreSQL writes the counts from. */
    private static final Map<String, String> COLUMN_TYPES = Map.of("measure", "varchar", "division_code", "varchar",
            "lead_unit", "varchar", "submitted_month", "date", "tally_key", "varchar", "catalog_version", "int4",
            "n", "int8");

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

        /**
         * The order in which writers take the rows' locks, the same in every transaction: the table's primary key
         * order.
         */
        @Override
        public int compareTo(Key other) {
            int order = measure.compareTo(other.measure);
            if (order == 0) {
                order = division.compareTo(other.division);
            }
            if (order == 0) {
                order = leadUnit.compareTo(other.leadUnit);
            }
            if (order == 0) {
                order = month.compareTo(other.month);
            }
            if (order == 0) {
                order = key.compareTo(other.key);
            }
            return order != 0 ? order : Integer.compare(catalogVersion, other.catalogVersion);
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
         * The figures of the given cases as {@code rows} holds their rows now, by case id; a case without a row is
         * absent. The materials and complaints are read only for the cases that have any (most waive nothing and
         * complain of nothing), and for all of them at once.
         */
        static Map<String, Figures> read(RowBuffer rows, Collection<String> caseIds) {
            rows.read(BundleCaseProjection.CASE, caseIds);
            Map<String, Row> cases = new LinkedHashMap<>();
            caseIds.forEach(caseId -> rows.find(BundleCaseProjection.CASE, caseId)
                    .ifPresent(row -> cases.put(caseId, row)));
            rows.read(BundleCaseProjection.MATERIAL, having(cases, "materials_waived"));
            rows.read(BundleCaseProjection.COMPLAINT, having(cases, "complaints_total"));
            Map<String, Figures> figures = new HashMap<>();
            cases.forEach((caseId, row) -> {
                CaseRow caseRow = CaseRow.of(row);
                Map<String, Integer> bases = new TreeMap<>();
                if (caseRow.materialsWaived() > 0) {
                    rows.owned(BundleCaseProjection.MATERIAL, caseId).stream()
                            .filter(material -> MaterialDisposition.WAIVED.name().equals(material.get("disposition")))
                            .forEach(material -> bases.merge(Objects.toString(material.get("waiver_basis"), ""), 1,
                                    Integer::sum));
                }
                ComplaintTotals complaints = ComplaintTotals.NONE;
                if (caseRow.complaints() > 0) {
                    for (Row complaint : rows.owned(BundleCaseProjection.COMPLAINT, caseId)) {
                        complaints = complaints.plus(complaint.get("lodged_at", OffsetDateTime.class),
                                complaint.get("resolved_at", OffsetDateTime.class));
                    }
                }
                figures.put(caseId, caseRow.figures(bases, complaints));
            });
            return figures;
        }

        /** The cases whose row counts more than none in {@code column}. */
        private static List<String> having(Map<String, Row> cases, String column) {
            return cases.entrySet().stream()
                    .filter(entry -> CaseRow.count(entry.getValue(), column) > 0)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** A case's own row, before its materials and complaints are read. */
    private record CaseRow(LocalDate month, String division, String leadUnit, String bundleCode, int catalogVersion,
                           String channel, String status, boolean overdue, int visits, Integer rating,
                           int materialsSubmitted, int materialsWaived, int complaints) {

        static CaseRow of(Row row) {
            Instant submitted = row.get("submitted_at", OffsetDateTime.class).toInstant();
            String leadUnit = row.get("lead_unit", String.class);
            return new CaseRow(submitted.atZone(BusinessDay.ZONE).toLocalDate().withDayOfMonth(1),
                    row.get("division_code", String.class),
                    leadUnit == null ? NO_LEAD_UNIT : leadUnit,
                    row.get("bundle_code", String.class),
                    count(row, "catalog_version"),
                    row.get("channel", String.class),
                    row.get("status", String.class),
                    Boolean.TRUE.equals(row.get("overdue", Boolean.class)),
                    count(row, "visit_count"),
                    row.get("rating_score", Integer.class),
                    count(row, "materials_submitted"),
                    count(row, "materials_waived"),
                    count(row, "complaints_total"));
        }

        /** A column that counts something, none if it holds null. */
        static int count(Row row, String column) {
            Integer count = row.get(column, Integer.class);
            return count == null ? 0 : count;
        }

        Figures figures(Map<String, Integer> waiverBases, ComplaintTotals complaints) {
            return new Figures(month, division, leadUnit, bundleCode, catalogVersion, channel, status, overdue,
                    visits, rating, materialsSubmitted, materialsWaived, waiverBases, complaints);
        }
    }

    /**
     * Moves the counts in {@code tables} by the given differences, in key order, so that two transactions moving the
     * same counts take their locks in the same order and never deadlock (the differences are summed in a hash map,
     * and sorted once here). A count that falls to zero is deleted. On
     * PostgreSQL the counts move in one statement of arrays, and those that fell to zero go in another; on H2 (the
     * demo) one by one.
     */
    static void write(JdbcClient jdbc, ProjectionTables tables, Map<Key, Long> differences, boolean postgresql) {
        List<Map.Entry<Key, Long>> moved = differences.entrySet().stream()
                .filter(difference -> difference.getValue() != 0)
                .sorted(Map.Entry.comparingByKey())
                .toList();
        List<Key> lowered = moved.stream().filter(difference -> difference.getValue() < 0).map(Map.Entry::getKey)
                .toList();
        if (postgresql) {
            upsert(jdbc, tables, moved);
            deleteEmpty(jdbc, tables, lowered);
        } else {
            moved.forEach(difference -> upsertOne(jdbc, tables, difference.getKey(), difference.getValue()));
            lowered.forEach(key -> deleteEmpty(jdbc, tables, key));
        }
    }

    /**
     * Fills the live tally from the case rows: what the migration that brought the tally in does once, so that an
     * existing read model needs no rebuild for it.
     */
    public static void fillFromCases(JdbcClient jdbc) throws Exception {
        Map<Key, Long> counts = new HashMap<>();
        RowBuffer rows = BundleCaseProjection.rows(jdbc, ProjectionTables.LIVE);
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
            rows.around(() -> Figures.read(rows, ids)).values().forEach(figures -> figures.addTo(counts, 1));
            after = ids.get(ids.size() - 1);
        }
        write(jdbc, ProjectionTables.LIVE, counts, DatabaseProduct.isPostgresql(jdbc));
    }

    /** PostgreSQL: the counts moved, inserted where they are new, by one statement of arrays. */
    private static void upsert(JdbcClient jdbc, ProjectionTables tables, List<Map.Entry<Key, Long>> differences) {
        List<Object[]> rows = differences.stream().map(difference -> {
            List<Object> values = new ArrayList<>(columns(difference.getKey()));
            values.add(difference.getValue());
            return values.toArray();
        }).toList();
        tables.unnested(jdbc, TABLE, "INSERT INTO bundle_case_tally (" + COLUMNS + ", n) SELECT * FROM ",
                COUNT_COLUMN_NAMES, COLUMN_TYPES::get,
                " ON CONFLICT (" + COLUMNS + ") DO UPDATE SET n = bundle_case_tally.n + EXCLUDED.n", rows);
    }

    /** PostgreSQL: the counts of the given keys that fell to zero, deleted by one statement of arrays. */
    private static void deleteEmpty(JdbcClient jdbc, ProjectionTables tables, List<Key> keys) {
        if (!keys.isEmpty()) {
            tables.unnested(jdbc, TABLE, "DELETE FROM bundle_case_tally t USING ", KEY_COLUMN_NAMES,
                    COLUMN_TYPES::get, " AS v (" + COLUMNS + ") WHERE t.n = 0 AND " + KEY_COLUMN_NAMES.stream()
                            .map(column -> "t." + column + " = v." + column)
                            .collect(Collectors.joining(" AND ")),
                    keys.stream().map(key -> columns(key).toArray()).toList());
        }
    }

    /** H2: the count of the key deleted if it fell to zero. */
    private static void deleteEmpty(JdbcClient jdbc, ProjectionTables tables, Key key) {
        bind(tables.sql(jdbc, "DELETE FROM bundle_case_tally WHERE n = 0 AND " + KEY_COLUMNS), key).update();
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
