package cn.gov.lvliang.ledger.command.infra;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final String INSERT_PROCESSED_REQUEST = """
            INSERT INTO processed_request (request_id, command_type, aggregate_id, result, processed_at)
            VALUES (?, ?, ?, ?, ?)""";

    private final CommandGateway commandGateway;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    public IdempotentCommandGateway(CommandGateway commandGateway, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
                                    Clock clock) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
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
                ProcessedRequest processed = ProcessedRequest.of(requestId.toString(), message, result, clock);
                jdbc.sql(INSERT_PROCESSED_REQUEST)
                        .params(processed.requestId(), processed.commandType(), processed.aggregateId(),
                                processed.result(), processed.processedAt().atOffset(ZoneOffset.UTC))
                        .update();
            }
            return result;
        });
    }

    /**
     * Records requests that were applied elsewhere in the caller's transaction, in one batch: the scale data
     * generator decides its commands in the aggregates outside the command bus and stores their rows with their
     * events, exactly as this gateway's interceptor would have written them.
     */
    public void recordAll(List<ProcessedRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(INSERT_PROCESSED_REQUEST, requests, requests.size(),
                (statement, processed) -> {
                    statement.setString(1, processed.requestId());
                    statement.setString(2, processed.commandType());
                    statement.setString(3, processed.aggregateId());
                    statement.setString(4, processed.result());
                    statement.setObject(5, processed.processedAt().atOffset(ZoneOffset.UTC));
                });
    }

    /**
     * One row of {@code processed_request}: the client's request id, the command's simple type name, the aggregate
     * it targeted, the handler's result worth keeping (a complaint's new id, say) and when it was applied.
     */
    public record ProcessedRequest(String requestId, String commandType, String aggregateId, String result,
                                   Instant processedAt) {

        private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

        /** The row for a command that was applied with {@code result}, now. */
        public static ProcessedRequest of(String requestId, CommandMessage<?> command, Object result, Clock clock) {
            String aggregateId = TARGETS.resolveTarget(command).getIdentifier();
            return new ProcessedRequest(requestId, command.getPayloadType().getSimpleName(), aggregateId,
                    resultText(result, aggregateId), clock.instant());
        }
    }
}
