package cn.gov.lvliang.ledger.query.rebuild;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares a rebuilt model with the live one, table by table, without caring in which order either holds its rows.
 *
 * <p>Each row is printed canonically (its columns in name order, each value as the database prints it, a marker for
 * null) and hashed with SHA-256; a table's checksum is the sum of the first eight bytes of its rows' hashes, so the
 * order of the rows does not matter. Both tables sit in the same database with the same column types, so equal rows
 * print equally. The rows are also summed into buckets by their primary key; only the buckets whose sums differ are
 * read a second time, to name each row that differs by its key, so that a few differences in a large table cost one
 * extra pass over it and little memory.
 */
@Component
class TableChecksums {

    private static final int BUCKETS = 1024;
    private static final String NULL = "\u2400";

    private final JdbcTemplate scan;
    private final TransactionTemplate transactions;
    private final ShadowTables shadowTables;

    TableChecksums(DataSource dataSource, PlatformTransactionManager transactionManager, ShadowTables shadowTables) {
        this.scan = new JdbcTemplate(dataSource);
        // Large tables stream: PostgreSQL uses a cursor for a fetch size inside a transaction.
        this.scan.setFetchSize(1000);
        this.transactions = new TransactionTemplate(transactionManager);
        this.shadowTables = shadowTables;
    }

    /**
     * Compares each live table with its counterpart in {@code rebuilt}, running {@code between} before each table (the
     * rebuild keeps its claims on the processor's segments alive there). The two tables are read at once, the rebuilt
     * one on a thread of {@code beside}.
     */
    Comparison compare(List<String> tables, ProjectionTables rebuilt, int maxDifferences, Runnable between,
                       Executor beside) {
        List<TableComparison> results = new ArrayList<>();
        List<RowDifference> differences = new ArrayList<>();
        boolean truncated = false;
        for (String table : tables) {
            between.run();
            List<String> key = shadowTables.primaryKey(table);
            List<Summary> summaries = Futures.both(() -> summarize(table, key),
                    () -> summarize(rebuilt.name(table), key), beside);
            Summary live = summaries.get(0);
            Summary other = summaries.get(1);
            boolean equal = live.equals(other);
            results.add(new TableComparison(table, live.rows(), other.rows(), live.checksum(), other.checksum(),
                    equal));
            if (!equal) {
                BitSet buckets = live.bucketsDifferingFrom(other);
                List<RowDifference> rows = differences(table, key, rebuilt.name(table), buckets);
                int room = maxDifferences - differences.size();
                if (rows.size() > room) {
                    truncated = true;
                }
                differences.addAll(rows.subList(0, Math.max(0, Math.min(room, rows.size()))));
            }
        }
        return new Comparison(List.copyOf(results), List.copyOf(differences), truncated);
    }

    private Summary summarize(String table, List<String> key) {
        Summary summary = new Summary();
        Printer printer = new Printer(key);
        transactions.executeWithoutResult(status -> scan.query("SELECT * FROM " + table, row -> {
            CanonicalRow canonical = printer.print(row);
            summary.add(canonical.bucket(), canonical.hash());
        }));
        return summary;
    }

    private List<RowDifference> differences(String table, List<String> key, String rebuiltTable, BitSet buckets) {
        Map<String, CanonicalRow> live = rowsIn(table, key, buckets);
        Map<String, CanonicalRow> rebuilt = rowsIn(rebuiltTable, key, buckets);
        List<RowDifference> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(live.keySet());
        keys.addAll(rebuilt.keySet());
        for (String rowKey : keys) {
            CanonicalRow before = live.get(rowKey);
            CanonicalRow after = rebuilt.get(rowKey);
            if (before == null) {
                differences.add(new RowDifference(table, rowKey, RowDifference.Kind.ONLY_IN_REBUILT, List.of()));
            } else if (after == null) {
                differences.add(new RowDifference(table, rowKey, RowDifference.Kind.MISSING_FROM_REBUILT, List.of()));
            } else if (before.hash() != after.hash()) {
                differences.add(new RowDifference(table, rowKey, RowDifference.Kind.CHANGED,
                        before.columnsDifferingFrom(after)));
            }
        }
        return differences;
    }

    private Map<String, CanonicalRow> rowsIn(String table, List<String> key, BitSet buckets) {
        Map<String, CanonicalRow> rows = new HashMap<>();
        Printer printer = new Printer(key);
        transactions.executeWithoutResult(status -> scan.query("SELECT * FROM " + table, row -> {
            CanonicalRow canonical = printer.print(row);
            if (buckets.get(canonical.bucket())) {
                rows.put(canonical.key(), canonical);
            }
        }));
        return rows;
    }

    /**
     * The checksums of one live table and its rebuilt counterpart.
     *
     * @param table           the live table's name
     * @param liveRows        its rows
     * @param rebuiltRows     the rebuilt table's rows
     * @param liveChecksum    the order-independent checksum of the live rows
     * @param rebuiltChecksum that of the rebuilt rows
     * @param equal           whether every row is the same
     */
    record TableComparison(String table, long liveRows, long rebuiltRows, String liveChecksum,
                           String rebuiltChecksum, boolean equal) {
    }

    /**
     * One row that differs.
     *
     * @param table   the live table's name
     * @param key     the row's primary key, {@code column=value} in key order
     * @param kind    how it differs
     * @param columns for a changed row, the columns whose values differ
     */
    record RowDifference(String table, String key, Kind kind, List<String> columns) {

        enum Kind {
            /** The live model has the row, the rebuilt one does not. */
            MISSING_FROM_REBUILT,
            /** The rebuilt model has a row the live one does not. */
            ONLY_IN_REBUILT,
            /** Both have the row, with other values. */
            CHANGED
        }
    }

    /**
     * The outcome of a comparison.
     *
     * @param tables      every table's checksums
     * @param differences the rows that differ, at most the configured number
     * @param truncated   whether more rows differ than are listed
     */
    record Comparison(List<TableComparison> tables, List<RowDifference> differences, boolean truncated) {

        boolean equal() {
            return tables.stream().allMatch(TableComparison::equal);
        }
    }

    /** The row count, the sum of the row hashes, and the same per bucket of keys. */
    private static final class Summary {

        private final long[] sums = new long[BUCKETS];
        private final long[] counts = new long[BUCKETS];
        private long rows;
        private long sum;

        void add(int bucket, long hash) {
            sums[bucket] += hash;
            counts[bucket]++;
            rows++;
            sum += hash;
        }

        long rows() {
            return rows;
        }

        String checksum() {
            return String.format("%016x", sum);
        }

        BitSet bucketsDifferingFrom(Summary other) {
            BitSet differing = new BitSet(BUCKETS);
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                if (sums[bucket] != other.sums[bucket] || counts[bucket] != other.counts[bucket]) {
                    differing.set(bucket);
                }
            }
            return differing;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Summary summary && rows == summary.rows && sum == summary.sum
                    && Arrays.equals(sums, summary.sums) && Arrays.equals(counts, summary.counts);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rows, sum);
        }
    }

    /**
     * Prints the rows of one scan canonically. Which columns there are, in which order, and which make the key, is
     * worked out once, from the first row's metadata.
     */
    private static final class Printer {

        private final List<String> keyColumns;
        private final MessageDigest sha256;
        /** The columns' names, lower case, in name order, and each one's position in the result set. */
        private List<String> names;
        private int[] positions;
        /** The key's columns as the caller named them, and each one's place in {@link #names}. */
        private List<String> keyNames;
        private int[] keyPlaces;

        Printer(List<String> keyColumns) {
            this.keyColumns = keyColumns;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        /**
         * The row printed: each column as {@code name=length:value;} in name order, its value as the database prints
         * it (a marker for null); the key as {@code name=value, …} in key order.
         */
        CanonicalRow print(ResultSet row) throws SQLException {
            if (names == null) {
                layOut(row.getMetaData());
            }
            String[] values = new String[positions.length];
            StringBuilder text = new StringBuilder(32 * values.length);
            for (int i = 0; i < values.length; i++) {
                String value = row.getString(positions[i]);
                values[i] = value == null ? NULL : value;
                text.append(names.get(i)).append('=').append(values[i].length()).append(':').append(values[i])
                        .append(';');
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < keyPlaces.length; i++) {
                key.append(i == 0 ? "" : ", ").append(keyNames.get(i)).append('=')
                        .append(keyPlaces[i] < 0 ? null : values[keyPlaces[i]]);
            }
            byte[] hash = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new CanonicalRow(key.toString(), names, Arrays.asList(values),
                    ByteBuffer.wrap(hash, 0, Long.BYTES).getLong());
        }

        private void layOut(ResultSetMetaData metadata) throws SQLException {
            TreeMap<String, Integer> byName = new TreeMap<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                byName.put(metadata.getColumnLabel(column).toLowerCase(), column);
            }
            names = List.copyOf(byName.keySet());
            positions = byName.values().stream().mapToInt(Integer::intValue).toArray();
            keyNames = keyColumns.isEmpty() ? names : keyColumns;
            keyPlaces = keyNames.stream().mapToInt(name -> names.indexOf(name.toLowerCase())).toArray();
        }
    }

    /**
     * One row printed canonically: its key, its columns' names and values in name order, and the hash of the whole.
     */
    private record CanonicalRow(String key, List<String> names, List<String> values, long hash) {

        int bucket() {
            return Math.floorMod(key.hashCode(), BUCKETS);
        }

        List<String> columnsDifferingFrom(CanonicalRow other) {
            Map<String, String> theirs = other.byName();
            Map<String, String> ours = byName();
            return ours.keySet().stream()
                    .filter(name -> !Objects.equals(ours.get(name), theirs.get(name)))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }

        private Map<String, String> byName() {
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), values.get(i));
            }
            return byName;
        }
    }
}
