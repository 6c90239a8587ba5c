package cn.gov.lvliang.ledger.command.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's own counters, beside the Axon, JVM and HTTP metrics: {@code ledger_commands_total} by command and
 * outcome, and {@code ledger_events_appended_total} by event type, counted only once the append has committed.
 */
@Configuration(proxyBeanMethods = false)
class LedgerMetrics {

    private final MeterRegistry registry;

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Autowired
    void countCommands(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            try {
                Object result = chain.proceed();
                unitOfWork.afterCommit(uow -> commandCounter(command, "accepted").increment());
                return result;
            } catch (IllegalArgumentException | IllegalStateException | AggregateNotFoundException e) {
                commandCounter(command, "rejected").increment();
                throw e;
            } catch (Exception e) {
                commandCounter(command, "failed").increment();
                throw e;
            }
        });
    }

    @Autowired
    void countAppendedEvents(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(events -> {
            List<String> types = events.stream().map(EventMessage::getPayloadType).map(Class::getSimpleName).toList();
            Runnable count = () -> types.forEach(type -> Counter.builder("ledger.events.appended")
                    .description("Events appended to the event store")
                    .tag("type", type)
                    .register(registry)
                    .increment());
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(uow -> count.run());
            } else {
                count.run();
            }
            return (index, event) -> event;
        });
    }

    private Counter commandCounter(String command, String outcome) {
        return Counter.builder("ledger.commands")
                .description("Commands handled, by outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry);
    }
}
