package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Row;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Table;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows a projection's batch changes, held in memory and written once as its transaction commits, on PostgreSQL and
 * on the demo's H2: new rows in multi-row {@code INSERT}s, the changed columns of stored rows in multi-row
 * {@code MERGE}s.
 */
class RowBufferTest {

    static final Table PARCEL = new Table("parcel", List.of("parcel_id"), "parcel_id");
    static final Table STOP = new Table("parcel_stop", List.of("parcel_id", "seq"), "parcel_id");
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.UTC);

    @AutoClose
    ScratchDatabase database;
    DataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate transactions;

    void open(Kind kind, ProjectionTables tables) {
        database = ScratchDatabase.open(kind, "row_buffer_test_");
        dataSource = database.dataSource();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql(tables.sql("""
                CREATE TABLE parcel (parcel_id VARCHAR(20) NOT NULL PRIMARY KEY, status VARCHAR(20) NOT NULL,
                    moves INT DEFAULT 0 NOT NULL, due DATE, moved_at TIMESTAMP WITH TIME ZONE,
                    last_event_sequence BIGINT NOT NULL)""")).update();
        jdbc.sql(tables.sql("""
                CREATE TABLE parcel_stop (parcel_id VARCHAR(20) NOT NULL, seq INT NOT NULL, place VARCHAR(40),
                    PRIMARY KEY (parcel_id, seq))""")).update();
    }

    RowBuffer buffer(ProjectionTables tables) {
        return new RowBuffer(jdbc, tables, List.of(PARCEL, STOP), List.of(PARCEL, STOP),
                message -> message.getPayload() instanceof String parcel ? parcel : null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void inATransaction_rowsAreWrittenOnlyAsItCommits_withWhatTheyHoldThen(Kind kind) throws Exception {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        Long seenBeforeCommit = transactions.execute(status -> {
            handle(rows, () -> rows.insert(PARCEL, "p-1").set("status", "RECEIVED").set("moves", 0)
                    .set("last_event_sequence", 0L));
            handle(rows, () -> rows.insert(STOP, "p-1", 1).set("place", "离石区"));
            handle(rows, () -> rows.find(PARCEL, "p-1").orElseThrow().set("status", "MOVED").add("moves", 1)
                    .set("due", LocalDate.of(2026, 3, 9)).set("moved_at", AT).set("last_event_sequence", 1L));
            // Given fewer columns than the other new parcel, in the same statement: the rest take their defaults.
            handle(rows, () -> received(rows, "p-2"));
            return count("parcel") + count("parcel_stop");
        });

        assertThat(seenBeforeCommit).as("rows written before the commit").isZero();
        assertThat(parcel("p-1")).isEqualTo("MOVED 1 2026-03-09 " + AT.toInstant() + " 1");
        assertThat(parcel("p-2")).isEqualTo("RECEIVED 0 null null 0");
        assertThat(jdbc.sql("SELECT place FROM parcel_stop WHERE parcel_id = 'p-1' AND seq = 1").query(String.class)
                .single()).isEqualTo("离石区");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storedRows_areFoundByKey_changedInMemory_andWrittenOver(Kind kind) throws Exception {
        open(kind, ProjectionTables.LIVE);
        jdbc.sql("INSERT INTO parcel (parcel_id, status, moves, due, moved_at, last_event_sequence) "
                + "VALUES ('p-1', 'RECEIVED', 4, DATE '2026-03-05', NULL, 7)").update();
        jdbc.sql("INSERT INTO parcel (parcel_id, status, last_event_sequence) VALUES ('p-2', 'RECEIVED', 3)")
                .update();
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        transactions.executeWithoutResult(status -> handle(rows, () -> {
            Row parcel = rows.find(PARCEL, "p-1").orElseThrow();
            assertThat(parcel.number("moves")).isEqualTo(4);
            assertThat(parcel.get("due")).isEqualTo(LocalDate.of(2026, 3, 5));
            parcel.add("moves", 2).set("moved_at", AT).set("due", null).set("last_event_sequence", 8L);
            assertThat(rows.find(PARCEL, "p-3")).isEmpty();
            return null;
        }));

        assertThat(parcel("p-1")).isEqualTo("RECEIVED 6 null " + AT.toInstant() + " 8");
        assertThat(parcel("p-2")).as("found nowhere, changed nowhere").isEqualTo("RECEIVED 0 null null 3");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void outsideATransaction_eachHandlingIsWrittenAsItEnds(Kind kind) throws Exception {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        handle(rows, () -> received(rows, "p-1"));
        assertThat(parcel("p-1")).as("defaults apply to what a new row was not given")
                .isEqualTo("RECEIVED 0 null null 0");

        handle(rows, () -> rows.find(PARCEL, "p-1").orElseThrow().set("status", "MOVED"));
        assertThat(parcel("p-1")).isEqualTo("MOVED 0 null null 0");
        assertThatThrownBy(() -> rows.find(PARCEL, "p-1")).as("rows outside a handling")
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsOfAnOwner_areThoseStored_andThoseInMemory_underKeysOfAnyWholeNumberType(Kind kind)
            throws Exception {
        open(kind, ProjectionTables.LIVE);
        jdbc.sql("INSERT INTO parcel_stop (parcel_id, seq, place) VALUES ('p-1', 1, '离石区'), ('p-2', 1, '汾阳市')")
                .update();
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        transactions.executeWithoutResult(status -> handle(rows, () -> {
            rows.insert(STOP, "p-1", 2L).set("place", "孝义市");
            assertThat(rows.owned(STOP, "p-1")).extracting(row -> row.get("place"))
                    .containsExactlyInAnyOrder("离石区", "孝义市");
            assertThat(rows.find(STOP, "p-1", 2)).isPresent();
            assertThatThrownBy(() -> rows.insert(STOP, "p-1", 1)).as("a key held already")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds");
            return null;
        }));

        assertThat(jdbc.sql("SELECT seq || ' ' || place FROM parcel_stop WHERE parcel_id = 'p-1' ORDER BY seq")
                .query(String.class).list()).containsExactly("1 离石区", "2 孝义市");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aColumnANewRowWasNotGiven_cannotBeAddedTo(Kind kind) {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        assertThatThrownBy(() -> handle(rows, () -> rows.insert(PARCEL, "p-1").set("status", "RECEIVED")
                .add("moves", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parcel.moves");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRolledBackTransaction_writesNothing_andTheNextStartsAfresh(Kind kind) throws Exception {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            handle(rows, () -> received(rows, "p-1"));
            throw new IllegalStateException("the batch failed");
        })).hasMessage("the batch failed");
        assertThat(count("parcel")).isZero();

        transactions.executeWithoutResult(status -> handle(rows, () -> {
            assertThat(rows.find(PARCEL, "p-1")).as("nothing kept from the failed batch").isEmpty();
            return received(rows, "p-1");
        }));
        assertThat(parcel("p-1")).isEqualTo("RECEIVED 0 null null 0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flushAndForget_writesTheRows_andReadsThemAgainAfterTheHandlersOwnStatement(Kind kind)
            throws Exception {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        transactions.executeWithoutResult(status -> handle(rows, () -> {
            received(rows, "p-1");
            rows.flushAndForget();
            jdbc.sql("UPDATE parcel SET status = 'LOST' WHERE parcel_id = 'p-1'").update();
            assertThat(rows.find(PARCEL, "p-1").orElseThrow().get("status")).isEqualTo("LOST");
            return null;
        }));

        assertThat(parcel("p-1")).isEqualTo("LOST 0 null null 0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRows_areWrittenBeforeOtherSynchronizationsReadThem(Kind kind) throws Exception {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);
        AtomicReference<Long> seenByTheTally = new AtomicReference<>();

        transactions.executeWithoutResult(status -> {
            // Registered first, as the bundle-case tally registers its own before the rows are bound.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    seenByTheTally.set(count("parcel"));
                }
            });
            handle(rows, () -> received(rows, "p-1"));
        });

        assertThat(seenByTheTally.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOwnersOfAProcessorsBatch_areReadAsTheBatchStarts_andOnlyTheColumnsItChangesAreWritten(Kind kind)
            throws Exception {
        open(kind, ProjectionTables.LIVE);
        jdbc.sql("INSERT INTO parcel (parcel_id, status, last_event_sequence) VALUES ('p-1', 'RECEIVED', 0), "
                + "('p-2', 'RECEIVED', 0)").update();
        RowBuffer rows = buffer(ProjectionTables.LIVE);
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("p-1"), GenericEventMessage.asEventMessage("p-2")));

        transactions.executeWithoutResult(status -> batch.execute(() -> handle(rows, () -> {
            // Changed behind the buffer's back after the batch's rows were read, as an erasure from another segment
            // would: the buffer holds the rows as they were read.
            jdbc.sql("UPDATE parcel SET status = 'ERASED ELSEWHERE'").update();
            Row parcel = rows.find(PARCEL, "p-2").orElseThrow();
            assertThat(parcel.get("status")).isEqualTo("RECEIVED");
            return parcel.set("last_event_sequence", 1L);
        })));

        assertThat(parcel("p-2")).as("only the column the batch changed is written")
                .isEqualTo("ERASED ELSEWHERE 0 null null 1");
        assertThat(parcel("p-1")).isEqualTo("ERASED ELSEWHERE 0 null null 0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRebuildsRows_goToItsShadowTables(Kind kind) throws Exception {
        ProjectionTables shadow = ProjectionTables.withSuffix(List.of("parcel_stop", "parcel"), "__next");
        open(kind, shadow);
        RowBuffer rows = buffer(shadow);

        transactions.executeWithoutResult(status -> handle(rows, () -> {
            received(rows, "p-1");
            return rows.insert(STOP, "p-1", 1).set("place", "离石区");
        }));
        transactions.executeWithoutResult(status -> handle(rows, () ->
                rows.find(PARCEL, "p-1").orElseThrow().set("status", "MOVED")));

        assertThat(jdbc.sql("SELECT status FROM parcel__next").query(String.class).single()).isEqualTo("MOVED");
        assertThat(count("parcel_stop__next")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void newRowsGivenTheSameColumnsInAnotherOrder_orOthers_eachGetTheirOwnValues(Kind kind) throws Exception {
        open(kind, ProjectionTables.LIVE);
        RowBuffer rows = buffer(ProjectionTables.LIVE);

        transactions.executeWithoutResult(status -> {
            handle(rows, () -> rows.insert(PARCEL, "p-1").set("status", "RECEIVED").set("moves", 1)
                    .set("due", LocalDate.of(2026, 3, 9)).set("last_event_sequence", 1L));
            handle(rows, () -> rows.insert(PARCEL, "p-2").set("last_event_sequence", 2L)
                    .set("due", LocalDate.of(2026, 3, 10)).set("moves", 2).set("status", "MOVED"));
            handle(rows, () -> rows.insert(PARCEL, "p-3").set("moved_at", AT).set("last_event_sequence", 3L)
                    .set("status", "LOST"));
            handle(rows, () -> received(rows, "p-4"));
        });

        assertThat(parcel("p-1")).isEqualTo("RECEIVED 1 2026-03-09 null 1");
        assertThat(parcel("p-2")).isEqualTo("MOVED 2 2026-03-10 null 2");
        assertThat(parcel("p-3")).isEqualTo("LOST 0 null " + AT.toInstant() + " 3");
        assertThat(parcel("p-4")).isEqualTo("RECEIVED 0 null null 0");
    }

    /** A new parcel given only what a parcel must have: the rest takes the table's defaults. */
    private static Row received(RowBuffer rows, String id) {
        return rows.insert(PARCEL, id).set("status", "RECEIVED").set("last_event_sequence", 0L);
    }

    private void handle(RowBuffer rows, Callable<?> handling) {
        try {
            rows.around(handling);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** A parcel's status, moves, due date, time moved and sequence. */
    private String parcel(String id) {
        return jdbc.sql("SELECT status, moves, due, moved_at, last_event_sequence FROM parcel WHERE parcel_id = :id")
                .param("id", id)
                .query((row, n) -> {
                    OffsetDateTime moved = row.getObject("moved_at", OffsetDateTime.class);
                    return row.getString("status") + " " + row.getInt("moves") + " "
                            + row.getObject("due", LocalDate.class) + " " + (moved == null ? null : moved.toInstant())
                            + " " + row.getLong("last_event_sequence");
                })
                .single();
    }
}
