package cn.gov.lvliang.ledger.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger's tables on one JDBC connection: the head row ({@code ledger_head}), the journal
 * ({@code ledger_journal}) and the signed checkpoints ({@code ledger_checkpoint}), as docs/verifiable-ledger.md
 * defines them. The command side seals and signs with it; the query side reads a case's proof with it. Plain JDBC,
 * so that it needs no Spring: the caller hands in the connection of its own transaction, which this class neither
 * commits nor closes. PostgreSQL streams {@link #leaves} only inside a transaction.
 */
public final class LedgerJournal {

    /** The columns of {@code domainevententry d} that {@link #event} reads, in its order. */
    public static final String EVENT_COLUMNS = "d.globalindex, d.eventidentifier, d.aggregateidentifier, "
            + "d.sequencenumber, d.type, d.timestamp, d.payloadtype, d.payloadrevision, d.payload, d.metadata";

    private static final int BATCH = 1000;

    /**
     * The holes between the journal's entries in (floor, highest sealed]: each entry that does not follow the one
     * before it (or the floor) directly, with that one. Reads the journal's index over the window, no event row.
     */
    private static final String HOLES = """
            SELECT previous, global_index FROM (
                SELECT global_index, LAG(global_index) OVER (ORDER BY global_index) AS previous
                FROM ledger_journal WHERE global_index > ? AND global_index <= ?) named
            WHERE global_index > COALESCE(previous, ?) + 1
            ORDER BY global_index""";
    private static final String ROWS_BETWEEN = "SELECT " + EVENT_COLUMNS + " FROM domainevententry d"
            + " WHERE d.globalindex > ? AND d.globalindex < ? ORDER BY d.globalindex LIMIT ?";
    private static final int FETCH_SIZE = 5000;

    private final Connection connection;

    public LedgerJournal(Connection connection) {
        this.connection = connection;
    }

    /** The head as it stands: how many events are sealed, the highest global index among them, the chain heads. */
    public record Head(long treeSize, long maxGlobalIndex, Map<HashAlgorithm, byte[]> chains) {
    }

    /**
     * What the journal sealed for one event in one algorithm.
     *
     * @param chain          the log's chain value after this event
     * @param caseChain      the case's chain value after this event
     * @param payloadDigest  the digest of the payload the leaf was built from
     * @param metadataDigest the digest of the metadata the leaf was built from
     */
    public record Sealed(byte[] leaf, byte[] chain, byte[] caseChain, byte[] payloadDigest, byte[] metadataDigest) {
    }

    /**
     * One sealed event of a case, with its row as stored now ({@code null} where the row is gone).
     *
     * @param timestamp the row's timestamp as it was sealed
     */
    public record CaseEntry(long position, long globalIndex, long sequenceNumber, String timestamp,
                            Map<HashAlgorithm, Sealed> sealed, StoredEvent event) {
    }

    /** A journal entry's leaves, for the Merkle trees. */
    public record Leaves(long position, Map<HashAlgorithm, byte[]> leaves) {
    }

    /** Receives the journal's leaves in position order. */
    @FunctionalInterface
    public interface LeafConsumer {
        void accept(Leaves leaves) throws SQLException;
    }

    /** This database's log id, made on first use. */
    public String logId() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE ledger_head SET log_id = ? WHERE id = 1 AND log_id IS NULL")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT log_id FROM ledger_head WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    public Head head() throws SQLException {
        return head("");
    }

    /** The head, locked until the transaction ends, so that several command nodes take turns at sealing. */
    public Head lockHead() throws SQLException {
        return head(" FOR UPDATE");
    }

    private Head head(String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tree_size, max_global_index, chain_sha256, chain_sm3 FROM ledger_head WHERE id = 1" + lock);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("ledger_head has no row: the ledger's migration did not run");
            }
            Map<HashAlgorithm, byte[]> chains = new EnumMap<>(HashAlgorithm.class);
            chains.put(HashAlgorithm.SHA_256, row.getBytes(3));
            chains.put(HashAlgorithm.SM3, row.getBytes(4));
            return new Head(row.getLong(1), row.getLong(2), chains);
        }
    }

    /**
     * Committed rows above {@code floor} that are not in the journal, lowest global index first. Asked in two parts
     * that each read only what they return, whatever the planner knows about the tables: the rows up to the highest
     * global index in the journal (the sealer's gap window), looked up only in the holes between the journal's
     * entries in that range, which are rare; and the rows above it, which no entry can name, read in index order as far as the
     * limit. (A {@code NOT EXISTS} over the whole journal was planned, without statistics, as a hash of the whole
     * journal and a sort of every unsealed row, once per sealed batch; one over the window alone still read every
     * event row of the window, payloads included, on every pass of the sealer.)
     */
    public List<StoredEvent> unsealed(long floor, int limit) throws SQLException {
        long highestSealed;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT max(global_index) FROM ledger_journal");
             ResultSet row = statement.executeQuery()) {
            row.next();
            highestSealed = row.getLong(1);
            if (row.wasNull()) {
                highestSealed = floor;
            }
        }
        List<StoredEvent> events = new ArrayList<>();
        if (highestSealed > floor) {
            List<long[]> holes = holes(floor, highestSealed);
            if (!holes.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(ROWS_BETWEEN)) {
                    for (long[] hole : holes) {
                        statement.setLong(1, hole[0]);
                        statement.setLong(2, hole[1]);
                        statement.setInt(3, limit - events.size());
                        readEvents(statement, events);
                        if (events.size() >= limit) {
                            return events;
                        }
                    }
                }
            }
        }
        if (events.size() < limit) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM domainevententry d WHERE d.globalindex > ? ORDER BY d.globalindex LIMIT ?")) {
                statement.setLong(1, Math.max(floor, highestSealed));
                statement.setInt(2, limit - events.size());
                readEvents(statement, events);
            }
        }
        return events;
    }

    /** The holes in the journal's global indexes in (floor, highest], as pairs of the indexes around each. */
    private List<long[]> holes(long floor, long highest) throws SQLException {
        List<long[]> holes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(HOLES)) {
            statement.setLong(1, floor);
            statement.setLong(2, highest);
            statement.setLong(3, floor);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long previous = row.getLong(1);
                    holes.add(new long[] {row.wasNull() ? floor : previous, row.getLong(2)});
                }
            }
        }
        return holes;
    }

    private void readEvents(PreparedStatement statement, List<StoredEvent> events) throws SQLException {
        LargeReads.binary(connection, statement);
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                events.add(event(row, 1));
            }
        }
    }

    /**
     * Seals {@code rows} in their order at the positions after {@code head}: hashes each in every algorithm, links
     * it into the log's chain and its case's chain, appends it to the journal and moves the head. Call with the head
     * locked; returns the new head.
     */
    public Head seal(Head head, List<StoredEvent> rows, Instant sealedAt) throws SQLException {
        if (rows.isEmpty()) {
            return head;
        }
        Map<HashAlgorithm, LedgerHasher> hashers = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            hashers.put(algorithm, new LedgerHasher(algorithm));
        }
        Set<String> cases = new LinkedHashSet<>();
        rows.forEach(row -> cases.add(row.aggregateIdentifier()));
        Map<String, Map<HashAlgorithm, byte[]>> caseChains = caseChains(cases);
        Map<HashAlgorithm, byte[]> chains = new EnumMap<>(HashAlgorithm.class);
        chains.putAll(head.chains());
        long position = head.treeSize();
        long maxGlobalIndex = head.maxGlobalIndex();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ledger_journal (position, global_index, aggregate_id, sequence_number, event_timestamp,
                    leaf_sha256, chain_sha256, case_chain_sha256, payload_sha256, metadata_sha256,
                    leaf_sm3, chain_sm3, case_chain_sm3, payload_sm3, metadata_sm3, sealed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int batched = 0;
            for (StoredEvent row : rows) {
                Map<HashAlgorithm, byte[]> caseChain = caseChains.computeIfAbsent(row.aggregateIdentifier(),
                        id -> new EnumMap<>(HashAlgorithm.class));
                insert.setLong(1, position);
                insert.setLong(2, row.globalIndex());
                insert.setString(3, row.aggregateIdentifier());
                insert.setLong(4, row.sequenceNumber());
                insert.setString(5, row.timestamp());
                int column = 6;
                for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                    LedgerHasher hasher = hashers.get(algorithm);
                    EventDigests digests = hasher.digest(row);
                    byte[] chain = hasher.chain(chains.get(algorithm), digests.leaf());
                    byte[] nextCaseChain = hasher.chain(caseChain.get(algorithm), digests.leaf());
                    chains.put(algorithm, chain);
                    caseChain.put(algorithm, nextCaseChain);
                    insert.setBytes(column++, digests.leaf());
                    insert.setBytes(column++, chain);
                    insert.setBytes(column++, nextCaseChain);
                    insert.setBytes(column++, digests.payloadDigest());
                    insert.setBytes(column++, digests.metadataDigest());
                }
                insert.setTimestamp(16, Timestamp.from(sealedAt));
                insert.addBatch();
                if (++batched % BATCH == 0) {
                    insert.executeBatch();
                }
                position++;
                maxGlobalIndex = Math.max(maxGlobalIndex, row.globalIndex());
            }
            if (batched % BATCH != 0) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE ledger_head SET tree_size = ?, "
                + "max_global_index = ?, chain_sha256 = ?, chain_sm3 = ? WHERE id = 1")) {
            update.setLong(1, position);
            update.setLong(2, maxGlobalIndex);
            update.setBytes(3, chains.get(HashAlgorithm.SHA_256));
            update.setBytes(4, chains.get(HashAlgorithm.SM3));
            update.executeUpdate();
        }
        return new Head(position, maxGlobalIndex, chains);
    }

    /**
     * The latest case chain of each of these cases, per algorithm: for each case, the position of its latest entry
     * (a backward step in the index on case and position), then that entry. Asked case by case on purpose: grouped
     * over {@code aggregate_id IN (...)}, PostgreSQL without statistics took the list for most of the table and
     * scanned the whole journal once per sealed batch.
     */
    Map<String, Map<HashAlgorithm, byte[]>> caseChains(Collection<String> caseIds) throws SQLException {
        Map<String, Map<HashAlgorithm, byte[]>> chains = new HashMap<>();
        List<String> ids = new ArrayList<>(caseIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String values = String.join(", ", Collections.nCopies(slice.size(), "(CAST(? AS VARCHAR(255)))"));
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT j.aggregate_id, j.case_chain_sha256, j.case_chain_sm3
                    FROM (SELECT (SELECT max(k.position) FROM ledger_journal k WHERE k.aggregate_id = c.id) AS position
                          FROM (VALUES %s) AS c(id)) latest
                    JOIN ledger_journal j ON j.position = latest.position""".formatted(values))) {
                for (int i = 0; i < slice.size(); i++) {
                    statement.setString(i + 1, slice.get(i));
                }
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        Map<HashAlgorithm, byte[]> chain = new EnumMap<>(HashAlgorithm.class);
                        chain.put(HashAlgorithm.SHA_256, row.getBytes(2));
                        chain.put(HashAlgorithm.SM3, row.getBytes(3));
                        chains.put(row.getString(1), chain);
                    }
                }
            }
        }
        return chains;
    }

    /** Streams the leaves from {@code fromPosition} on, in position order. */
    public void leaves(long fromPosition, LeafConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT position, leaf_sha256, leaf_sm3 "
                + "FROM ledger_journal WHERE position >= ? ORDER BY position")) {
            statement.setFetchSize(FETCH_SIZE);
            LargeReads.binary(connection, statement);
            statement.setLong(1, fromPosition);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Map<HashAlgorithm, byte[]> leaves = new EnumMap<>(HashAlgorithm.class);
                    leaves.put(HashAlgorithm.SHA_256, row.getBytes(2));
                    leaves.put(HashAlgorithm.SM3, row.getBytes(3));
                    consumer.accept(new Leaves(row.getLong(1), leaves));
                }
            }
        }
    }

    /** The leaves of one algorithm at positions {@code [from, to)}, in position order. */
    public List<byte[]> leaves(long from, long to, HashAlgorithm algorithm) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT leaf_" + column(algorithm)
                + " FROM ledger_journal WHERE position >= ? AND position < ? ORDER BY position")) {
            LargeReads.binary(connection, statement);
            statement.setLong(1, from);
            statement.setLong(2, to);
            List<byte[]> leaves = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    leaves.add(row.getBytes(1));
                }
            }
            return leaves;
        }
    }

    public Optional<byte[]> leafAt(long position, HashAlgorithm algorithm) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT leaf_" + column(algorithm)
                + " FROM ledger_journal WHERE position = ?")) {
            statement.setLong(1, position);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** A case's sealed events below {@code size} with their rows as stored now, in position order. */
    public List<CaseEntry> caseEntries(String caseId, long size) throws SQLException {
        StringBuilder sealedColumns = new StringBuilder();
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            String c = column(algorithm);
            sealedColumns.append("j.leaf_%1$s, j.chain_%1$s, j.case_chain_%1$s, j.payload_%1$s, j.metadata_%1$s, "
                    .formatted(c));
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT j.position, j.global_index, "
                + "j.sequence_number, j.event_timestamp, " + sealedColumns + EVENT_COLUMNS
                + " FROM ledger_journal j LEFT JOIN domainevententry d ON d.globalindex = j.global_index "
                + "WHERE j.aggregate_id = ? AND j.position < ? ORDER BY j.position")) {
            statement.setString(1, caseId);
            statement.setLong(2, size);
            try (ResultSet row = statement.executeQuery()) {
                List<CaseEntry> entries = new ArrayList<>();
                int firstEvent = 5 + 5 * HashAlgorithm.values().length;
                while (row.next()) {
                    Map<HashAlgorithm, Sealed> sealed = new EnumMap<>(HashAlgorithm.class);
                    int column = 5;
                    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                        sealed.put(algorithm, new Sealed(row.getBytes(column), row.getBytes(column + 1),
                                row.getBytes(column + 2), row.getBytes(column + 3), row.getBytes(column + 4)));
                        column += 5;
                    }
                    row.getLong(firstEvent);
                    StoredEvent event = row.wasNull() ? null : event(row, firstEvent);
                    entries.add(new CaseEntry(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), sealed,
                            event));
                }
                return entries;
            }
        }
    }

    /** How many rows of the case the event table holds now, sealed or not. */
    public long storedEventCount(String caseId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
            statement.setString(1, caseId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public Optional<Long> positionOf(long globalIndex) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position FROM ledger_journal WHERE global_index = ?")) {
            statement.setLong(1, globalIndex);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    public Optional<Checkpoint> latestCheckpoint() throws SQLException {
        List<Checkpoint> latest = checkpoints(1);
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }

    public Optional<Checkpoint> checkpoint(long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT document FROM ledger_checkpoint WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(Checkpoint.fromJson(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** The newest {@code limit} checkpoints, newest first. */
    public List<Checkpoint> checkpoints(int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT document FROM ledger_checkpoint ORDER BY id DESC LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet row = statement.executeQuery()) {
                List<Checkpoint> checkpoints = new ArrayList<>();
                while (row.next()) {
                    checkpoints.add(Checkpoint.fromJson(row.getString(1)));
                }
                return checkpoints;
            }
        }
    }

    /** Stores a signed checkpoint, its document exactly as published. */
    public void insert(Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO ledger_checkpoint (id, tree_size, created_at, document) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, checkpoint.id());
            statement.setLong(2, checkpoint.size());
            statement.setTimestamp(3, Timestamp.from(Instant.parse(checkpoint.time())));
            statement.setString(4, checkpoint.toJsonLine());
            statement.executeUpdate();
        }
    }

    /** The column suffix of an algorithm: {@code sha256} or {@code sm3}. */
    public static String column(HashAlgorithm algorithm) {
        return algorithm == HashAlgorithm.SHA_256 ? "sha256" : "sm3";
    }

    /** The event of a row selected with {@link #EVENT_COLUMNS}, starting at column {@code first}. */
    public static StoredEvent event(ResultSet row, int first) throws SQLException {
        return new StoredEvent(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getLong(first + 3), row.getString(first + 4), row.getString(first + 5), row.getString(first + 6),
                row.getString(first + 7), row.getBytes(first + 8), row.getBytes(first + 9));
    }
}
