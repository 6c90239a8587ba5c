package cn.gov.lvliang.ledger.query.infra;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters of one event processor, under the names and tags that axon-micrometer's dimensional monitors give them
 * ({@code eventProcessor.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .processedCounter}, {@code .ignoredCounter}, {@code .allTimer}, {@code .successTimer},
 * {@code .failureTimer}, {@code .ignoredTimer}, tagged {@code processorName} and {@code payloadType}, and the gauge
 * {@code eventProcessor.latency} tagged {@code processorName}), so that dashboards and alerts read them unchanged
 * (docker/README.md).
 *
 * <p>Why not Axon's own monitors: they look every meter up in the registry again for every event, about a dozen
 * lookups per event and processor, and each processor is told of every event in the store, also of the many it
 * ignores. In a profile of the query side catching up from the first event that was 28% of its CPU, more than the
 * projections' own work. Here the meters of a payload type are looked up once, and the latency gauge reads the last
 * event's timestamp only when it is scraped. Axon's capacity gauge is left out: it kept every handling time of the
 * last ten minutes in memory (millions of entries during a replay); {@code rate(eventProcessor_allTimer_seconds_sum[10m])}
 * gives the same busy share.
 */
final class EventProcessorMeters implements MessageMonitor<EventMessage<?>> {

    static final String PREFIX = "eventProcessor";

    private final String processorName;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, PayloadTypeMeters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicReference<Ingestion> lastIngestion = new AtomicReference<>();

    EventProcessorMeters(String processorName, MeterRegistry registry, Clock clock) {
        this.processorName = processorName;
        this.registry = registry;
        this.clock = clock;
        Gauge.builder(PREFIX + ".latency", this, EventProcessorMeters::latencyMillis)
                .tags(Tags.of("processorName", processorName))
                .strongReference(true)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        PayloadTypeMeters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersFor);
        meters.ingested.increment();
        lastIngestion.lazySet(new Ingestion(message, clock.wallTime()));
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                report(meters.success, meters.successTimer, true);
            }

            @Override
            public void reportFailure(Throwable cause) {
                report(meters.failure, meters.failureTimer, true);
            }

            @Override
            public void reportIgnored() {
                report(meters.ignored, meters.ignoredTimer, false);
            }

            private void report(Counter outcome, Timer outcomeTimer, boolean processed) {
                long elapsed = clock.monotonicTime() - start;
                if (processed) {
                    meters.processed.increment();
                }
                outcome.increment();
                meters.allTimer.record(elapsed, TimeUnit.NANOSECONDS);
                outcomeTimer.record(elapsed, TimeUnit.NANOSECONDS);
            }
        };
    }

    /**
     * Milliseconds between the last ingested event's timestamp and the moment it was ingested, as Axon's latency
     * monitor measures it; 0 before the first event.
     */
    private double latencyMillis() {
        Ingestion last = lastIngestion.get();
        return last == null ? 0 : last.wallTime() - last.message().getTimestamp().toEpochMilli();
    }

    private PayloadTypeMeters metersFor(Class<?> payloadType) {
        Tags tags = Tags.of("payloadType", payloadType.getSimpleName(), "processorName", processorName);
        return new PayloadTypeMeters(counter("ingestedCounter", tags), counter("successCounter", tags),
                counter("failureCounter", tags), counter("processedCounter", tags), counter("ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags));
    }

    private Counter counter(String name, Tags tags) {
        return Counter.builder(PREFIX + "." + name).tags(tags).register(registry);
    }

    /** Timers configured as axon-micrometer configures them: client-side percentiles over the last ten minutes. */
    private Timer timer(String name, Tags tags) {
        return Timer.builder(PREFIX + "." + name)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tags(tags)
                .register(registry);
    }

    private record PayloadTypeMeters(Counter ingested, Counter success, Counter failure, Counter processed,
                                     Counter ignored, Timer allTimer, Timer successTimer, Timer failureTimer,
                                     Timer ignoredTimer) {
    }

    /** The last event a processor was handed, and the wall-clock time in milliseconds when it was. */
    private record Ingestion(EventMessage<?> message, long wallTime) {
    }
}
