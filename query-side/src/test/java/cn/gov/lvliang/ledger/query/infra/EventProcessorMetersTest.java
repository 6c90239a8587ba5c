package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class EventProcessorMetersTest {

    final MockClock clock = new MockClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    final EventProcessorMeters meters = new EventProcessorMeters("bundle-cases", registry, clock);

    record CaseOpened(String caseId) {
    }

    record ItemApproved(String caseId) {
    }

    @Test
    void eachOutcome_isCountedAndTimed_perPayloadType_underAxonsDimensionalNames() {
        handle(new CaseOpened("a"), Duration.ofMillis(3)).reportSuccess();
        handle(new CaseOpened("b"), Duration.ofMillis(5)).reportFailure(new IllegalStateException("broken"));
        handle(new ItemApproved("a"), Duration.ofMillis(1)).reportIgnored();

        assertThat(count("ingestedCounter", "CaseOpened")).isEqualTo(2);
        assertThat(count("processedCounter", "CaseOpened")).isEqualTo(2);
        assertThat(count("successCounter", "CaseOpened")).isEqualTo(1);
        assertThat(count("failureCounter", "CaseOpened")).isEqualTo(1);
        assertThat(count("ignoredCounter", "CaseOpened")).isZero();
        assertThat(count("ingestedCounter", "ItemApproved")).isEqualTo(1);
        assertThat(count("ignoredCounter", "ItemApproved")).isEqualTo(1);
        assertThat(count("processedCounter", "ItemApproved")).isZero();

        Timer all = timer("allTimer", "CaseOpened");
        assertThat(all.count()).isEqualTo(2);
        assertThat(all.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(timer("successTimer", "CaseOpened").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
        assertThat(timer("failureTimer", "CaseOpened").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(timer("ignoredTimer", "ItemApproved").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1);
        assertThat(timer("allTimer", "ItemApproved").count()).isEqualTo(1);
        assertThat(all.takeSnapshot().percentileValues()).as("client-side percentiles, as Axon publishes them")
                .hasSize(6);
        assertThat(registry.find("eventProcessor.capacity").meters()).isEmpty();
    }

    @Test
    void latency_isTheLastIngestedEventsAge_whenItWasIngested() {
        assertThat(latency()).as("before the first event").isZero();
        clock.add(Duration.ofHours(1));
        Instant now = Instant.ofEpochMilli(clock.wallTime());

        meters.onMessageIngested(event(new CaseOpened("a"), now.minusSeconds(90))).reportIgnored();
        assertThat(latency()).isEqualTo(90_000);

        clock.add(Duration.ofMinutes(5));
        assertThat(latency()).as("unchanged until the next event, as Axon's gauge").isEqualTo(90_000);

        meters.onMessageIngested(event(new ItemApproved("a"), Instant.ofEpochMilli(clock.wallTime()).minusMillis(40)))
                .reportSuccess();
        assertThat(latency()).isEqualTo(40);
    }

    private MonitorCallback handle(Object payload, Duration handlingTime) {
        MonitorCallback callback = meters.onMessageIngested(event(payload, Instant.EPOCH));
        clock.add(handlingTime);
        return callback;
    }

    private static EventMessage<?> event(Object payload, Instant timestamp) {
        return new GenericEventMessage<>("id-" + payload, payload, Map.of(), timestamp);
    }

    private double count(String counter, String payloadType) {
        return registry.get("eventProcessor." + counter)
                .tags("processorName", "bundle-cases", "payloadType", payloadType)
                .counter().count();
    }

    private Timer timer(String timer, String payloadType) {
        return registry.get("eventProcessor." + timer)
                .tags("processorName", "bundle-cases", "payloadType", payloadType)
                .timer();
    }

    private double latency() {
        return registry.get("eventProcessor.latency").tags("processorName", "bundle-cases").gauge().value();
    }
}
