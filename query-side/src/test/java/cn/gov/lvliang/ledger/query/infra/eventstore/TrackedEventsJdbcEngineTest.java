package cn.gov.lvliang.ledger.query.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.EventStoreSchemaForTests;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The query side's storage engine streams what Axon's own JDBC engine streams, event for event and token for token,
 * on PostgreSQL and on the demo's H2: old events and recent ones (a gap before a recent event may still fill, one
 * before an old event may not), gaps left by transactions that rolled back, and events of no aggregate.
 */
class TrackedEventsJdbcEngineTest {

    @AutoClose
    ScratchDatabase database;
    DataSource dataSource;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void streamsWhatAxonsEngineStreams_fromTheStartAndFromAnyToken(Kind kind) throws SQLException {
        open(kind);
        JdbcEventStorageEngine axons = TrackedEventsJdbcEngine.configure(builder()).build();
        TrackedEventsJdbcEngine ours = new TrackedEventsJdbcEngine(builder());
        Instant now = GenericEventMessage.clock.instant();
        Instant longAgo = Instant.parse("2024-03-04T01:02:03.456Z");

        axons.appendEvents(caseEvent("case-1", 0, longAgo), caseEvent("case-1", 1, longAgo.plusNanos(1)));
        rolledBackInsert(longAgo);
        axons.appendEvents(caseEvent("case-2", 0, longAgo.plus(1, ChronoUnit.DAYS)));
        axons.appendEvents(caseEvent("case-1", 2, now.minusSeconds(5)));
        rolledBackInsert(now);
        rolledBackInsert(now);
        axons.appendEvents(new GenericEventMessage<>(UUID.randomUUID().toString(), "published data",
                Map.of("by", "test"), now.truncatedTo(ChronoUnit.SECONDS)));
        axons.appendEvents(caseEvent("case-2", 1, now));

        List<String> expected = read(axons, null);
        assertThat(expected).hasSize(6);
        assertThat(read(ours, null)).isEqualTo(expected);
        for (TrackingToken from : tokens(axons)) {
            assertThat(read(ours, from)).as("from " + from).isEqualTo(read(axons, from));
        }
        assertThat(expected.get(5)).as("the last token still waits for the recent gaps").contains("gaps=[6, 7]");
    }

    JdbcEventStorageEngine.Builder builder() {
        return builder(dataSource);
    }

    /** An engine's builder as the query side's, on the given store, without the Spring context. */
    static JdbcEventStorageEngine.Builder builder(DataSource dataSource) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE);
    }

    static DomainEventMessage<String> caseEvent(String caseId, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("BundleCase", caseId, sequence, caseId + " #" + sequence,
                Map.of("requestId", UUID.randomUUID().toString()), UUID.randomUUID().toString(), at);
    }

    /** Each event as a processor sees it, with the token it carries; from the start when {@code from} is null. */
    static List<String> read(JdbcEventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.map(TrackedEventsJdbcEngineTest::describe).toList();
        }
    }

    /** An event as a processor sees it, with the token it carries. */
    static String describe(TrackedEventMessage<?> event) {
        return String.join(" | ", event.trackingToken().toString(), event.getIdentifier(),
                event.getTimestamp().toString(),
                event instanceof DomainEventMessage<?> domain
                        ? domain.getType() + "/" + domain.getAggregateIdentifier() + "/" + domain.getSequenceNumber()
                        : "no aggregate",
                event.getPayloadType().getName(), String.valueOf(event.getPayload()),
                event.getMetaData().toString());
    }

    static List<TrackingToken> tokens(JdbcEventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            return events.map(TrackedEventMessage::trackingToken).map(TrackingToken.class::cast).toList();
        }
    }

    /** A transaction that took a global index and rolled back: a gap in the store, for good. */
    void rolledBackInsert(Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insertRow(connection, "rolled-back", at, "never");
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Inserts an event of a string payload as Axon stores one, in the connection's transaction. */
    static void insertRow(Connection connection, String aggregateId, Instant at, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type,
                    timestamp, payloadtype, payloadrevision, payload, metadata)
                VALUES (?, ?, 0, 'BundleCase', ?, 'java.lang.String', NULL, ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            insert.setString(3, at.toString());
            insert.setBytes(4, ("\"" + payload + "\"").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    void open(Kind kind) {
        database = eventStore(kind, "engine_test_");
        dataSource = database.dataSource();
    }

    /** A fresh database of that kind holding the command side's event store. */
    static ScratchDatabase eventStore(Kind kind, String prefix) {
        ScratchDatabase database = ScratchDatabase.open(kind, prefix);
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations(EventStoreSchemaForTests.COMMAND_SIDE_MIGRATIONS)
                .target("1")
                .load()
                .migrate();
        return database;
    }
}
