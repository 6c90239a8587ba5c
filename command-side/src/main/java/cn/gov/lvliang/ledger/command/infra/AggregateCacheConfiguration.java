package cn.gov.lvliang.ledger.command.infra;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregate cache the busy aggregates name in {@code @Aggregate(cache = AggregateCacheConfiguration.CACHE)}.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    /** The bean name aggregates refer to. */
    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    AggregateCache aggregateCache(AggregateCacheProperties properties, EventStore eventStore) {
        return new AggregateCache(properties.maximumSize(), properties.idleExpiry(), eventStore);
    }

    /**
     * {@code ledger.aggregate-cache}: how many aggregates a command node keeps in memory, and for how long unused.
     *
     * @param maximumSize the most aggregates kept (a bundle case takes a few kilobytes)
     * @param idleExpiry  an aggregate not used for this long is dropped
     */
    @ConfigurationProperties("ledger.aggregate-cache")
    record AggregateCacheProperties(@DefaultValue("20000") long maximumSize,
                                    @DefaultValue("30m") Duration idleExpiry) {
    }
}
