package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.query.infra.eventstore.SharedEventReads;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionStatus.ProcessorView;
import cn.gov.lvliang.ledger.query.rebuild.Projections.Projection;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts rebuilds and verifications of projections on background threads, one per projection at a time across query
 * nodes, and reports the projections' state.
 */
@Service
class ProjectionRebuilds {

    /** Events a rebuild's stream reads from the store at a time, and shares with the other rebuilds as one page. */
    private static final int SHARED_PAGE_SIZE = 500;

    private final Projections projections;
    private final RebuildLog log;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final RebuildRun.Services services;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService executor;
    private final ExecutorService workers;

    ProjectionRebuilds(Projections projections, RebuildLog log, EventStore eventStore,
                       EventStorageEngine storage, EventProcessingConfiguration processing, ShadowTables shadowTables,
                       TableChecksums checksums,
                       PlatformTransactionManager transactionManager, RebuildProperties properties,
                       ObjectProvider<RebuildListener> listeners) {
        this.projections = projections;
        this.log = log;
        this.eventStore = eventStore;
        this.processing = processing;
        this.executor = Executors.newCachedThreadPool(daemonThreads("projection-rebuild-"));
        // A rebuild runs the first part of each batch itself and hands the others to these.
        this.workers = Executors.newCachedThreadPool(daemonThreads("projection-rebuild-worker-"));
        SharedEventReads reads = new SharedEventReads(storage, SHARED_PAGE_SIZE,
                Math.max(1, properties.sharedReadEvents() / SHARED_PAGE_SIZE));
        this.services = new RebuildRun.Services(eventStore, reads, processing, shadowTables, checksums, log,
                new TransactionTemplate(transactionManager), workers, properties,
                listeners.orderedStream().toList(), stopping::get);
    }

    /** Starts a rebuild in the background; the answer is its state at the start. */
    RebuildView rebuild(String name, boolean acceptDifferences) {
        Started started = start(name, RebuildKind.REBUILD, acceptDifferences);
        return log.find(started.rebuildId()).orElseThrow();
    }

    /** Rebuilds into shadow tables, compares them with the live model and drops them; waits for the outcome. */
    RebuildView verify(String name) throws InterruptedException {
        Started started = start(name, RebuildKind.VERIFY, false);
        try {
            started.run().get();
        } catch (ExecutionException e) {
            // The run records its own failure.
        }
        return log.find(started.rebuildId()).orElseThrow();
    }

    RebuildView rebuildOf(String name, String rebuildId) {
        return log.find(rebuildId).filter(view -> view.projection().equals(name))
                .orElseThrow(() -> new NotFoundException("No rebuild " + rebuildId + " of " + name));
    }

    List<ProjectionStatus> status() {
        Long head = headIndex();
        return projections.all().values().stream().map(projection -> status(projection, head)).toList();
    }

    ProjectionStatus status(String name) {
        return status(projection(name), headIndex());
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping.set(true);
        executor.shutdownNow();
        workers.shutdownNow();
    }

    private Started start(String name, RebuildKind kind, boolean acceptDifferences) {
        Projection projection = projection(name);
        if (!projection.rebuildable()) {
            throw new RebuildConflictException(projection.parts().isEmpty()
                    ? name + " has no projection that names its tables, so it cannot be rebuilt"
                    : name + " cannot be rebuilt: " + projection.notRebuildable() + " do not name their tables "
                    + "(implement RebuildableProjection)");
        }
        if (processing.eventProcessor(name, StreamingEventProcessor.class).isEmpty()) {
            throw new RebuildConflictException(name + " has no streaming processor on this node");
        }
        String rebuildId = UUID.randomUUID().toString();
        if (!log.lock(name, rebuildId)) {
            throw new RebuildConflictException("A rebuild of " + name + " is running"
                    + log.latest(name).map(view -> ": " + view.rebuildId() + " on " + view.node() + ", "
                    + view.phase()).orElse(""));
        }
        try {
            log.started(rebuildId, name, kind, acceptDifferences);
            Future<?> run = executor.submit(() ->
                    new RebuildRun(rebuildId, projection, kind, acceptDifferences, services).run());
            return new Started(rebuildId, run);
        } catch (RuntimeException e) {
            log.unlock(name, rebuildId);
            if (e instanceof RejectedExecutionException) {
                log.finished(rebuildId, RebuildState.FAILED, "The query side is stopping");
                throw new RebuildConflictException("The query side is stopping");
            }
            throw e;
        }
    }

    private Projection projection(String name) {
        return projections.named(name).orElseThrow(() -> new NotFoundException("No projection " + name
                + "; projections: " + String.join(", ", projections.all().keySet())));
    }

    private ProjectionStatus status(Projection projection, Long head) {
        ProcessorView processor = processing.eventProcessor(projection.name(), StreamingEventProcessor.class)
                .map(live -> processorView(live, head))
                .orElse(null);
        return new ProjectionStatus(projection.name(), projection.rebuildable(), projection.tables(), processor,
                head, log.latest(projection.name()).orElse(null));
    }

    private static ProcessorView processorView(StreamingEventProcessor processor, Long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        OptionalLong lowest = segments.stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1))
                .min();
        Long position = lowest.isPresent() && lowest.getAsLong() >= 0 ? lowest.getAsLong() : null;
        long target = head == null ? -1 : head;
        boolean caughtUp = !segments.isEmpty() && segments.stream()
                .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= target);
        // Axon's isReplaying() stays true after the last replayed event until a new event arrives, so a segment
        // counts as replaying only while its position is below the one it was reset at.
        boolean replaying = segments.stream().anyMatch(segment -> segment.isReplaying()
                && segment.getResetPosition().isPresent()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().getAsLong());
        boolean error = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ProcessorView(processor.isRunning(), segments.size(), position,
                position == null || head == null ? null : Math.max(0, head - position), caughtUp, replaying, error);
    }

    private Long headIndex() {
        return LivePosition.index(eventStore.createHeadToken()).stream().boxed().findFirst().orElse(null);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Started(String rebuildId, Future<?> run) {
    }
}
