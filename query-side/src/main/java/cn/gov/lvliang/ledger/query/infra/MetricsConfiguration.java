package cn.gov.lvliang.ledger.query.infra;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message monitors in Micrometer: the query bus and the event bus through axon-micrometer's dimensional
 * monitors, the event processors through {@link EventProcessorMeters}, which keeps their meter names and tags but not
 * their cost. Axon's own metrics auto-configuration is off ({@code axon.metrics.auto-configuration.enabled=false}) so
 * that it registers nothing beside this.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry meterRegistry) {
        GlobalMetricRegistry axonMetrics = new GlobalMetricRegistry(meterRegistry);
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                monitor(EventProcessor.class.isAssignableFrom(componentType)
                        ? new EventProcessorMeters(componentName, meterRegistry, Clock.SYSTEM)
                        : axonMetrics.registerComponentWithDefaultTags(componentType, componentName)));
    }

    /**
     * A monitor as Axon's configuration takes it. Each component hands its monitor only the messages it handles
     * (an event processor events, the query bus queries), which is what axon-micrometer relies on as well.
     */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitor(MessageMonitor<? extends Message<?>> monitor) {
        return (MessageMonitor<Message<?>>) monitor;
    }
}
