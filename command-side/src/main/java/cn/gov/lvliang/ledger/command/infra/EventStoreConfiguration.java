package cn.gov.lvliang.ledger.command.infra;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the event store recognises a second writer. Two command nodes that append to the same case at once collide on
 * the unique (aggregate, sequence number) constraint, and Axon must take that for the {@code ConcurrencyException}
 * it is, so that {@link IdempotentCommandGateway} decides the command again on the fresh state. Axon's default
 * resolver for JDBC only knows {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's driver never
 * throws: it reports SQLSTATE 23505 (unique_violation, as H2 does), and the collision was answered 500.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** Despite its package, Axon's resolver reads plain JDBC exceptions. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }
}
