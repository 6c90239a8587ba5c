package cn.gov.lvliang.ledger.command.infra;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends commands at most once per client {@code requestId}. The request id travels as command metadata (and from
 * there into every event's metadata); an interceptor records it in {@code processed_request} inside the command's
 * own transaction, so the record and the events commit together or not at all. A repeat, also after a restart or
 * racing the first, gets the first outcome and stores nothing new.
 */
@Component
public class IdempotentCommandGateway {

    public static final String REQUEST_ID = "requestId";
    /** How often a command that lost an optimistic-concurrency race is decided again before the 409 stands. */
    static final int MAX_ATTEMPTS = 3;

    private final CommandGateway commandGateway;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CommandTargetResolver targetResolver = AnnotationCommandTargetResolver.builder().build();

    public IdempotentCommandGateway(CommandGateway commandGateway, JdbcClient jdbc, Clock clock) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies a command that creates an aggregate, unless a request with this id was applied before.
     *
     * @param requestId the client's id of this request
     * @param newId     the id the new aggregate gets; a repeat answers with the first request's id instead
     * @param command   the command
     * @return the outcome, first or stored
     */
    public CommandReceipt create(String requestId, String newId, Object command) {
        return dispatch(requestId, newId, command, true);
    }

    /**
     * Applies a command to an existing aggregate, unless a request with this id was applied before.
     *
     * @param requestId   the client's id of this request
     * @param aggregateId the aggregate the command targets
     * @param command     the command
     * @return the outcome, first or stored
     */
    public CommandReceipt send(String requestId, String aggregateId, Object command) {
        return dispatch(requestId, aggregateId, command, false);
    }

    private CommandReceipt dispatch(String requestId, String aggregateId, Object command, boolean creation) {
        Optional<CommandReceipt> earlier = find(requestId, command, creation ? null : aggregateId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(REQUEST_ID, requestId)));
                return new CommandReceipt(requestId, aggregateId, resultText(result, aggregateId), false);
            } catch (ConcurrencyException e) {
                // Another writer appended to the same aggregate first. Unless that writer was a repeat of this very
                // request, decide the command again on the fresh state: no update is lost, and the rules still hold.
                Optional<CommandReceipt> repeat = find(requestId, command, creation ? null : aggregateId);
                if (repeat.isPresent()) {
                    return repeat.get();
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (IncompatibleAggregateException e) {
                // The id names an aggregate of another kind, such as a clue's id on a case's endpoint: no such case.
                throw new AggregateNotFoundException(aggregateId, "No such aggregate " + aggregateId, e);
            } catch (RuntimeException e) {
                // A concurrent request with the same id committed first: its row now exists, and its outcome stands.
                return find(requestId, command, creation ? null : aggregateId).orElseThrow(() -> e);
            }
        }
    }

    /** The stored outcome of {@code requestId}; a reuse of the id for another command is refused. */
    private Optional<CommandReceipt> find(String requestId, Object command, String expectedAggregate) {
        return jdbc.sql("SELECT command_type, aggregate_id, result FROM processed_request WHERE request_id = :id")
                .param("id", requestId)
                .query((row, n) -> {
                    String type = row.getString("command_type");
                    String storedAggregate = row.getString("aggregate_id");
                    boolean sameAggregate = expectedAggregate == null || expectedAggregate.equals(storedAggregate);
                    if (!type.equals(command.getClass().getSimpleName()) || !sameAggregate) {
                        throw new IllegalArgumentException("requestId: " + requestId + " was already used for "
                                + type + " on " + storedAggregate);
                    }
                    return new CommandReceipt(requestId, storedAggregate, row.getString("result"), true);
                })
                .optional();
    }

    /** A handler's result worth keeping: an id it made, such as a complaint's, but not the aggregate's own id. */
    private static String resultText(Object result, String aggregateId) {
        return result instanceof String text && !text.equals(aggregateId) ? text : null;
    }

    @Autowired
    void recordProcessedRequests(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            Object result = chain.proceed();
            CommandMessage<?> message = unitOfWork.getMessage();
            Object requestId = message.getMetaData().get(REQUEST_ID);
            // A command handled inside another's unit of work inherits its request id, and is part of that request:
            // only the root records it.
            if (requestId != null && unitOfWork.isRoot()) {
                String aggregateId = targetResolver.resolveTarget(message).getIdentifier();
                jdbc.sql("""
                                INSERT INTO processed_request (request_id, command_type, aggregate_id, result,
                                    processed_at)
                                VALUES (:requestId, :type, :aggregateId, :result, :processedAt)""")
                        .param("requestId", requestId.toString())
                        .param("type", message.getPayloadType().getSimpleName())
                        .param("aggregateId", aggregateId)
                        .param("result", resultText(result, aggregateId))
                        .param("processedAt", clock.instant().atOffset(ZoneOffset.UTC))
                        .update();
            }
            return result;
        });
    }
}
