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
     * rebuild keeps its claims on the processor's segments alive there).
     */
    Comparison compare(List<String> tables, ProjectionTables rebuilt, int maxDifferences, Runnable between) {
        List<TableComparison> results = new ArrayList<>();
        List<RowDifference> differences = new ArrayList<>();
        boolean truncated = false;
        for (String table : tables) {
            between.run();
            List<String> key = shadowTables.primaryKey(table);
            Summary live = summarize(table, key);
            Summary other = summarize(rebuilt.name(table), key);
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
        transactions.executeWithoutResult(status -> scan.query("SELECT * FROM " + table, row -> {
            CanonicalRow canonical = CanonicalRow.of(row, key);
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
        transactions.executeWithoutResult(status -> scan.query("SELECT * FROM " + table, row -> {
            CanonicalRow canonical = CanonicalRow.of(row, key);
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

    /** One row printed canonically: its key, its columns' values by name, and the hash of the whole. */
    private record CanonicalRow(String key, Map<String, String> values, long hash) {

        static CanonicalRow of(ResultSet row, List<String> keyColumns) throws SQLException {
            ResultSetMetaData metadata = row.getMetaData();
            Map<String, String> values = new TreeMap<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                String value = row.getString(column);
                values.put(metadata.getColumnLabel(column).toLowerCase(), value == null ? NULL : value);
            }
            StringBuilder text = new StringBuilder();
            values.forEach((name, value) -> text.append(name).append('=').append(value.length()).append(':')
                    .append(value).append(';'));
            List<String> keyNames = keyColumns.isEmpty() ? List.copyOf(values.keySet()) : keyColumns;
            StringBuilder key = new StringBuilder();
            for (String name : keyNames) {
                key.append(key.length() == 0 ? "" : ", ").append(name).append('=')
                        .append(values.get(name.toLowerCase()));
            }
            return new CanonicalRow(key.toString(), values, first8Bytes(text.toString()));
        }

        int bucket() {
            return Math.floorMod(key.hashCode(), BUCKETS);
        }

        List<String> columnsDifferingFrom(CanonicalRow other) {
            return values.keySet().stream()
                    .filter(name -> !Objects.equals(values.get(name), other.values.get(name)))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }

        private static long first8Bytes(String text) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
