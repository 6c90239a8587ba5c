package cn.gov.lvliang.ledger.command.infra;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every event inherits in its metadata from the command that caused it: Axon's correlation and trace ids, and
 * the client's request id, so that an auditor can tie each stored event to the request that produced it.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider requestIdProvider() {
        return new SimpleCorrelationDataProvider(IdempotentCommandGateway.REQUEST_ID);
    }
}
