package cn.gov.lvliang.ledger.query.infra;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Makes every processing group a pooled streaming processor with the batch size and segments set on purpose, so a
 * new projection gets the same treatment without its own configuration.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Autowired
    void usePooledStreamingProcessors(EventProcessingConfigurer processing, ProjectionProperties properties) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                .batchSize(properties.batchSize())
                .initialSegmentCount(properties.initialSegmentCount())
                .maxClaimedSegments(properties.maxClaimedSegments())
                .enableCoordinatorClaimExtension());
        // Axon's default only logs a failing handler and moves on, which would leave a read model silently short
        // of an event. Propagating the error rolls the batch back and the processor retries it with back-off.
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
