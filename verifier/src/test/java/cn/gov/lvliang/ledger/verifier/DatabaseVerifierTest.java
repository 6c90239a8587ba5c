package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole verification on both databases it runs against: PostgreSQL (the command side, {@code ./ledger verify}
 * against a server) and H2 (the demo's file, {@code ./ledger verify}'s default). A ledger sealed with
 * {@link LedgerJournal} verifies; an edited payload and a deleted row are found where they were sealed; the
 * connection is handed back as it came. The command side's notary tests cover every kind of tampering on
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseVerifierTest {

    private static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");
    private ScratchDatabases databases;

    @BeforeAll
    void createSchema() throws SQLException {
        databases = ScratchDatabases.create("verifier_");
    }

    @AfterAll
    void dropSchema() throws SQLException {
        databases.drop();
    }

    private Connection connect(String database) throws SQLException {
        return databases.connect(database, "domainevententry", "ledger_head", "ledger_journal", "ledger_checkpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {ScratchDatabases.POSTGRESQL, ScratchDatabases.H2})
    void aSealedLedger_verifies_andAnEditedPayloadAndADeletedRow_areFoundWhereTheyWereSealed(String database)
            throws Exception {
        try (Connection connection = connect(database)) {
            createLedgerTables(connection);
            for (int sequence = 0; sequence < 10; sequence++) {
                for (String caseId : List.of("case-a", "case-b", "case-c")) {
                    append(connection, caseId, sequence, "2025-03-03T01:00:00." + String.format("%03d", sequence)
                            + "Z");
                }
            }
            seal(connection);
            append(connection, "case-a", 10, NOW.toString()); // committed, not sealed yet

            LedgerReport report = DatabaseVerifier.verify(connection, options());
            assertThat(report.ok()).as(report.toText()).isTrue();
            assertThat(report.journalEntries()).isEqualTo(30);
            assertThat(report.eventRows()).isEqualTo(30);
            assertThat(report.pendingRows()).isEqualTo(1);
            assertThat(connection.getAutoCommit()).isTrue();

            try (PreparedStatement edit = connection.prepareStatement("UPDATE domainevententry SET payload = ? "
                    + "WHERE aggregateidentifier = 'case-b' AND sequencenumber = 4"); // sealed at position 13
                 Statement statement = connection.createStatement()) {
                edit.setBytes(1, "{}".getBytes(StandardCharsets.UTF_8));
                edit.executeUpdate();
                statement.execute("DELETE FROM domainevententry WHERE aggregateidentifier = 'case-c' "
                        + "AND sequencenumber = 7"); // sealed at position 23
            }
            report = DatabaseVerifier.verify(connection, options());
            assertThat(report.ok()).isFalse();
            assertThat(report.findings()).extracting(Finding::kind, Finding::position, Finding::caseId,
                            Finding::sequenceNumber)
                    .containsExactly(
                            tuple(Tampering.PAYLOAD_CHANGED, 13L, "case-b", 4L),
                            tuple(Tampering.ROW_DELETED, 23L, "case-c", 7L));
            assertThat(report.pendingRows()).isEqualTo(1);
        }
    }

    private static DatabaseVerifier.Options options() {
        return new DatabaseVerifier.Options(HashAlgorithm.SHA_256, Duration.ofMinutes(1), NOW, List.of(), List.of(),
                100);
    }

    private static void seal(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        LedgerJournal journal = new LedgerJournal(connection);
        journal.logId();
        LedgerJournal.Head head = journal.lockHead();
        journal.seal(head, journal.unsealed(head.maxGlobalIndex(), 1000), NOW);
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static void append(Connection connection, String caseId, long sequence, String timestamp)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (eventidentifier, "
                + "aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, "
                + "metadata) VALUES (?, ?, ?, 'BundleCase', ?, 'cn.gov.lvliang.ledger.events.bundle.Event', '1', ?, "
                + "?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, caseId);
            insert.setLong(3, sequence);
            insert.setString(4, timestamp);
            insert.setBytes(5, ("{\"caseId\":\"" + caseId + "\",\"n\":" + sequence + "}")
                    .getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, sequence % 3 == 0 ? null : "{\"actorUser\":\"吕梁\"}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    /** The event table and the ledger's tables as the command side's migrations V1 and V10 create them. */
    private static void createLedgerTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE domainevententry (
                        globalindex BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        eventidentifier VARCHAR(255) NOT NULL, aggregateidentifier VARCHAR(255) NOT NULL,
                        sequencenumber BIGINT NOT NULL, type VARCHAR(255), timestamp VARCHAR(255) NOT NULL,
                        payloadtype VARCHAR(255) NOT NULL, payloadrevision VARCHAR(255), payload BYTEA NOT NULL,
                        metadata BYTEA,
                        CONSTRAINT uk_domainevententry_aggregate_sequence UNIQUE (aggregateidentifier, sequencenumber),
                        CONSTRAINT uk_domainevententry_event_identifier UNIQUE (eventidentifier))""");
            statement.execute("""
                    CREATE TABLE ledger_head (id SMALLINT NOT NULL, log_id VARCHAR(64), tree_size BIGINT NOT NULL,
                        max_global_index BIGINT NOT NULL, chain_sha256 BYTEA, chain_sm3 BYTEA,
                        CONSTRAINT pk_ledger_head PRIMARY KEY (id))""");
            statement.execute("INSERT INTO ledger_head (id, tree_size, max_global_index) VALUES (1, 0, -1)");
            statement.execute("""
                    CREATE TABLE ledger_journal (position BIGINT NOT NULL, global_index BIGINT NOT NULL,
                        aggregate_id VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        event_timestamp VARCHAR(255) NOT NULL, leaf_sha256 BYTEA NOT NULL,
                        chain_sha256 BYTEA NOT NULL, case_chain_sha256 BYTEA NOT NULL, payload_sha256 BYTEA NOT NULL,
                        metadata_sha256 BYTEA NOT NULL, leaf_sm3 BYTEA NOT NULL, chain_sm3 BYTEA NOT NULL,
                        case_chain_sm3 BYTEA NOT NULL, payload_sm3 BYTEA NOT NULL, metadata_sm3 BYTEA NOT NULL,
                        sealed_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        CONSTRAINT pk_ledger_journal PRIMARY KEY (position),
                        CONSTRAINT uk_ledger_journal_global_index UNIQUE (global_index))""");
            statement.execute("CREATE INDEX idx_ledger_journal_aggregate ON ledger_journal (aggregate_id, position)");
            statement.execute("""
                    CREATE TABLE ledger_checkpoint (id BIGINT NOT NULL, tree_size BIGINT NOT NULL,
                        created_at TIMESTAMP WITH TIME ZONE NOT NULL, document VARCHAR(8000) NOT NULL,
                        CONSTRAINT pk_ledger_checkpoint PRIMARY KEY (id))""");
        }
    }
}
