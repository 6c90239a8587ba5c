package cn.gov.lvliang.ledger.query.infra.eventstore;

import static cn.gov.lvliang.ledger.query.infra.eventstore.TrackedEventsJdbcEngineTest.caseEvent;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Streams that share their pages give each reader what the storage engine's own stream gives it, event for event and
 * token for token, while the store is read about once for all of them; on PostgreSQL and on the demo's H2.
 */
class SharedEventReadsTest {

    static final int PAGE = 5;

    @AutoClose
    ScratchDatabase database;
    DataSource dataSource;
    CountingEngine engine;
    final Map<String, Long> sequences = new HashMap<>();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoStreams_readWhatTheEngineStreams_andTheStoreOnce(Kind kind) throws Exception {
        List<String> expected = openWith(kind, 23);
        SharedEventReads reads = new SharedEventReads(engine, PAGE, 10);

        try (BlockingStream<TrackedEventMessage<?>> first = reads.openStream();
             BlockingStream<TrackedEventMessage<?>> second = reads.openStream()) {
            int before = engine.reads.get();
            assertThat(drain(first)).isEqualTo(expected);
            // Four full pages, the last three events, and the look for more that found none.
            assertThat(engine.reads.get() - before).isEqualTo(6);

            before = engine.reads.get();
            assertThat(take(second, 20)).isEqualTo(expected.subList(0, 20));
            assertThat(engine.reads.get() - before).as("the full pages come from the first stream's reads").isZero();
            assertThat(drain(second)).isEqualTo(expected.subList(20, 23));
            assertThat(engine.reads.get() - before).as("the last page, not full, is read again").isEqualTo(2);
            assertThat(reads.pagesHeld()).as("pages both streams passed are dropped").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStreamFarBehind_readsForItself_andFewPagesAreHeld(Kind kind) throws Exception {
        List<String> expected = openWith(kind, 23);
        SharedEventReads reads = new SharedEventReads(engine, PAGE, 2);

        try (BlockingStream<TrackedEventMessage<?>> ahead = reads.openStream();
             BlockingStream<TrackedEventMessage<?>> behind = reads.openStream()) {
            List<String> read = new ArrayList<>();
            while (ahead.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                read.add(TrackedEventsJdbcEngineTest.describe(ahead.nextAvailable()));
                assertThat(reads.pagesHeld()).isLessThanOrEqualTo(2);
            }
            assertThat(read).isEqualTo(expected);

            int before = engine.reads.get();
            assertThat(drain(behind)).isEqualTo(expected);
            // It reads the first three pages again, which were dropped for newer ones, and the last (never kept, as
            // it was not full) and the look for more; the fourth page is still held, and it takes that.
            assertThat(engine.reads.get() - before).isEqualTo(5);
        }
        assertThat(reads.pagesHeld()).as("nothing is held once every stream is closed").isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStreamAtTheHead_waitsForWhatIsAppended(Kind kind) throws Exception {
        openWith(kind, PAGE);
        SharedEventReads reads = new SharedEventReads(engine, PAGE, 10);

        try (BlockingStream<TrackedEventMessage<?>> stream = reads.openStream()) {
            assertThat(drain(stream)).hasSize(PAGE);
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            append(2);
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(drain(stream)).isEqualTo(TrackedEventsJdbcEngineTest.read(engine, null).subList(PAGE, PAGE + 2));
        }
    }

    /**
     * An event committed late, into a gap of a page another stream read before the commit, reaches a stream that
     * takes that page afterwards, as it reaches the engine's own stream from the page's last token.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEventCommittedLateIntoAKeptPage_stillReachesTheStreamsThatTakeIt(Kind kind) throws Exception {
        openWith(kind, 2);
        SharedEventReads reads = new SharedEventReads(engine, PAGE, 10);
        try (Connection late = database.newConnections().getConnection();
             BlockingStream<TrackedEventMessage<?>> first = reads.openStream();
             BlockingStream<TrackedEventMessage<?>> second = reads.openStream()) {
            late.setAutoCommit(false);
            TrackedEventsJdbcEngineTest.insertRow(late, "late", GenericEventMessage.clock.instant(), "committed late");
            append(8);

            List<String> firstRead = take(first, PAGE);
            assertThat(firstRead).noneMatch(event -> event.contains("committed late"));
            late.commit();

            List<String> secondRead = new ArrayList<>(take(second, PAGE));
            assertThat(secondRead).as("the kept page, as read before the commit").isEqualTo(firstRead);
            secondRead.addAll(drain(second));
            assertThat(secondRead).hasSize(11).anyMatch(event -> event.contains("committed late"));
            firstRead.addAll(drain(first));
            assertThat(firstRead).isEqualTo(secondRead);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void streamsOnSeveralThreads_eachReadEveryEventInOrder(Kind kind) throws Exception {
        List<String> expected = openWith(kind, 97);
        SharedEventReads reads = new SharedEventReads(engine, 3, 4);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(() -> {
                    try (BlockingStream<TrackedEventMessage<?>> stream = reads.openStream()) {
                        return drain(stream);
                    }
                });
            }
            for (Future<List<String>> read : threads.invokeAll(readers, 1, TimeUnit.MINUTES)) {
                assertThat(read.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(reads.pagesHeld()).isZero();
    }

    /** Events of a few cases, stored a transaction each. */
    void append(int count) {
        Instant now = GenericEventMessage.clock.instant();
        for (int i = 0; i < count; i++) {
            String caseId = "case-" + (i % 3);
            engine.appendEvents(caseEvent(caseId, sequences.merge(caseId, 1L, Long::sum) - 1, now));
        }
    }

    static List<String> drain(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<String> read = new ArrayList<>();
        while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
            read.add(TrackedEventsJdbcEngineTest.describe(stream.nextAvailable()));
        }
        return read;
    }

    static List<String> take(BlockingStream<TrackedEventMessage<?>> stream, int count) throws InterruptedException {
        List<String> read = new ArrayList<>();
        while (read.size() < count) {
            read.add(TrackedEventsJdbcEngineTest.describe(stream.nextAvailable()));
        }
        return read;
    }

    /** Opens a scratch store of that kind holding {@code events} events; what the engine's own stream gives of them. */
    List<String> openWith(Kind kind, int events) {
        open(kind);
        append(events);
        return TrackedEventsJdbcEngineTest.read(engine, null);
    }

    void open(Kind kind) {
        database = TrackedEventsJdbcEngineTest.eventStore(kind, "shared_reads_test_");
        dataSource = database.dataSource();
        engine = new CountingEngine(TrackedEventsJdbcEngineTest.builder(dataSource));
    }

    /** The query side's engine, counting the streams opened on it. */
    static final class CountingEngine extends JdbcEventStorageEngine {

        final AtomicInteger reads = new AtomicInteger();

        CountingEngine(Builder builder) {
            super(TrackedEventsJdbcEngine.configure(builder));
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }
    }
}
