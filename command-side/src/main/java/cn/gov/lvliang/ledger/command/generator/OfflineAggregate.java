package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway.ProcessedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.springframework.context.ApplicationContext;

/**
 * An aggregate of the command side run in memory, outside the application's command bus, for the generator: the
 * same annotated class, decided by Axon's own aggregate command handler, event-sourced by Axon's own repository, with
 * the application's correlation data providers and its beans as handler parameters. So every generated event is
 * the event the aggregate applies for that command, with the metadata the command side gives it.
 *
 * <p>What differs is only where things go: events into memory ({@link CaseEvents}) until the generator writes them
 * in a batch; deadlines into {@link SimulatedDeadlines}, under a deadline policy without import grace, so that each
 * fires at its due moment in business time; and each applied command's {@code processed_request} row into a list, as
 * {@link IdempotentCommandGateway} would have written it.
 */
final class OfflineAggregate<T> {

    private final SimpleCommandBus commandBus;
    private final EventSourcingRepository<T> repository;
    private final EmbeddedEventStore eventStore;
    private final CaseEvents events;
    private final List<ProcessedRequest> processed = new ArrayList<>();

    private OfflineAggregate(Class<T> type, ApplicationContext context, List<CorrelationDataProvider> correlation,
                             SimulatedDeadlines deadlines, DeadlinePolicy deadlinePolicy, Clock clock) {
        // The generator's deadline manager and policy come first; then Axon's own order: the payload and the other
        // message parameters, the application's beans, and whatever else is on the class path (such as axon-test's
        // fixture resources, in tests).
        ParameterResolverFactory parameters = new MultiParameterResolverFactory(
                new SimpleResourceParameterResolverFactory(List.of(deadlines, deadlinePolicy)),
                MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(type),
                        new SpringBeanParameterResolverFactory(context)));
        HandlerDefinition handlers = ClasspathHandlerDefinition.forClass(type);
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type, parameters, handlers);
        this.events = new CaseEvents();
        this.eventStore = EmbeddedEventStore.builder().storageEngine(events).build();
        this.repository = EventSourcingRepository.builder(type)
                .aggregateModel(model)
                .eventStore(eventStore)
                .lockFactory(NullLockFactory.INSTANCE)
                .build();
        this.commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
        commandBus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            Object result = chain.proceed();
            CommandMessage<?> command = unitOfWork.getMessage();
            String requestId = (String) command.getMetaData().get(IdempotentCommandGateway.REQUEST_ID);
            unitOfWork.afterCommit(committed -> processed.add(ProcessedRequest.of(requestId, command, result, clock)));
            return result;
        });
        AggregateAnnotationCommandHandler.<T>builder()
                .aggregateType(type)
                .aggregateModel(model)
                .repository(repository)
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers)
                .build()
                .subscribe(commandBus);
    }

    /**
     * The aggregate of {@code type} run in memory.
     *
     * @param correlation    the application's correlation data providers, so that events get the same metadata
     * @param deadlines      where the aggregate's deadlines go
     * @param deadlinePolicy the policy the aggregate schedules its deadlines by
     */
    static OfflineAggregate<?> of(Class<?> type, ApplicationContext context, List<CorrelationDataProvider> correlation,
                                  SimulatedDeadlines deadlines, DeadlinePolicy deadlinePolicy, Clock clock) {
        return new OfflineAggregate<>(type, context, correlation, deadlines, deadlinePolicy, clock);
    }

    /**
     * Has the aggregate decide one command, in a unit of work of its own, as the command bus of the command side
     * would; its result. A refused command stores nothing and is thrown as a {@link RefusedCommand}.
     */
    Object send(CommandMessage<?> command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(command, callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            throw new RefusedCommand(command.getPayload(), result.exceptionResult());
        }
        return result.getPayload();
    }

    /**
     * Fires a deadline into the aggregate whose scope it names, as Axon's db-scheduler deadline manager fires one: in
     * a unit of work of the deadline message, without interceptors.
     */
    void fire(DeadlineMessage<?> deadline, ScopeDescriptor scope) {
        DefaultUnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(deadline);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            repository.send(deadline, scope);
            return null;
        });
        if (result.isExceptional()) {
            throw new RefusedCommand(deadline.getPayload(), result.exceptionResult());
        }
    }

    /** The events applied since the last call, in order of application. */
    List<DomainEventMessage<?>> takeEvents() {
        return events.take();
    }

    /** The rows of the commands applied since the last call. */
    List<ProcessedRequest> takeProcessedRequests() {
        List<ProcessedRequest> taken = List.copyOf(processed);
        processed.clear();
        return taken;
    }

    void shutDown() {
        eventStore.shutDown();
    }

    /** A generated command (or deadline) the aggregate refused: a fault of the generator's plans, never ignored. */
    static final class RefusedCommand extends RuntimeException {

        RefusedCommand(Object command, Throwable cause) {
            super("The aggregate refused the generated " + command.getClass().getSimpleName() + " " + command + ": "
                    + cause.getMessage(), cause);
        }
    }
}
