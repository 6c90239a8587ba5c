package cn.gov.lvliang.ledger.query.rebuild;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which tables a projection writes: the live tables under their own names, or a rebuild's shadow tables beside them.
 * A projection keeps its SQL written with the live names and passes each write through {@link #sql}, which puts the
 * shadow names in place of the live ones. That is all a projection needs to know about rebuilds: its idempotent
 * statements stay exactly as they are.
 *
 * <p>A name is replaced only as a whole identifier ({@code bundle_case} in {@code UPDATE bundle_case SET}, not in
 * {@code bundle_case_item} or {@code c.bundle_case}), so a projection must not use one of its table names as a column
 * name or inside a string literal.
 */
public final class ProjectionTables {

    /** A value for {@link #insert} that stands for the column's default, as {@code DEFAULT} in SQL does. */
    public static final Object DEFAULT = new Object() {
        @Override
        public String toString() {
            return "DEFAULT";
        }
    };

    /** The live model: every table under its own name, statements unchanged. */
    public static final ProjectionTables LIVE = new ProjectionTables(Map.of());

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** A column type as a database names it: {@code timestamptz}, {@code CHARACTER VARYING}. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_ ]*");
    private static final int MAX_REMEMBERED_STATEMENTS = 1000;
    /** Bound parameters of one multi-row statement at most: PostgreSQL's protocol allows 65,535. */
    private static final int MAX_PARAMETERS = 10_000;
    /** Rows per statement of arrays: a bound on the size of one parameter, not on their count. */
    private static final int ROWS_PER_UNNEST = 5_000;

    private final Map<String, String> names;
    private final Pattern liveNames;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private ProjectionTables(Map<String, String> names) {
        this.names = Map.copyOf(names);
        this.liveNames = names.isEmpty() ? null : Pattern.compile(names.keySet().stream()
                // Longest first, so that bundle_case_item is never read as bundle_case followed by _item.
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![A-Za-z0-9_.])(", ")(?![A-Za-z0-9_])")));
    }

    /** The given live tables, each written under the live name plus {@code suffix}. */
    static ProjectionTables withSuffix(List<String> tables, String suffix) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String table : tables) {
            names.put(requireIdentifier(table), requireIdentifier(table + suffix));
        }
        return new ProjectionTables(names);
    }

    /** The name under which this set holds the given live table. */
    public String name(String liveTable) {
        return names.getOrDefault(liveTable, liveTable);
    }

    /** The statement, written with live table names, on the tables of this set. */
    public String sql(String statement) {
        if (liveNames == null) {
            return statement;
        }
        String rewritten = statements.get(statement);
        if (rewritten == null) {
            rewritten = liveNames.matcher(statement)
                    .replaceAll(match -> Matcher.quoteReplacement(names.get(match.group(1))));
            // A projection's statements are a fixed set; one that builds them from values must not fill the memory.
            if (statements.size() < MAX_REMEMBERED_STATEMENTS) {
                statements.put(statement, rewritten);
            }
        }
        return rewritten;
    }

    /**
     * A statement of many rows, {@code head rows tail}, on the tables of this set: only the head and the tail, which
     * are few and repeat, name tables; the rows' placeholders, as long as the rows are many, are left as they are.
     */
    String rows(String head, String rows, String tail) {
        return sql(head) + rows + sql(tail);
    }

    /** A statement, written with live table names, on the tables of this set, through {@code jdbc}. */
    public JdbcClient.StatementSpec sql(JdbcClient jdbc, String statement) {
        return jdbc.sql(sql(statement));
    }

    /** Empties the given live tables (children first) in this set: a projection's reset. */
    public void clear(JdbcClient jdbc, List<String> liveTables) {
        for (String table : liveTables) {
            sql(jdbc, "DELETE FROM " + table).update();
        }
    }

    /**
     * Moves an aggregate's row to an event's sequence number and recorded time, the guard every per-aggregate
     * projection applies before it writes: false if the row is there already (a redelivered event) or does not exist.
     *
     * @param table     the aggregate's live table, with columns {@code last_event_sequence} and {@code last_recorded_at}
     * @param keyColumn the column holding the aggregate's id
     */
    public boolean advance(JdbcClient jdbc, String table, String keyColumn, String key, long sequence,
                           Instant recordedAt) {
        return sql(jdbc, "UPDATE " + requireIdentifier(table)
                + " SET last_event_sequence = :sequence, last_recorded_at = :recordedAt WHERE "
                + requireIdentifier(keyColumn) + " = :key AND last_event_sequence < :sequence")
                .param("key", key)
                .param("sequence", sequence)
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /**
     * Inserts rows into one table in a single multi-row {@code INSERT}: one round trip and one execution where a loop
     * takes one of each per row, as a case's items at its submission or the materials one event records. Long lists
     * go in chunks that stay well below the drivers' limit on bound parameters.
     *
     * @param table   the live table
     * @param columns the columns each row gives values for, in order
     * @param rows    one array of values per row, in the order of {@code columns}; nulls allowed
     */
    public void insert(JdbcClient jdbc, String table, List<String> columns, List<Object[]> rows) {
        multiRow(jdbc, table, columns, rows, "INSERT INTO " + table + " (" + list(columns) + ") VALUES ",
                row -> Arrays.stream(row).map(value -> value == DEFAULT ? "DEFAULT" : "?")
                        .collect(Collectors.joining(", ", "(", ")")), "");
    }

    /**
     * Sets the given columns of rows of one table, found by their keys, in one multi-row {@code MERGE} per chunk (a
     * statement PostgreSQL and H2 share); a row whose key is not there is left out. The other columns stay as they
     * are, whoever wrote them.
     *
     * @param key       the columns of the table's primary key, first in {@code columns}
     * @param columns   the key's columns, then those to set
     * @param typeName  the type of a column as the database names it (the values are cast to it, since a
     *                  {@code VALUES} list has no columns to take its types from)
     */
    public void update(JdbcClient jdbc, String table, List<String> key, List<String> columns,
                       Function<String, String> typeName, List<Object[]> rows) {
        requireKeyFirst(table, key, columns);
        String placeholders = columns.stream().map(column -> "CAST(? AS " + plainType(table, column, typeName) + ")")
                .collect(Collectors.joining(", ", "(", ")"));
        List<String> set = columns.subList(key.size(), columns.size());
        multiRow(jdbc, table, columns, rows, "MERGE INTO " + table + " t USING (VALUES ", row -> placeholders,
                ") AS v (" + list(columns) + ") ON (" + key.stream()
                        .map(column -> "t." + column + " = v." + column)
                        .collect(Collectors.joining(" AND ")) + ") WHEN MATCHED THEN UPDATE SET " + set.stream()
                        .map(column -> column + " = v." + column)
                        .collect(Collectors.joining(", ")));
    }

    /**
     * PostgreSQL: inserts rows into one table from one array per column, {@link #unnested unnested}. Every row gives
     * every column; there is no {@link #DEFAULT}.
     */
    public void insertUnnested(JdbcClient jdbc, String table, List<String> columns, Function<String, String> typeName,
                               List<Object[]> rows) {
        unnested(jdbc, table, "INSERT INTO " + table + " (" + list(columns) + ") SELECT * FROM ", columns, typeName,
                "", rows);
    }

    /**
     * PostgreSQL: sets the given columns of rows of one table, found by their keys, from one array per column,
     * {@link #unnested unnested}; a row whose key is not there is left out, and the other columns stay as they are.
     *
     * @param key the columns of the table's primary key, first in {@code columns}
     */
    public void updateUnnested(JdbcClient jdbc, String table, List<String> key, List<String> columns,
                               Function<String, String> typeName, List<Object[]> rows) {
        requireKeyFirst(table, key, columns);
        unnested(jdbc, table, "UPDATE " + table + " t SET " + columns.subList(key.size(), columns.size()).stream()
                        .map(column -> column + " = v." + column).collect(Collectors.joining(", ")) + " FROM ",
                columns, typeName, " AS v (" + list(columns) + ") WHERE " + key.stream()
                        .map(column -> "t." + column + " = v." + column).collect(Collectors.joining(" AND ")),
                rows);
    }

    /**
     * PostgreSQL: {@code head unnest(CAST(? AS type[]), …) tail} on this set's tables, the rows bound as one array
     * per column, side by side. The statement's text depends only on its table and columns, so that the driver and
     * the server prepare it once; the values travel as one parameter per column, where a multi-row statement binds one
     * per value and is parsed anew for every count of rows. Very many rows go in a few statements.
     *
     * @param table    the live table the statement writes, which {@code head} and {@code tail} name
     * @param columns  the columns each row gives values for, in order
     * @param typeName the type of a column as the database names it: the type of its array
     * @param rows     one array of values per row, in the order of {@code columns}; nulls allowed
     */
    public void unnested(JdbcClient jdbc, String table, String head, List<String> columns,
                         Function<String, String> typeName, String tail, List<Object[]> rows) {
        requireRowLengths(requireIdentifier(table), columns, rows);
        String statement = sql(head + columns.stream()
                .map(column -> "CAST(? AS " + plainType(table, column, typeName) + "[])")
                .collect(Collectors.joining(", ", "unnest(", ")")) + tail);
        for (int from = 0; from < rows.size(); from += ROWS_PER_UNNEST) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_UNNEST));
            jdbc.sql(statement).params(PostgresqlArrays.columns(part, columns.size())).update();
        }
    }

    /**
     * {@code head (…), (…) tail} for each chunk of rows, on this set's tables, each row's {@code (…)} as
     * {@code placeholders} gives it; the values bound are those of the rows, less any {@link #DEFAULT}.
     */
    private void multiRow(JdbcClient jdbc, String table, List<String> columns, List<Object[]> rows, String head,
                          Function<Object[], String> placeholders, String tail) {
        requireRowLengths(requireIdentifier(table), columns, rows);
        int chunk = Math.max(1, MAX_PARAMETERS / columns.size());
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            List<Object> values = new ArrayList<>(part.size() * columns.size());
            part.forEach(row -> Arrays.stream(row).filter(value -> value != DEFAULT).forEach(values::add));
            jdbc.sql(rows(head, part.stream().map(placeholders).collect(Collectors.joining(", ")), tail))
                    .params(values)
                    .update();
        }
    }

    private static void requireKeyFirst(String table, List<String> key, List<String> columns) {
        if (columns.size() <= key.size() || !columns.subList(0, key.size()).equals(key)) {
            throw new IllegalArgumentException("Columns " + columns + " of " + table + " are not its key " + key
                    + " and then others");
        }
    }

    private static void requireRowLengths(String what, List<String> columns, List<Object[]> rows) {
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("A row of " + row.length + " values for the " + columns.size()
                        + " columns " + columns + " of " + what);
            }
        }
    }

    /** A column's type as the database names it, checked to be a plain name that can go into a statement. */
    private static String plainType(String table, String column, Function<String, String> typeName) {
        String type = typeName.apply(column);
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("No plain type for " + table + "." + column + ": " + type);
        }
        return type;
    }

    /** Column names, checked to be plain identifiers, separated by commas. */
    private static String list(List<String> columns) {
        columns.forEach(ProjectionTables::requireIdentifier);
        return String.join(", ", columns);
    }

    static String requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case table name: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return names.isEmpty() ? "live tables" : "tables " + names.values();
    }
}
