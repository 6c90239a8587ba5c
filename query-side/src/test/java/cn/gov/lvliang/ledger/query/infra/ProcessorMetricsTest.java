package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running processors report to {@link EventProcessorMeters}, under the meter names and tags the alerts and the
 * Grafana dashboard read (docker/prometheus/alerts.yml, docker/README.md): an event stored in the event store is
 * counted by the processor that handles it and by one that ignores it. (Spring Boot's tests leave the Prometheus
 * endpoint off, so the meters are read from the registry it would render.)
 */
@QuerySideTest
class ProcessorMetricsTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aStoredEvent_isCountedByTheProcessorThatHandlesIt_andByOneThatIgnoresIt() {
        Processors.awaitCaughtUp(processing, "reference-data");
        Processors.awaitCaughtUp(processing, "scoring-rubrics");
        double handledBefore = count("successCounter", "reference-data");
        double ignoredBefore = count("ignoredCounter", "scoring-rubrics");

        // The version every test publishes: the reference projection finds it there already and changes nothing.
        eventStore.publish(GenericEventMessage.asEventMessage(
                ReferenceTestData.lvliang(ReferenceTestData.TEST_VERSION)));

        await("both processors counted the event").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("successCounter", "reference-data")).isEqualTo(handledBefore + 1);
            assertThat(count("ignoredCounter", "scoring-rubrics")).isEqualTo(ignoredBefore + 1);
        });
        assertThat(registry.get("eventProcessor.allTimer")
                .tags("processorName", "reference-data", "payloadType", "ReferenceDataPublishedEvent")
                .timer().count()).isPositive();
        assertThat(registry.get("eventProcessor.latency").tags("processorName", "reference-data").gauge().value())
                .as("the event's age when the processor took it").isNotNegative();
        assertThat(registry.find("eventProcessor.capacity").meters()).isEmpty();
    }

    private double count(String counter, String processor) {
        Counter found = registry.find("eventProcessor." + counter)
                .tags("processorName", processor, "payloadType", "ReferenceDataPublishedEvent")
                .counter();
        return found == null ? 0 : found.count();
    }
}
