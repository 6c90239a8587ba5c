package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.bundle.BundleCaseAggregate;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.generator.CasePlanner.CasePlan;
import cn.gov.lvliang.ledger.command.generator.CasePlanner.Step;
import cn.gov.lvliang.ledger.command.generator.GeneratedBatch.GeneratedCase;
import cn.gov.lvliang.ledger.command.generator.SimulatedDeadlines.Scheduled;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.notary.Sealer;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.reference.Division;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scale data generator's fast path (docs/perf.md, "Data at scale"): real bundle-case histories, many thousands a
 * minute, without HTTP and without a transaction per command.
 *
 * <ol>
 *   <li>{@link CasePlanner} plans each case's commands, deterministically from the seed.</li>
 *   <li>{@link OfflineAggregate} has the real bundle-case aggregate decide them in memory and collects the events it
 *   applies, with the metadata real commands give them, the deadlines it sets (fired at their due moments between the
 *   later commands) and the {@code processed_request} row of each command.</li>
 *   <li>A writer thread appends the events of a few hundred cases at a time through the application's own
 *   {@link EventStorageEngine} (Axon's JDBC engine with the application's serializer, so personal data is encrypted
 *   the real way, one batched INSERT), their request rows, and the still-running deadlines of open cases to the real
 *   scheduler, all in one transaction; planning the next batch overlaps with writing this one.</li>
 *   <li>The notary's own {@link Sealer} then seals everything into the hash chain.</li>
 * </ol>
 *
 * Cases already in the store from the same seed are skipped, so a run that was stopped can be started again.
 */
@Component
class ScaleGenerator {

    /** The user every generated command records: the ledger itself, as for its other own commands. */
    static final String ACTOR = "system:generator";
    static final String NAMESPACE = "gen";
    static final String PRODUCTION_PROFILE = "production";

    private static final Logger log = LoggerFactory.getLogger(ScaleGenerator.class);
    private static final Set<Class<?>> ENDINGS = Set.of(BundleCaseConcludedEvent.class,
            BundleCaseAcceptanceRefusedEvent.class, BundleCaseWithdrawnEvent.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final ApplicationContext context;
    private final List<CorrelationDataProvider> correlation;
    private final BundleCaseAggregate bundleCases;
    private final BundleCatalog catalog;
    private final ReferenceData reference;
    private final UnitDirectory units;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final GeneratedBatchWriter batchWriter;
    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final Environment environment;

    ScaleGenerator(ApplicationContext context, List<CorrelationDataProvider> correlation,
                   BundleCaseAggregate bundleCases, BundleCatalog catalog, ReferenceData reference, UnitDirectory units,
                   WorkingCalendar calendar, Clock clock, GeneratedBatchWriter batchWriter, JdbcClient jdbc,
                   Sealer sealer, Environment environment) {
        this.context = context;
        this.correlation = correlation;
        this.bundleCases = bundleCases;
        this.catalog = catalog;
        this.reference = reference;
        this.units = units;
        this.calendar = calendar;
        this.clock = clock;
        this.batchWriter = batchWriter;
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.environment = environment;
    }

    /** The planner of a run now: case ids, request ids and every generated value follow from the settings. */
    CasePlanner planner(GeneratorSettings settings, String namespace) {
        return planner(settings, namespace, clock.instant());
    }

    private CasePlanner planner(GeneratorSettings settings, String namespace, Instant now) {
        Instant endOfUntil = calendar.endOf(settings.until());
        List<String> regions = reference.divisions().stream().map(Division::code)
                .map(code -> code.replace("KF", "00")).toList();
        return new CasePlanner(namespace, settings.seed(), settings.cases(), settings.from(), settings.until(),
                endOfUntil.isBefore(now) ? endOfUntil : now,
                new ApplicantPool(settings.seed(), settings.persons(), settings.enterprises(), regions),
                catalog, bundleCases, reference, units, calendar);
    }

    /** Refuses to generate invented cases into a production ledger. */
    static void refuseInProduction(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            throw new IllegalStateException("ledger.generate.* invents bundle cases: it is refused under the "
                    + "production profile. Generate into a bench or test database instead.");
        }
    }

    /** Generates what the settings ask for, writes it, and seals it if asked; the run's figures. */
    GenerationReport generate(GeneratorSettings settings) {
        refuseInProduction(environment);
        if (settings.from().isBefore(calendar.firstDay()) || settings.until().isAfter(calendar.lastDay())) {
            throw new IllegalArgumentException("ledger.generate.from and until: " + settings.from() + " to "
                    + settings.until() + " must lie within the working calendar, " + calendar.firstDay() + " to "
                    + calendar.lastDay());
        }
        Instant now = clock.instant();
        if (!calendar.endOf(settings.from()).isBefore(now)) {
            throw new IllegalArgumentException("ledger.generate.from: " + settings.from() + " is not in the past");
        }
        CasePlanner planner = planner(settings, NAMESPACE, now);
        long first = firstMissing(planner, settings.cases());
        log.info("Generating bundle cases {}..{} of seed {} ({} already in the store), business days {} to {}, "
                        + "{} persons and {} enterprises applying, {} events or more per transaction", first,
                settings.cases() - 1, settings.seed(), first, settings.from(), settings.until(), settings.persons(),
                settings.enterprises(), settings.batchEvents());
        Writer writer = new Writer();
        Thread writing = new Thread(writer, "generator-writer");
        long started = System.nanoTime();
        writing.start();
        SimulatedDeadlines deadlines = new SimulatedDeadlines();
        // The aggregate schedules by a policy without import grace, so that each deadline's moment is its due moment.
        DeadlinePolicy dueMoments = new DeadlinePolicy(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                new DeadlinePolicy.Settings(Duration.ZERO));
        OfflineAggregate<?> aggregate = OfflineAggregate.of(bundleCases.type(), context, correlation, deadlines,
                dueMoments, clock);
        try {
            GeneratedBatch batch = new GeneratedBatch();
            for (long n = first; n < settings.cases() && writer.failure.get() == null; n++) {
                batch.add(run(planner.plan(n), aggregate, deadlines, now));
                if (batch.events.size() >= settings.batchEvents()) {
                    writer.put(batch);
                    batch = new GeneratedBatch();
                }
            }
            if (batch.cases > 0) {
                writer.put(batch);
            }
        } finally {
            writer.put(Writer.END);
            aggregate.shutDown();
            join(writing);
        }
        if (writer.failure.get() != null) {
            throw new IllegalStateException("Writing generated cases failed", writer.failure.get());
        }
        Duration generation = Duration.ofNanos(System.nanoTime() - started);
        log.info("Generated {} bundle cases ({} open) with {} events and {} processed requests in {} s: {} events/s; "
                        + "{} deadlines of open cases handed to the scheduler", writer.cases.get(),
                writer.openCases.get(), writer.events.get(), writer.requests.get(), generation.toSeconds(),
                perSecond(writer.events.get(), generation), writer.deadlines.get());
        long sealed = 0;
        Duration sealing = Duration.ZERO;
        if (settings.seal()) {
            long sealStarted = System.nanoTime();
            sealed = sealer.sealAll();
            sealing = Duration.ofNanos(System.nanoTime() - sealStarted);
            log.info("Sealed {} events into the ledger's hash chain in {} s: {} events/s", sealed, sealing.toSeconds(),
                    perSecond(sealed, sealing));
        }
        return new GenerationReport(settings.cases(), settings.seed(), first, writer.cases.get(),
                writer.openCases.get(), writer.events.get(), writer.requests.get(), writer.deadlines.get(),
                generation.toMillis() / 1000.0, perSecond(writer.events.get(), generation), sealed,
                sealing.toMillis() / 1000.0, perSecond(sealed, sealing), count("SELECT count(*) FROM domainevententry"),
                databaseBytes());
    }

    /** Runs one case's plan through the aggregate, firing its deadlines at their due moments, until now. */
    private GeneratedCase run(CasePlan plan, OfflineAggregate<?> aggregate, SimulatedDeadlines deadlines,
                              Instant now) {
        for (Step step : plan.steps()) {
            fireDue(step.businessTime(), aggregate, deadlines);
            aggregate.send(GenericCommandMessage.asCommandMessage(step.command()).andMetaData(Map.of(
                    IdempotentCommandGateway.REQUEST_ID, step.requestId(), ActorMetadata.USER, ACTOR)));
        }
        fireDue(now, aggregate, deadlines);
        List<DomainEventMessage<?>> events = aggregate.takeEvents();
        boolean open = events.stream().noneMatch(event -> ENDINGS.contains(event.getPayloadType()));
        // Deadlines of an ended case would find it ended and do nothing: only an open case's are handed over.
        List<Scheduled> remaining = deadlines.takeRemaining();
        return new GeneratedCase(plan.caseId(), events, aggregate.takeProcessedRequests(),
                open ? remaining : List.of(), open);
    }

    private static void fireDue(Instant moment, OfflineAggregate<?> aggregate, SimulatedDeadlines deadlines) {
        for (Scheduled deadline : deadlines.dueBy(moment)) {
            aggregate.fire(deadline.message(), deadline.scope());
        }
    }

    /**
     * The first case of the seed that is not in the store. Batches commit in order, each whole, so the cases in the
     * store are always a prefix 0..k-1: a binary search finds k.
     */
    private long firstMissing(CasePlanner planner, long cases) {
        long low = 0;
        long high = cases;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (stored(planner.caseId(middle))) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private boolean stored(String caseId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = 0")
                .param("id", caseId).query(Long.class).single() > 0;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long databaseBytes() {
        try {
            return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        } catch (RuntimeException notPostgreSql) {
            return -1;
        }
    }

    private static long perSecond(long count, Duration duration) {
        return duration.isZero() ? 0 : Math.round(count * 1_000_000_000.0 / duration.toNanos());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the generated cases were being written", e);
        }
    }

    /** Takes batches off a short queue and writes them, one transaction each, logging the progress. */
    private final class Writer implements Runnable {

        static final GeneratedBatch END = new GeneratedBatch();

        private final BlockingQueue<GeneratedBatch> queue = new ArrayBlockingQueue<>(2);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicLong cases = new AtomicLong();
        final AtomicLong openCases = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong deadlines = new AtomicLong();

        void put(GeneratedBatch batch) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while generating", e);
            }
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            long nextLog = started + PROGRESS_EVERY.toNanos();
            try {
                for (GeneratedBatch batch = queue.take(); batch != END; batch = queue.take()) {
                    batchWriter.write(batch);
                    cases.addAndGet(batch.cases);
                    openCases.addAndGet(batch.openCases);
                    events.addAndGet(batch.events.size());
                    requests.addAndGet(batch.requests.size());
                    deadlines.addAndGet(batch.liveDeadlines.size());
                    if (System.nanoTime() >= nextLog) {
                        nextLog = System.nanoTime() + PROGRESS_EVERY.toNanos();
                        log.info("Generated {} cases, {} events: {} events/s", cases.get(), events.get(),
                                perSecond(events.get(), Duration.ofNanos(System.nanoTime() - started)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                log.error("Writing generated cases failed; the cases written so far stay, a new run resumes", e);
                // Keep taking batches, so that the producer is never blocked on a full queue.
                drainUntilEnd();
            }
        }

        private void drainUntilEnd() {
            try {
                while (queue.take() != END) {
                    // discarded: a new run generates them again
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The figures of one run.
     *
     * @param casesRequested  the cases the store should hold from this seed
     * @param seed            the seed
     * @param casesFound      cases of the seed already in the store before the run, skipped
     * @param casesWritten    cases generated and written by this run
     * @param openCases       of those, cases that had not ended by the cut-off
     * @param eventsWritten   events written by this run
     * @param requestsWritten processed requests recorded by this run
     * @param liveDeadlines   deadlines of open cases handed to the command side's scheduler
     * @param seconds         wall time of generating and writing
     * @param eventsPerSecond events written per second of wall time
     * @param sealed          events sealed afterwards (all unsealed events of the store, not only generated ones)
     * @param sealSeconds     wall time of sealing
     * @param sealedPerSecond events sealed per second
     * @param eventsInStore   events in the store at the end
     * @param databaseBytes   the database's size at the end (PostgreSQL), or -1
     */
    record GenerationReport(long casesRequested, long seed, long casesFound, long casesWritten, long openCases,
                            long eventsWritten, long requestsWritten, long liveDeadlines, double seconds,
                            long eventsPerSecond, long sealed, double sealSeconds, long sealedPerSecond,
                            long eventsInStore, long databaseBytes) {
    }
}
