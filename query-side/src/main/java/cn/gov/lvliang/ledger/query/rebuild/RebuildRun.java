package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.infra.eventstore.SharedEventReads;
import cn.gov.lvliang.ledger.query.rebuild.Projections.Projection;
import cn.gov.lvliang.ledger.query.rebuild.TableChecksums.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild (or verification) of one projection, on its own thread:
 *
 * <ol>
 *     <li>create empty shadow tables and a fresh instance of each of the projection's beans writing into them;</li>
 *     <li><b>replay</b> the event store from the first event into them, in batches, while the live processor runs,
 *     but never past an event the live model does not hold yet (positions, not Axon's replay flags, decide), and
 *     compact them ({@link ShadowTables#compact}). Rebuilds that run at once share the pages of events they read
 *     ({@link SharedEventReads}), so that the store is read about once for all of them. Each batch is split by the
 *     live processor's sequencing policy into {@code ledger.rebuild.workers} transactions that run at once, as the
 *     processor's segments do: the events of one aggregate stay in order in one of them;</li>
 *     <li><b>pause</b> the live processor and claim all its segments, which fixes what the live model holds;</li>
 *     <li><b>catch up</b>: read on and apply exactly the events the live tokens cover, skipping the rest (the live
 *     processor applies those after it resumes);</li>
 *     <li><b>compare</b> every table's checksum with the live one;</li>
 *     <li><b>switch</b> (a rebuild whose model is equal, or whose differences were accepted) the shadow tables into
 *     the live tables' place in one transaction, release the claims and resume the live processor. Its tokens are
 *     left as they were, since the new tables hold exactly what they cover.</li>
 * </ol>
 *
 * Whatever happens, the live processor resumes if it was running, and shadow tables that were not switched are
 * dropped.
 */
final class RebuildRun {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildRun.class);
    private static final int POLL_MILLIS = 100;
    private static final long PAUSE_TIMEOUT_SECONDS = 60;
    private static final long LIVE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * How often a batch records the rebuild's progress at most: each record is a query for the store's head and two
     * commits, which seven rebuilds at once had made after every batch of each, eight hundred times in a replay.
     */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String rebuildId;
    private final Projection projection;
    private final RebuildKind kind;
    private final boolean acceptDifferences;
    private final Services services;
    private final SequencingPolicy<? super EventMessage<?>> policy;

    private RebuildPhase phase = RebuildPhase.PREPARING;
    private long eventsProcessed;
    private TrackingToken lastToken;
    private Long headIndex;
    /** When the progress was last recorded ({@link System#nanoTime}). */
    private long progressRecorded;
    private LivePosition replayPosition;
    private long gapWaitStarted;
    /**
     * After how many events the replay next gathers the shadow tables' statistics: after the first batch, and then
     * whenever the events it applied have doubled.
     */
    private long nextAnalysis = 1;
    /** The latest analysis of the shadow tables, which runs beside the replay. */
    private CompletableFuture<Void> analysis = CompletableFuture.completedFuture(null);

    RebuildRun(String rebuildId, Projection projection, RebuildKind kind, boolean acceptDifferences,
               Services services) {
        this.rebuildId = rebuildId;
        this.projection = projection;
        this.kind = kind;
        this.acceptDifferences = acceptDifferences;
        this.services = services;
        this.policy = services.processing().sequencingPolicy(projection.name());
    }

    /** What a run works with. */
    record Services(
            EventStore eventStore,
            SharedEventReads reads,
            EventProcessingConfiguration processing,
            ShadowTables shadowTables,
            TableChecksums checksums,
            RebuildLog log,
            TransactionTemplate transactions,
            ExecutorService workers,
            RebuildProperties properties,
            List<RebuildListener> listeners,
            BooleanSupplier stopping) {
    }

    void run() {
        String name = projection.name();
        boolean shadowCreated = false;
        boolean switched = false;
        RebuildState state = RebuildState.FAILED;
        String message = null;
        try {
            enter(RebuildPhase.PREPARING);
            StreamingEventProcessor processor = services.processing()
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("No streaming processor " + name + " on this node"));
            TokenStore tokenStore = services.processing().tokenStore(name);
            shadowCreated = true;
            ProjectionTables shadow = services.shadowTables().create(projection.tables());
            List<Object> instances = projection.parts().stream().map(part -> part.writingTo(shadow)).toList();
            Handlers handlers = new Handlers(instances.stream().map(AnnotationEventHandlerAdapter::new).toList());
            try (BlockingStream<TrackedEventMessage<?>> stream = services.reads().openStream()) {
                enter(RebuildPhase.REPLAYING);
                replay(stream, handlers, () -> LivePosition.fromStatus(processor, policy), processor);
                Futures.joined(analysis);

                enter(RebuildPhase.COMPACTING);
                writeHeldBack(instances);
                // Before the live processor pauses, so that readers never wait for it.
                services.shadowTables().compact(projection.tables(), services.workers());

                enter(RebuildPhase.PAUSING);
                boolean wasRunning = processor.isRunning();
                if (wasRunning) {
                    processor.shutdownAsync().get(PAUSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                Claims claims = null;
                try {
                    claims = Claims.take(tokenStore, name, services.transactions());
                    LivePosition live = LivePosition.of(claims.tokens(), policy);

                    enter(RebuildPhase.CATCHING_UP);
                    catchUp(stream, handlers, live, claims);
                    writeHeldBack(instances);

                    enter(RebuildPhase.COMPARING);
                    Comparison comparison = services.checksums().compare(projection.tables(), shadow,
                            services.properties().maxReportedDifferences(), claims::extend, services.workers());
                    services.log().compared(rebuildId, comparison);
                    if (kind == RebuildKind.REBUILD && (comparison.equal() || acceptDifferences)) {
                        enter(RebuildPhase.SWITCHING);
                        services.shadowTables().swap(projection.tables(), claims::extend);
                        switched = true;
                        state = RebuildState.SWITCHED;
                        message = comparison.equal()
                                ? "Readers now read the rebuilt model, equal to the one it replaced"
                                : "Readers now read the rebuilt model; it differs from the one it replaced, as "
                                + "accepted";
                    } else if (comparison.equal()) {
                        state = RebuildState.EQUAL;
                        message = "The rebuilt model equals the live one";
                    } else {
                        state = RebuildState.DIFFERENT;
                        message = kind == RebuildKind.REBUILD
                                ? "Not switched: the rebuilt model differs from the live one; rebuild with "
                                + "acceptDifferences=true to switch to it anyway"
                                : "The rebuilt model differs from the live one";
                    }
                } finally {
                    if (claims != null) {
                        claims.release();
                    }
                    if (wasRunning && !services.stopping().getAsBoolean()) {
                        processor.start();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = "Interrupted (the query side is stopping); the live model is unchanged";
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("Rebuild {} of {} failed while {}", rebuildId, name, phase, cause);
            message = "Failed while " + phase.name().toLowerCase().replace('_', ' ') + ": "
                    + (cause instanceof TimeoutException ? "the live processor did not pause in time"
                    : String.valueOf(cause.getMessage())) + "; the live model is unchanged";
        } finally {
            if (shadowCreated && !switched) {
                try {
                    services.shadowTables().drop(projection.tables());
                } catch (RuntimeException e) {
                    LOG.warn("Could not drop the shadow tables of {}; the next rebuild replaces them", name, e);
                }
            }
            // Recorded last, so that whoever sees the rebuild finished finds the processor running again.
            finish(state, message);
            services.log().unlock(name, rebuildId);
        }
    }

    /**
     * Applies events while the live processor already holds them, waiting a little for it when it does not; stops
     * when the event store has nothing more for now, or the live processor does not catch up in time.
     */
    private void replay(BlockingStream<TrackedEventMessage<?>> stream, Handlers handlers,
                        Supplier<LivePosition> live, StreamingEventProcessor processor)
            throws InterruptedException {
        replayPosition = live.get();
        boolean full = true;
        while (full) {
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            while (full && events.size() < services.properties().batchSize()) {
                if (!stream.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    full = false;
                } else {
                    TrackedEventMessage<?> next = stream.peek().orElseThrow();
                    if (!replayPosition.covers(next)) {
                        replayPosition = awaitLive(next, live, processor);
                    }
                    if (replayPosition == null) {
                        full = false;
                    } else {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        read(event);
                        events.add(event);
                    }
                }
            }
            applyAtOnce(handlers, events);
            progress();
            if (eventsProcessed >= nextAnalysis && analysis.isDone()) {
                // Beside the replay, which need not wait for the statistics; one analysis at a time.
                Futures.joined(analysis);
                analysis = CompletableFuture.runAsync(() -> services.shadowTables().analyze(projection.tables()),
                        services.workers());
                nextAnalysis = 2 * eventsProcessed;
            }
        }
    }

    private LivePosition awaitLive(TrackedEventMessage<?> next, Supplier<LivePosition> live,
                                   StreamingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + services.properties().liveWait().toNanos();
        while (true) {
            LivePosition position = live.get();
            if (position.covers(next)) {
                return position;
            }
            if (!processor.isRunning() || System.nanoTime() - deadline > 0) {
                return null;
            }
            LockSupport.parkNanos(LIVE_POLL_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * With the live processor paused: reads on to its position, applying the events its tokens cover and skipping
     * those they do not, and renews the claims as it goes.
     */
    private void catchUp(BlockingStream<TrackedEventMessage<?>> stream, Handlers handlers,
                         LivePosition live, Claims claims) throws InterruptedException {
        long deadline = System.nanoTime() + services.properties().catchUpTimeout().toNanos();
        gapWaitStarted = 0;
        boolean more = !reached(live);
        while (more) {
            claims.extend();
            List<TrackedEventMessage<?>> covered = new ArrayList<>();
            more = readCovered(stream, live, deadline, covered);
            applyAtOnce(handlers, covered);
            progress();
        }
    }

    /**
     * Reads up to a batch of events towards the live position into {@code covered}, keeping those the live tokens
     * cover; false once the position is reached.
     */
    private boolean readCovered(BlockingStream<TrackedEventMessage<?>> stream, LivePosition live, long deadline,
                                List<TrackedEventMessage<?>> covered) throws InterruptedException {
        for (int n = 0; n < services.properties().batchSize(); n++) {
            if (reached(live)) {
                return false;
            }
            if (!stream.hasNextAvailable(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("The event store did not deliver the events up to the live "
                            + "processor's position " + live.highestIndex() + " within "
                            + services.properties().catchUpTimeout());
                }
                return true;
            }
            TrackedEventMessage<?> event = stream.nextAvailable();
            read(event);
            if (live.covers(event)) {
                covered.add(event);
            }
        }
        return true;
    }

    /**
     * Whether the shadow holds everything the live tokens cover: its stream has passed the highest live index, and no
     * index it still counts as a gap is one the live model may hold. An index the live tokens passed that never turns
     * up (a gap that will not fill) is given up on after {@code ledger.rebuild.gap-wait}; should its event exist
     * after all, the comparison finds the difference.
     */
    private boolean reached(LivePosition live) {
        long index = lastToken == null ? -1 : LivePosition.index(lastToken).orElse(-1);
        if (index < live.highestIndex()) {
            return false;
        }
        boolean waiting = lastToken instanceof GapAwareTrackingToken gapAware
                && gapAware.getGaps().stream().anyMatch(live::mayCover);
        if (!waiting) {
            return true;
        }
        if (gapWaitStarted == 0) {
            gapWaitStarted = System.nanoTime();
        }
        return System.nanoTime() - gapWaitStarted > services.properties().gapWait().toNanos();
    }

    private void read(TrackedEventMessage<?> event) {
        eventsProcessed++;
        lastToken = event.trackingToken();
    }

    /**
     * Applies the events of a batch that the projection handles in up to {@code ledger.rebuild.workers} transactions
     * at once, split by the live processor's sequencing policy as its segments split the stream, and returns once all
     * have committed; a batch it handles none of opens no transaction, as a processor's would not. The first part
     * runs on this thread. Should a part fail, the others still end before the failure is thrown; the rebuild then
     * fails and its shadow tables are dropped, so a part that committed does no harm.
     */
    private void applyAtOnce(Handlers handlers, List<TrackedEventMessage<?>> batch) throws InterruptedException {
        List<TrackedEventMessage<?>> events = batch.stream().filter(handlers::handle).toList();
        if (events.isEmpty()) {
            return;
        }
        List<List<TrackedEventMessage<?>>> parts = split(events, services.properties().workers());
        List<Future<?>> others = parts.subList(1, parts.size()).stream()
                .<Future<?>>map(part -> services.workers().submit(() -> applyInTransaction(handlers, part)))
                .toList();
        RuntimeException failure = null;
        try {
            applyInTransaction(handlers, parts.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                others.forEach(part -> part.cancel(true));
                throw e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The events in at most {@code count} non-empty parts (at least one), those of one sequence (one aggregate,
     * under the default policy) in one part and in their order.
     */
    private List<List<TrackedEventMessage<?>>> split(List<TrackedEventMessage<?>> events, int count) {
        if (count == 1 || events.size() < 2) {
            return List.of(events);
        }
        List<List<TrackedEventMessage<?>>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (TrackedEventMessage<?> event : events) {
            parts.get(Math.floorMod(Objects.hashCode(policy.getSequenceIdentifierFor(event)), count)).add(event);
        }
        parts.removeIf(List::isEmpty);
        return parts;
    }

    /** Has the instances that hold writes back across the batches write them, in one transaction. */
    private void writeHeldBack(List<Object> instances) {
        List<HeldBackWrites> holding = instances.stream()
                .filter(HeldBackWrites.class::isInstance)
                .map(HeldBackWrites.class::cast)
                .toList();
        if (!holding.isEmpty()) {
            services.transactions().executeWithoutResult(status -> holding.forEach(HeldBackWrites::writeHeldBack));
        }
    }

    private void applyInTransaction(Handlers handlers, List<TrackedEventMessage<?>> events) {
        services.transactions().executeWithoutResult(status -> apply(handlers, events));
    }

    /**
     * Applies events in one batching unit of work, as a processor hands its handlers a batch, so that a handler may
     * read what the whole batch needs at once (the bundle-case tally does).
     */
    private void apply(Handlers handlers, List<TrackedEventMessage<?>> events) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            apply(handlers, unitOfWork.getMessage());
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
    }

    private void apply(Handlers handlers, TrackedEventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers.forType(event.getPayloadType())) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("The rebuilt " + projection.name() + " failed on "
                            + event.getPayloadType().getSimpleName() + " at global index "
                            + LivePosition.index(event.trackingToken()).orElse(-1) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void enter(RebuildPhase next) {
        phase = next;
        services.log().phaseStarted(rebuildId, next);
        recordProgress();
        services.log().find(rebuildId).ifPresent(view -> services.listeners().forEach(listener ->
                listener.phaseStarted(view)));
    }

    /** Records the progress after a batch, unless it was recorded less than {@link #PROGRESS_NANOS} ago. */
    private void progress() {
        if (System.nanoTime() - progressRecorded >= PROGRESS_NANOS) {
            recordProgress();
        }
    }

    private void recordProgress() {
        progressRecorded = System.nanoTime();
        headIndex = LivePosition.index(services.eventStore().createHeadToken()).stream().boxed().findFirst()
                .orElse(headIndex);
        Long position = lastToken == null ? null : LivePosition.index(lastToken).stream().boxed().findFirst()
                .orElse(null);
        services.log().progress(rebuildId, projection.name(), phase, eventsProcessed, position, headIndex);
    }

    private void finish(RebuildState state, String message) {
        RebuildPhase last = phase;
        phase = RebuildPhase.DONE;
        try {
            recordProgress();
            services.log().finished(rebuildId, state, message);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of rebuild {} ({} while {})", rebuildId, state, last, e);
        }
        LOG.info("Rebuild {} of {}: {} after {} events; {}", rebuildId, projection.name(), state, eventsProcessed,
                message);
    }

    /**
     * The projection's handlers writing into the shadow tables, and for each payload type those that handle it: a
     * replay reads every event in the store, and most projections handle few of their types.
     */
    private static final class Handlers {

        private final List<AnnotationEventHandlerAdapter> all;
        private final Map<Class<?>, List<AnnotationEventHandlerAdapter>> byType = new ConcurrentHashMap<>();

        Handlers(List<AnnotationEventHandlerAdapter> all) {
            this.all = all;
        }

        /** Whether some handler takes events of this one's type. */
        boolean handle(TrackedEventMessage<?> event) {
            return !forType(event.getPayloadType()).isEmpty();
        }

        List<AnnotationEventHandlerAdapter> forType(Class<?> payloadType) {
            return byType.computeIfAbsent(payloadType, type -> all.stream()
                    .filter(handler -> handler.canHandleType(type))
                    .toList());
        }
    }
}
