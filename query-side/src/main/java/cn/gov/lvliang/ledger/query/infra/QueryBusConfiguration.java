package cn.gov.lvliang.ledger.query.infra;

import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's query bus as its auto-configuration builds it, except that each query runs in a {@code REPEATABLE READ}
 * transaction: every statement of a query handler reads the same snapshot of the read models.
 *
 * <p>A case's detail takes several statements (the case row, its items, measures, provinces and so on) while the
 * projections commit batches beside it. Under the default {@code READ COMMITTED} each statement saw what had committed
 * by its own start, so a detail read while a batch committed could show a closed case without the provinces its
 * opening recorded, when the opening and the closure came in that one batch. One snapshot per query rules that out.
 * Web pages that read through several queries take one snapshot for all of them ({@code @Transactional} with the same
 * isolation), which the query's transaction then joins.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class QueryBusConfiguration {

    @Bean
    SimpleQueryBus queryBus(Configuration axon, PlatformTransactionManager transactions) {
        DefaultTransactionDefinition snapshot = new DefaultTransactionDefinition();
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(new SpringTransactionManager(transactions, snapshot))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
