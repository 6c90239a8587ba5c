package cn.gov.lvliang.ledger.command.infra;

import cn.gov.lvliang.ledger.events.ActorMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every event inherits in its metadata from the command that caused it: Axon's correlation and trace ids, the
 * client's request id and the actor, so that an auditor can tie each stored event to who asked for it and how.
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

    /** Who acted: set on every command from the signed-in user (see {@link ActorMetadataConfiguration}). */
    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(ActorMetadata.USER, ActorMetadata.ROLE, ActorMetadata.UNIT,
                ActorMetadata.DIVISION, ActorMetadata.HTTP_CORRELATION_ID, ActorMetadata.CLIENT_ADDRESS);
    }
}
