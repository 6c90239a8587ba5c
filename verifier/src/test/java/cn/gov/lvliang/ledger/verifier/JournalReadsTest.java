package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reads of the journal give exactly what the plain SQL they replace gives, on PostgreSQL and on the demo's
 * H2, for journals that are out of order, have lost rows, name rows twice or far ahead: {@link JournalScan} against
 * {@code LEFT JOIN ... ORDER BY position} and {@code NOT EXISTS}; {@link LedgerJournal#unsealed} and the sealer's
 * look-up of each case's latest chain value against their former single queries. Hashes are not computed here: the
 * rows carry none, the journal's case chains are random bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalReadsTest {

    private static final HexFormat HEX = HexFormat.of();
    private ScratchDatabases databases;

    @BeforeAll
    void createSchema() throws SQLException {
        databases = ScratchDatabases.create("journal_reads_");
    }

    @AfterAll
    void dropSchema() throws SQLException {
        databases.drop();
    }

    Stream<Arguments> databases() {
        List<Arguments> cases = new ArrayList<>();
        for (String database : List.of(ScratchDatabases.POSTGRESQL, ScratchDatabases.H2)) {
            for (long seed = 1; seed <= 4; seed++) {
                cases.add(Arguments.of(database, seed));
            }
        }
        return cases.stream();
    }

    private Connection connect(String database) throws SQLException {
        return databases.connect(database, "domainevententry", "ledger_journal");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("databases")
    void theScan_givesWhatTheJoinGives_withRowsReadAheadOrLookedUp(String database, long seed) throws Exception {
        try (Connection connection = connect(database)) {
            fill(connection, new Random(seed));
            List<String> expected = joinedBySql(connection);
            List<String> expectedUnnamed = unnamedBySql(connection);
            for (int readAhead : List.of(3, JournalScan.READ_AHEAD_LIMIT)) {
                connection.setAutoCommit(false);
                List<String> entries = new ArrayList<>();
                List<String> unnamed = new ArrayList<>();
                try (JournalScan scan = new JournalScan(connection, "sha256", 7, readAhead)) {
                    for (JournalScan.Entry e = scan.next(); e != null; e = scan.next()) {
                        entries.add(e.position() + ":" + e.globalIndex() + "->" + describe(e.event()));
                    }
                    scan.unnamed(row -> unnamed.add(row.globalIndex() + " " + row.aggregateIdentifier() + "#"
                            + row.sequenceNumber() + " " + row.timestamp()));
                }
                connection.rollback();
                connection.setAutoCommit(true);
                assertThat(entries).as("entries, read-ahead " + readAhead).containsExactlyElementsOf(expected);
                assertThat(unnamed).as("unnamed rows, read-ahead " + readAhead)
                        .containsExactlyElementsOf(expectedUnnamed);
            }
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("databases")
    void unsealed_givesWhatTheSingleQueryGave(String database, long seed) throws Exception {
        try (Connection connection = connect(database)) {
            Random random = new Random(seed);
            fill(connection, random);
            LedgerJournal journal = new LedgerJournal(connection);
            for (long floor : List.of(-1L, 0L, 50L, 150L, 190L, 400L)) {
                for (int limit : List.of(1, 5, 40, 1000)) {
                    assertThat(globalIndexes(journal.unsealed(floor, limit)))
                            .as("floor " + floor + ", limit " + limit)
                            .containsExactlyElementsOf(unsealedBySql(connection, floor, limit));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("databases")
    void caseChains_giveWhatTheGroupedQueryGave(String database, long seed) throws Exception {
        try (Connection connection = connect(database)) {
            fill(connection, new Random(seed));
            List<String> cases = new ArrayList<>(List.of("case-unknown"));
            for (int i = 0; i < 7; i++) {
                cases.add("case-" + i);
            }
            Map<String, Map<HashAlgorithm, byte[]>> chains = new LedgerJournal(connection).caseChains(cases);
            Map<String, String> found = new TreeMap<>();
            chains.forEach((caseId, chain) -> found.put(caseId, HEX.formatHex(chain.get(HashAlgorithm.SHA_256))
                    + " " + HEX.formatHex(chain.get(HashAlgorithm.SM3))));
            Map<String, String> expected = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("""
                         SELECT j.aggregate_id, j.case_chain_sha256, j.case_chain_sm3 FROM ledger_journal j
                         JOIN (SELECT aggregate_id, max(position) AS position FROM ledger_journal
                               GROUP BY aggregate_id) latest
                           ON latest.aggregate_id = j.aggregate_id AND latest.position = j.position""")) {
                while (row.next()) {
                    expected.put(row.getString(1), HEX.formatHex(row.getBytes(2)) + " "
                            + HEX.formatHex(row.getBytes(3)));
                }
            }
            assertThat(found).hasSize(7).isEqualTo(expected);
        }
    }

    /**
     * 200 rows; the journal names most of them in global order, but with late commits (neighbours swapped), rows
     * deleted after sealing, rows never sealed (inserted, or pending at the end), a few entries naming a row far
     * ahead or behind, one naming a row that never existed, and one row named twice (no unique constraint here).
     */
    private static void fill(Connection connection, Random random) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE domainevententry (globalindex BIGINT PRIMARY KEY, eventidentifier VARCHAR(255),
                        aggregateidentifier VARCHAR(255), sequencenumber BIGINT, type VARCHAR(255),
                        timestamp VARCHAR(255), payloadtype VARCHAR(255), payloadrevision VARCHAR(255),
                        payload BYTEA, metadata BYTEA)""");
            statement.execute("""
                    CREATE TABLE ledger_journal (position BIGINT PRIMARY KEY, global_index BIGINT,
                        aggregate_id VARCHAR(255), sequence_number BIGINT, event_timestamp VARCHAR(255),
                        leaf_sha256 BYTEA, chain_sha256 BYTEA, case_chain_sha256 BYTEA, payload_sha256 BYTEA,
                        metadata_sha256 BYTEA, case_chain_sm3 BYTEA)""");
        }
        List<Long> sealed = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domainevententry VALUES (?, ?, ?, ?, 'BundleCase', ?, 'Event', '1', ?, ?)")) {
            for (long g = 1; g <= 200; g++) {
                insert.setLong(1, g);
                insert.setString(2, "event-" + g);
                insert.setString(3, "case-" + (g % 7));
                insert.setLong(4, g / 7);
                insert.setString(5, "2025-03-03T01:00:00." + String.format("%03d", g) + "Z");
                insert.setBytes(6, ("{\"n\":" + g + "}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(7, g % 5 == 0 ? null : "{}".getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                boolean neverSealed = g > 190 || random.nextInt(20) == 0;
                if (!neverSealed) {
                    sealed.add(g);
                }
            }
            insert.executeBatch();
        }
        for (int i = 0; i + 1 < sealed.size(); i++) {
            if (random.nextInt(6) == 0) {
                Collections.swap(sealed, i, i + 1 + random.nextInt(Math.min(4, sealed.size() - i - 1)));
            }
        }
        // Far ahead, far behind, never existed, named twice.
        Collections.swap(sealed, 10, 150);
        Collections.swap(sealed, 40 + random.nextInt(20), 120 + random.nextInt(20));
        sealed.add(25, 999L);
        sealed.add(60, sealed.get(30 + random.nextInt(20)));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_journal (position, global_index, aggregate_id, sequence_number, "
                        + "event_timestamp, case_chain_sha256, case_chain_sm3) VALUES (?, ?, ?, ?, 'sealed', ?, ?)")) {
            for (int position = 0; position < sealed.size(); position++) {
                insert.setLong(1, position);
                insert.setLong(2, sealed.get(position));
                insert.setString(3, "case-" + (sealed.get(position) % 7));
                insert.setLong(4, sealed.get(position) / 7);
                insert.setBytes(5, randomHash(random));
                insert.setBytes(6, randomHash(random));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < 6; i++) {
                statement.execute("DELETE FROM domainevententry WHERE globalindex = " + (1 + random.nextInt(200)));
            }
        }
    }

    private static byte[] randomHash(Random random) {
        byte[] hash = new byte[HashAlgorithm.LENGTH];
        random.nextBytes(hash);
        return hash;
    }

    private static List<String> joinedBySql(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT j.position, j.global_index, "
                     + LedgerJournal.EVENT_COLUMNS + " FROM ledger_journal j LEFT JOIN domainevententry d "
                     + "ON d.globalindex = j.global_index ORDER BY j.position")) {
            while (row.next()) {
                row.getLong(3);
                StoredEvent event = row.wasNull() ? null : LedgerJournal.event(row, 3);
                rows.add(row.getLong(1) + ":" + row.getLong(2) + "->" + describe(event));
            }
        }
        return rows;
    }

    private static List<String> unnamedBySql(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT d.globalindex, d.aggregateidentifier, "
                     + "d.sequencenumber, d.timestamp FROM domainevententry d WHERE NOT EXISTS "
                     + "(SELECT 1 FROM ledger_journal j WHERE j.global_index = d.globalindex) ORDER BY d.globalindex")) {
            while (row.next()) {
                rows.add(row.getLong(1) + " " + row.getString(2) + "#" + row.getLong(3) + " " + row.getString(4));
            }
        }
        return rows;
    }

    private static List<Long> unsealedBySql(Connection connection, long floor, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT d.globalindex FROM "
                + "domainevententry d WHERE d.globalindex > ? AND NOT EXISTS (SELECT 1 FROM ledger_journal j "
                + "WHERE j.global_index = d.globalindex) ORDER BY d.globalindex LIMIT ?")) {
            statement.setLong(1, floor);
            statement.setInt(2, limit);
            List<Long> indexes = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    indexes.add(row.getLong(1));
                }
            }
            return indexes;
        }
    }

    private static List<Long> globalIndexes(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::globalIndex).toList();
    }

    private static String describe(StoredEvent event) {
        if (event == null) {
            return "gone";
        }
        return event.globalIndex() + " " + event.eventIdentifier() + " " + event.aggregateIdentifier() + "#"
                + event.sequenceNumber() + " " + event.type() + " " + event.timestamp() + " " + event.payloadType()
                + " " + event.payloadRevision() + " " + new String(event.payload(), StandardCharsets.UTF_8) + " "
                + (event.metadata() == null ? "null" : new String(event.metadata(), StandardCharsets.UTF_8));
    }
}
