package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.infra.DatabaseProduct;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shadow tables a rebuild writes into, beside the live ones: {@code bundle_case__next} beside {@code bundle_case},
 * with the same columns, defaults, primary key and indexes, and the switch that puts them in the live tables' place.
 *
 * <p>On PostgreSQL the switch renames the shadow tables to the live names in one transaction: DDL is transactional
 * there, so readers see the old tables until the commit and the new ones after it, and wait only for the moment the
 * renames take. H2's DDL commits by itself, so on H2 (the demo) the switch instead replaces the live tables' rows with
 * the shadow's in one transaction; readers see the old rows until it commits.
 */
@Component
class ShadowTables {

    /** What a shadow table's name (and its indexes' names) adds to the live name. */
    static final String SUFFIX = "__next";

    private static final Logger LOG = LoggerFactory.getLogger(ShadowTables.class);
    private static final int MAX_IDENTIFIER_LENGTH = 63;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RebuildProperties properties;
    /** Of each live table a shadow was created for, the columns its keys and indexes look rows up by. */
    private final Map<String, List<String>> indexedColumns = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    ShadowTables(DataSource dataSource, PlatformTransactionManager transactionManager, RebuildProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /**
     * Creates empty shadow tables for the given live tables, replacing any a crashed rebuild left behind. On
     * PostgreSQL they are unlogged until {@link #compact} makes them like the live ones: what a replay writes and
     * rewrites goes to no write-ahead log, and a crash in the middle, which ends the rebuild anyway, empties them.
     */
    ProjectionTables create(List<String> tables) {
        ProjectionTables shadow = ProjectionTables.withSuffix(tables, SUFFIX);
        drop(tables);
        for (String table : tables) {
            Structure live = structure(table);
            indexedColumns.put(table, live.indexedColumns());
            String name = shadow.name(table);
            if (postgres()) {
                jdbc.execute("CREATE UNLOGGED TABLE " + name + " (LIKE " + table
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY)");
            } else {
                jdbc.execute("CREATE TABLE " + name + " (" + live.columns().stream().map(Column::definition)
                        .collect(Collectors.joining(", ")) + ")");
            }
            if (!live.primaryKey().isEmpty()) {
                jdbc.execute("ALTER TABLE " + name + " ADD CONSTRAINT " + shadowName(live.primaryKeyName())
                        + " PRIMARY KEY (" + String.join(", ", live.primaryKey()) + ")");
            }
            for (Index index : live.indexes()) {
                jdbc.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + shadowName(index.name())
                        + " ON " + name + " (" + String.join(", ", index.columns()) + ")"
                        + (index.condition() == null ? "" : " WHERE " + index.condition()));
            }
        }
        return shadow;
    }

    /** Drops the shadow tables of the given live tables, if they exist. */
    void drop(List<String> tables) {
        ProjectionTables shadow = ProjectionTables.withSuffix(tables, SUFFIX);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + shadow.name(table));
        }
    }

    /**
     * Gathers the planner's statistics of the shadow tables while the replay fills them; autovacuum would come by too
     * late, if it runs at all. Without statistics PostgreSQL takes each key of an {@code IN} list to match half a
     * percent of a table, and reads a whole table to find a batch's fifty cases (a batch's rows are read up front,
     * {@link RowBuffer}). Only the columns of the keys and indexes are analyzed: the replay finds rows by nothing
     * else, and those statistics cost a fraction of a whole table's (a table of 100,000 items: 36 ms against 133 ms).
     * {@link #compact} gathers them all once the replay is done. H2 (the demo) plans without them.
     */
    void analyze(List<String> tables) {
        if (!postgres()) {
            return;
        }
        ProjectionTables shadow = ProjectionTables.withSuffix(tables, SUFFIX);
        for (String table : tables) {
            String columns = String.join(", ", indexedColumns.getOrDefault(table, List.of()));
            jdbc.execute("ANALYZE " + shadow.name(table) + (columns.isEmpty() ? "" : " (" + columns + ")"));
        }
    }

    /**
     * Compacts the shadow tables once the replay has filled them. A replay updates a row once per batch that
     * changes it (once per event of its aggregate before the {@link RowBuffer}: a bundle case some 17 times), faster
     * than autovacuum comes by, and leaves a table of dead row versions: with one update per event, after a rebuild
     * of 58,000 cases {@code bundle_case} took 462 MB for 58,000 live rows, and every
     * dashboard query that scans it took 200 ms instead of a few. On PostgreSQL, {@code ALTER TABLE … SET LOGGED}
     * rewrites each unlogged table with its live rows only, into the write-ahead log, as {@code VACUUM FULL} would
     * rewrite a logged one, and {@code ANALYZE} gathers the planner's statistics; no one else touches a shadow table,
     * so the exclusive lock costs nothing. H2 (the demo) keeps no dead row versions in its tables. Two tables are
     * compacted at a time, one on a thread of {@code beside}: the replay is over and the live processor not yet
     * paused, so the two cores have little else to do.
     */
    void compact(List<String> tables, Executor beside) {
        if (!postgres()) {
            return;
        }
        ProjectionTables shadow = ProjectionTables.withSuffix(tables, SUFFIX);
        Queue<String> left = new ConcurrentLinkedQueue<>(tables);
        Supplier<Void> lane = () -> {
            for (String table = left.poll(); table != null; table = left.poll()) {
                jdbc.execute("ALTER TABLE " + shadow.name(table) + " SET LOGGED");
                jdbc.execute("ANALYZE " + shadow.name(table));
            }
            return null;
        };
        Futures.both(lane, lane, beside);
    }

    /**
     * Puts the shadow tables in the live tables' place, in one transaction, and runs {@code check} inside it first
     * (the rebuild makes sure there that it still holds the processor's segments).
     */
    void swap(List<String> tables, Runnable check) {
        if (!postgres()) {
            transactions.executeWithoutResult(status -> {
                check.run();
                for (String table : tables) {
                    String columns = String.join(", ", structure(table).columns().stream().map(Column::name).toList());
                    jdbc.execute("DELETE FROM " + table);
                    jdbc.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM "
                            + table + SUFFIX);
                }
            });
            drop(tables);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> renameIntoPlace(tables, check));
                return;
            } catch (PessimisticLockingFailureException busy) {
                if (attempt >= properties.switchAttempts()) {
                    throw new IllegalStateException("Readers or writers kept the tables " + tables + " busy through "
                            + attempt + " attempts to switch; the live model is unchanged", busy);
                }
                LOG.debug("Tables {} busy, switch attempt {} retried", tables, attempt);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25L * attempt));
            }
        }
    }

    /**
     * Takes every table without waiting (so the switch never waits while holding a lock, and cannot deadlock with a
     * reader that joins several of these tables), then renames.
     */
    private void renameIntoPlace(List<String> tables, Runnable check) {
        List<String> all = new ArrayList<>();
        tables.forEach(table -> all.add(table + SUFFIX));
        all.addAll(tables);
        jdbc.execute("LOCK TABLE " + String.join(", ", all) + " IN ACCESS EXCLUSIVE MODE NOWAIT");
        check.run();
        for (String table : tables) {
            Structure shadow = structure(table + SUFFIX);
            jdbc.execute("DROP TABLE " + table);
            jdbc.execute("ALTER TABLE " + table + SUFFIX + " RENAME TO " + table);
            // The live table's constraint and index names are free again: give them to the new table, so that a
            // later migration finds them under the names it was written with.
            if (shadow.primaryKeyName() != null && shadow.primaryKeyName().endsWith(SUFFIX)) {
                jdbc.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + shadow.primaryKeyName() + " TO "
                        + liveName(shadow.primaryKeyName()));
            }
            for (Index index : shadow.indexes()) {
                if (index.name().endsWith(SUFFIX)) {
                    jdbc.execute("ALTER INDEX " + index.name() + " RENAME TO " + liveName(index.name()));
                }
            }
        }
    }

    boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgresql);
            postgres = known;
        }
        return known;
    }

    /** The columns, primary key and other indexes of a table, from the database's own metadata. */
    Structure structure(String table) {
        return Objects.requireNonNull(jdbc.execute((ConnectionCallback<Structure>) connection ->
                structure(connection, table)));
    }

    /** The primary key columns of a table, in key order; empty if it has none. */
    List<String> primaryKey(String table) {
        return structure(table).primaryKey();
    }

    private static Structure structure(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        List<Column> columns = new ArrayList<>();
        try (ResultSet rows = metadata.getColumns(connection.getCatalog(), schema, table, null)) {
            while (rows.next()) {
                columns.add(new Column(rows.getString("COLUMN_NAME"), type(rows),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rows.getString("COLUMN_DEF"),
                        rows.getInt("ORDINAL_POSITION")));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No table " + table + " in schema " + schema);
        }
        columns.sort((a, b) -> Integer.compare(a.position(), b.position()));
        String primaryKeyName = null;
        Map<Integer, String> keyColumns = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(connection.getCatalog(), schema, table)) {
            while (rows.next()) {
                primaryKeyName = rows.getString("PK_NAME");
                keyColumns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        List<String> primaryKey = List.copyOf(keyColumns.values());
        Map<String, Boolean> unique = new LinkedHashMap<>();
        Map<String, String> conditions = new HashMap<>();
        Map<String, Map<Integer, String>> indexColumns = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getIndexInfo(connection.getCatalog(), schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (name == null || column == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                unique.put(name, !rows.getBoolean("NON_UNIQUE"));
                // A partial index's predicate, as PostgreSQL prints it (pg_get_expr); H2 has none.
                String condition = rows.getString("FILTER_CONDITION");
                if (condition != null && !condition.isBlank()) {
                    conditions.put(name, condition);
                }
                indexColumns.computeIfAbsent(name, key -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"),
                        "D".equals(rows.getString("ASC_OR_DESC")) ? column + Index.DESCENDING : column);
            }
        }
        List<Index> indexes = new ArrayList<>();
        indexColumns.forEach((name, byPosition) -> {
            List<String> indexed = List.copyOf(byPosition.values());
            boolean backsPrimaryKey = unique.get(name) && indexed.equals(primaryKey);
            if (!backsPrimaryKey) {
                indexes.add(new Index(name, unique.get(name), indexed, conditions.get(name)));
            }
        });
        return new Structure(table, List.copyOf(columns), primaryKeyName, primaryKey, List.copyOf(indexes));
    }

    /** A column type as DDL: H2 reports {@code CHARACTER VARYING} and its length apart. */
    private static String type(ResultSet column) throws SQLException {
        String type = column.getString("TYPE_NAME");
        String upper = type.toUpperCase();
        if ((upper.contains("CHAR") || upper.contains("BINARY")) && !upper.contains("LARGE OBJECT")) {
            return type + "(" + column.getInt("COLUMN_SIZE") + ")";
        }
        if (upper.equals("NUMERIC") || upper.equals("DECIMAL")) {
            return type + "(" + column.getInt("COLUMN_SIZE") + ", " + column.getInt("DECIMAL_DIGITS") + ")";
        }
        return type;
    }

    private static String shadowName(String liveName) {
        String name = ProjectionTables.requireIdentifier(liveName.toLowerCase() + SUFFIX);
        if (name.length() > MAX_IDENTIFIER_LENGTH) {
            throw new IllegalStateException("The shadow name " + name + " is longer than " + MAX_IDENTIFIER_LENGTH
                    + " characters; shorten " + liveName);
        }
        return name;
    }

    private static String liveName(String shadowName) {
        return shadowName.substring(0, shadowName.length() - SUFFIX.length());
    }

    /** A table as the database describes it. */
    record Structure(String table, List<Column> columns, String primaryKeyName, List<String> primaryKey,
                     List<Index> indexes) {

        /**
         * The columns of the primary key and of the other indexes, each once, in that order; not an index's
         * expressions.
         */
        List<String> indexedColumns() {
            Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
            return Stream.concat(primaryKey.stream(), indexes.stream().flatMap(index -> index.columnNames().stream()))
                    .filter(names::contains)
                    .distinct()
                    .toList();
        }
    }

    /** A column with what a {@code CREATE TABLE} needs of it. */
    record Column(String name, String type, boolean nullable, String defaultValue, int position) {

        String definition() {
            return name + " " + type + (defaultValue == null ? "" : " DEFAULT " + defaultValue)
                    + (nullable ? "" : " NOT NULL");
        }
    }

    /**
     * An index other than the primary key's; a descending column carries {@code DESC}, a partial index its
     * {@code condition} (else null).
     */
    record Index(String name, boolean unique, List<String> columns, String condition) {

        /** What follows a descending column's name in {@link #columns}. */
        static final String DESCENDING = " DESC";

        /** The names in {@link #columns}, without their direction. */
        List<String> columnNames() {
            return columns.stream().map(column -> column.endsWith(DESCENDING)
                    ? column.substring(0, column.length() - DESCENDING.length()) : column).toList();
        }
    }
}
