package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.infra.DatabaseProduct;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection's rows held in memory for one transaction and written back once, just before it commits: a batch of
 * events that changes a case's row twenty times writes it once, and all the batch's rows of a table go in a few
 * statements. Without it a replay sends a statement per event and waits for each.
 *
 * <p>The rows of an <em>owner</em> (an aggregate: a case and its items, say) are read on first use, all of a table
 * at once; the owners of a processor's batch are read up front, in one query per table ({@code prefetched}). Handlers
 * {@link #find find}, {@link #insert insert} and change {@link Row rows}. Before the commit the buffer writes, table
 * by table in the order given (parents first), the new rows and, of the rows read, only the columns the transaction
 * changed: on PostgreSQL from one array per column ({@link ProjectionTables#insertUnnested},
 * {@link ProjectionTables#updateUnnested}), statements it prepares once; on H2 as multi-row {@code INSERT}s and
 * {@code MERGE}s. A column another writer changes meanwhile (the
 * erasure of an applicant's name, which reaches a case from another segment) keeps what that writer wrote. A handler
 * that runs a statement of its own on the buffered tables calls {@link #flushAndForget} first. The events of one owner
 * must reach one segment in order, as a per-aggregate sequencing policy ensures, so that no other transaction changes
 * the columns this one does.
 *
 * <p>In a transaction the rows are bound to it and written before any other synchronization's {@code beforeCommit}
 * (the bundle-case tally reads the written rows there). Outside one (tests that feed a projection directly) each
 * event's rows are written as its handling ends.
 */
public final class RowBuffer {

    /** Owner ids per {@code IN} list when reading a batch's rows. */
    private static final int OWNERS_PER_READ = 500;

    /**
     * A table the buffer holds rows of.
     *
     * @param name  the live table
     * @param key   its primary key's columns
     * @param owner the key column naming the aggregate a row belongs to
     */
    public record Table(String name, List<String> key, String owner) {

        public Table {
            ProjectionTables.requireIdentifier(name);
            key = List.copyOf(key);
            key.forEach(ProjectionTables::requireIdentifier);
            if (!key.contains(owner)) {
                throw new IllegalArgumentException("The owner column " + owner + " of " + name
                        + " is not in its key " + key);
            }
        }

        private int ownerPosition() {
            return key.indexOf(owner);
        }
    }

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final List<Table> order;
    private final List<Table> prefetched;
    private final Function<Message<?>, String> ownerOf;
    private final BooleanSupplier postgresql;
    /** Each table's columns and their types, read once. */
    private final Map<String, Map<String, ColumnType>> columnTypes = new ConcurrentHashMap<>();

    /**
     * @param order      the tables, parents before the rows that belong to them
     * @param prefetched the tables whose rows are read for all the owners of a processor's batch up front
     * @param ownerOf    the owner an event belongs to, or null; it should look at the payload only for events of the
     *                   projection's types (a batch holds others, whose payloads need not be deserialized)
     */
    public RowBuffer(JdbcClient jdbc, ProjectionTables tables, List<Table> order, List<Table> prefetched,
                     Function<Message<?>, String> ownerOf) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.order = List.copyOf(order);
        this.prefetched = List.copyOf(prefetched);
        this.ownerOf = ownerOf;
        this.postgresql = DatabaseProduct.isPostgresqlOnce(jdbc);
        if (!this.order.containsAll(this.prefetched)) {
            throw new IllegalArgumentException("Prefetched tables not among the buffered: " + prefetched);
        }
    }

    /**
     * Runs one event's handling with the rows of the current transaction, reading the rows of the processor's batch
     * first if the transaction has none yet; outside a transaction, with rows of its own that are written when it
     * ends.
     */
    public <T> T around(Callable<T> handling) throws Exception {
        if (TransactionSynchronizationManager.getResource(this) != null) {
            return handling.call();
        }
        Rows rows = new Rows();
        TransactionSynchronizationManager.bindResource(this, rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(rows);
            rows.prefetch(ofTheBatch(ownerOf));
            return handling.call();
        }
        try {
            T result = handling.call();
            rows.writeChanged();
            return result;
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    /** The row of {@code table} with the given key values, in key order, if there is one. */
    public Optional<Row> find(Table table, Object... key) {
        return current().find(table, keyOf(table, key));
    }

    /**
     * The guard every per-aggregate projection applies before it changes anything: moves the owner's row of
     * {@code table} (keyed by the owner alone, with {@code last_event_sequence} and {@code last_recorded_at}) to an
     * event's sequence number and recorded time, and answers it if the event is news for the row; empty if the event
     * was applied before (a redelivery, or a replay over a live model), in which case the handler must change
     * nothing, or if the row is not there (the read model never saw the aggregate begin).
     */
    public Optional<Row> advance(Table table, Object owner, long sequence, Instant recordedAt) {
        return find(table, owner)
                .filter(row -> row.number("last_event_sequence") < sequence)
                .map(row -> row.set("last_event_sequence", sequence)
                        .set("last_recorded_at", recordedAt.atOffset(ZoneOffset.UTC)));
    }

    /** Every row of {@code table} that belongs to {@code owner}, in no particular order. */
    public Collection<Row> owned(Table table, Object owner) {
        return current().owned(table, normalized(owner));
    }

    /**
     * Reads the rows of {@code table} of the given owners that are not in memory yet, a few hundred owners per query:
     * before {@link #owned} for many owners, which would read them one by one.
     */
    public void read(Table table, Collection<?> owners) {
        current().read(table, owners.stream().map(RowBuffer::normalized).toList());
    }

    /**
     * A new row of {@code table} with the given key values, in key order; the caller sets the rest. Columns it leaves
     * unset get their defaults when it is written, but read as null until then, so a column a later event adds to
     * must be set here.
     */
    public Row insert(Table table, Object... key) {
        return current().insert(table, keyOf(table, key), key);
    }

    /** Writes what changed so far and forgets every row, before a statement of the handler's own on these tables. */
    public void flushAndForget() {
        Rows rows = current();
        rows.writeChanged();
        rows.forget();
    }

    private Rows current() {
        Rows rows = (Rows) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            throw new IllegalStateException("Rows used outside RowBuffer.around");
        }
        return rows;
    }

    /**
     * An {@code ownerOf} for aggregates whose events share a type: the owner {@code id} gives for an event of
     * {@code type}, null for any other, whose payload it leaves serialized.
     */
    public static <E> Function<Message<?>, String> ownerOf(Class<E> type, Function<? super E, String> id) {
        return message -> type.isAssignableFrom(message.getPayloadType())
                ? id.apply(type.cast(message.getPayload())) : null;
    }

    /**
     * What {@code what} finds in each event of the processor's batch being handled (none outside one), without nulls
     * and in the events' order: the owners a batch reads up front, say.
     *
     * @param what what an event names (its owner, say), or null
     */
    public static <T> Set<T> ofTheBatch(Function<Message<?>, T> what) {
        Set<T> found = new LinkedHashSet<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            batch.getMessages().forEach(message -> {
                T value = what.apply(message);
                if (value != null) {
                    found.add(value);
                }
            });
        }
        return found;
    }

    private static List<Object> keyOf(Table table, Object... values) {
        if (values.length != table.key().size()) {
            throw new IllegalArgumentException(values.length + " key values for " + table.name() + "'s key "
                    + table.key());
        }
        return Arrays.stream(values).map(RowBuffer::normalized).toList();
    }

    /** Key values compare alike whether they came from an event (int) or a column (Long for BIGINT, say). */
    private static Object normalized(Object value) {
        Objects.requireNonNull(value, "a key value");
        return value instanceof Integer || value instanceof Long || value instanceof Short
                ? Long.valueOf(((Number) value).longValue()) : value;
    }

    private Map<String, ColumnType> columnTypes(Table table) {
        return columnTypes.computeIfAbsent(table.name(), name -> tables.sql(jdbc, "SELECT * FROM " + name
                        + " WHERE 1 = 0")
                .query((ResultSetExtractor<Map<String, ColumnType>>) result -> {
                    ResultSetMetaData meta = result.getMetaData();
                    Map<String, ColumnType> types = new HashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
                                new ColumnType(meta.getColumnType(i), meta.getColumnTypeName(i)));
                    }
                    return Map.copyOf(types);
                }));
    }

    /** The rows' values of the given columns, which each of them was given, as they are. */
    private static List<Object[]> givenValues(List<String> columns, List<Row> rowsToWrite) {
        return rowsToWrite.stream().map(row -> columns.stream().map(row.values::get).toArray()).toList();
    }

    private static ColumnType typeOf(Table table, Map<String, ColumnType> types, String column) {
        ColumnType type = types.get(column);
        if (type == null) {
            throw new IllegalStateException(table.name() + " has no column " + column);
        }
        return type;
    }

    /** A column's type: as {@link java.sql.Types} has it, and as the database names it. */
    private record ColumnType(int sqlType, String name) {
    }

    /**
     * One row: its columns' values, whether the database holds it, and which of its columns changed since it was
     * read or last written.
     */
    public static final class Row {

        private final Table table;
        private final Map<String, Object> values;
        private final Set<String> changed = new LinkedHashSet<>();
        private boolean stored;

        private Row(Table table, Map<String, Object> values, boolean stored) {
            this.table = table;
            this.values = values;
            this.stored = stored;
        }

        public Object get(String column) {
            return values.get(column);
        }

        /**
         * A column's value as {@code type}: a whole number as an Integer or a Long, whichever the caller asks for,
         * whether it was read from the database or set by a handler; null as null.
         */
        public <T> T get(String column, Class<T> type) {
            Object value = values.get(column);
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                long number = ((Number) value).longValue();
                if (type == Integer.class) {
                    return type.cast(Math.toIntExact(number));
                }
                if (type == Long.class) {
                    return type.cast(number);
                }
            }
            return type.cast(value);
        }

        /** A column holding a whole number. */
        public long number(String column) {
            Object value = values.get(column);
            if (!(value instanceof Number number)) {
                throw new IllegalStateException(table.name() + "." + column + " holds no number: " + value);
            }
            return number.longValue();
        }

        public Row set(String column, Object value) {
            if (table.key().contains(column) && values.containsKey(column)) {
                throw new IllegalArgumentException("A key column does not change: " + table.name() + "." + column);
            }
            Object previous = values.put(column, value);
            if (!Objects.equals(previous, value)) {
                changed.add(column);
            }
            return this;
        }

        /** Adds to a column holding a whole number, which a new row must have been given. */
        public Row add(String column, int amount) {
            Object value = values.get(column);
            if (value instanceof Long number) {
                return set(column, number + amount);
            }
            if (value instanceof Integer number) {
                return set(column, number + amount);
            }
            throw new IllegalStateException("Cannot add to " + table.name() + "." + column + ", which holds " + value);
        }

        private boolean dirty() {
            return !stored || !changed.isEmpty();
        }
    }

    /** One transaction's rows, by table and owner. */
    private final class Rows implements TransactionSynchronization {

        private final Map<Table, Map<Object, Map<List<Object>, Row>>> rows = new HashMap<>();
        private final Map<Table, Set<Object>> loadedOwners = new HashMap<>();

        void prefetch(Collection<String> owners) {
            for (Table table : prefetched) {
                read(table, List.copyOf(owners));
            }
        }

        void read(Table table, List<Object> owners) {
            Set<Object> loaded = loaded(table);
            List<Object> ids = owners.stream().filter(owner -> !loaded.contains(owner)).distinct().toList();
            for (int from = 0; from < ids.size(); from += OWNERS_PER_READ) {
                load(table, ids.subList(from, Math.min(ids.size(), from + OWNERS_PER_READ)));
            }
        }

        Optional<Row> find(Table table, List<Object> key) {
            Object owner = key.get(table.ownerPosition());
            Row row = byOwner(table, owner).get(key);
            if (row == null && !loaded(table).contains(owner)) {
                load(table, List.of(owner));
                row = byOwner(table, owner).get(key);
            }
            return Optional.ofNullable(row);
        }

        Collection<Row> owned(Table table, Object owner) {
            if (!loaded(table).contains(owner)) {
                load(table, List.of(owner));
            }
            return Collections.unmodifiableCollection(byOwner(table, owner).values());
        }

        Row insert(Table table, List<Object> key, Object[] keyValues) {
            Map<List<Object>, Row> owned = byOwner(table, key.get(table.ownerPosition()));
            if (owned.containsKey(key)) {
                throw new IllegalStateException(table.name() + " already holds the row " + key);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i++) {
                values.put(table.key().get(i), keyValues[i]);
            }
            Row row = new Row(table, values, false);
            owned.put(key, row);
            return row;
        }

        /** Reads the rows of the given owners that are not in memory yet; rows in memory stay as they are. */
        private void load(Table table, List<Object> owners) {
            List<Row> read = tables.sql(jdbc, "SELECT * FROM " + table.name() + " WHERE " + table.owner()
                            + " IN (:owners)")
                    .param("owners", owners)
                    .query((result, rowNumber) -> new Row(table, values(result), true))
                    .list();
            for (Row row : read) {
                List<Object> key = table.key().stream().map(column -> normalized(row.get(column))).toList();
                byOwner(table, key.get(table.ownerPosition())).putIfAbsent(key, row);
            }
            loaded(table).addAll(owners);
        }

        void writeChanged() {
            for (Table table : order) {
                List<Row> inserts = new ArrayList<>();
                List<Row> updates = new ArrayList<>();
                rows.getOrDefault(table, Map.of()).values().forEach(owned -> owned.values().forEach(row -> {
                    if (row.dirty()) {
                        (row.stored ? updates : inserts).add(row);
                    }
                }));
                insert(table, inserts);
                update(table, updates);
            }
        }

        void forget() {
            rows.clear();
            loadedOwners.clear();
        }

        /**
         * Inserts new rows: on PostgreSQL in a statement per set of columns given, the rest taking their defaults; on
         * H2 in one multi-row statement, each row giving the columns it was given and the defaults of those that
         * another row of the statement was given.
         */
        private void insert(Table table, List<Row> added) {
            if (added.isEmpty()) {
                return;
            }
            if (postgresql.getAsBoolean()) {
                // One statement per set of columns given, each column's values in one array.
                Map<List<String>, List<Row>> byColumns = added.stream().collect(Collectors.groupingBy(
                        row -> row.values.keySet().stream().sorted().toList(), LinkedHashMap::new,
                        Collectors.toList()));
                Map<String, ColumnType> types = columnTypes(table);
                byColumns.forEach((columns, rowsOfColumns) -> tables.insertUnnested(jdbc, table.name(), columns,
                        column -> typeOf(table, types, column).name(), givenValues(columns, rowsOfColumns)));
                written(added);
                return;
            }
            Set<String> given = new LinkedHashSet<>();
            added.forEach(row -> given.addAll(row.values.keySet()));
            List<String> columns = List.copyOf(given);
            tables.insert(jdbc, table.name(), columns, parameters(table, columns, added));
            written(added);
        }

        /**
         * Sets the changed columns of stored rows, in one multi-row statement per set of changed columns, and no
         * other column: what another writer changed meanwhile in a column this transaction did not change (an
         * erasure, the applicant's name) stays as it is.
         */
        private void update(Table table, List<Row> changedRows) {
            Map<List<String>, List<Row>> byColumns = changedRows.stream().collect(Collectors.groupingBy(row -> {
                List<String> columns = new ArrayList<>(table.key());
                row.changed.stream().sorted().forEach(columns::add);
                return columns;
            }, LinkedHashMap::new, Collectors.toList()));
            Map<String, ColumnType> types = columnTypes(table);
            if (postgresql.getAsBoolean()) {
                byColumns.forEach((columns, rowsOfColumns) -> tables.updateUnnested(jdbc, table.name(), table.key(),
                        columns, column -> typeOf(table, types, column).name(), givenValues(columns, rowsOfColumns)));
            } else {
                byColumns.forEach((columns, rowsOfColumns) -> tables.update(jdbc, table.name(), table.key(), columns,
                        column -> typeOf(table, types, column).name(), parameters(table, columns, rowsOfColumns)));
            }
            written(changedRows);
        }

        /** The rows' values of the given columns: a null with its column's type, a column not given its default. */
        private List<Object[]> parameters(Table table, List<String> columns, List<Row> rowsToWrite) {
            Map<String, ColumnType> types = columnTypes(table);
            return rowsToWrite.stream().map(row -> columns.stream().map(column -> {
                ColumnType type = typeOf(table, types, column);
                if (!row.values.containsKey(column)) {
                    return ProjectionTables.DEFAULT;
                }
                Object value = row.values.get(column);
                // A null's type said, so that the driver need not ask the database for it.
                return value == null ? new SqlParameterValue(type.sqlType(), null) : value;
            }).toArray()).toList();
        }

        private void written(List<Row> rowsWritten) {
            rowsWritten.forEach(row -> {
                row.stored = true;
                row.changed.clear();
            });
        }

        private Map<List<Object>, Row> byOwner(Table table, Object owner) {
            return rows.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(owner,
                    o -> new LinkedHashMap<>());
        }

        private Set<Object> loaded(Table table) {
            return loadedOwners.computeIfAbsent(table, t -> new HashSet<>());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeChanged();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RowBuffer.this);
        }
    }

    /** A row's values as the projection sets them: dates as LocalDate, instants as OffsetDateTime. */
    private static Map<String, Object> values(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            int type = meta.getColumnType(i);
            Object value;
            if (type == Types.DATE) {
                value = result.getObject(i, LocalDate.class);
            } else if (type == Types.TIMESTAMP_WITH_TIMEZONE
                    || type == Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(meta.getColumnTypeName(i))) {
                value = result.getObject(i, OffsetDateTime.class);
            } else {
                value = result.getObject(i);
            }
            values.put(column, value);
        }
        return values;
    }
}
