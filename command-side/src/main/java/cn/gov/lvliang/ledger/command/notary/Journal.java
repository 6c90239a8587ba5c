package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the journal ({@code ledger_journal}) and its head row ({@code ledger_head}). */
@Repository
class Journal {

    static final String EVENT_COLUMNS = "d.globalindex, d.eventidentifier, d.aggregateidentifier, d.sequencenumber, "
            + "d.type, d.timestamp, d.payloadtype, d.payloadrevision, d.payload, d.metadata";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Journal(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The head as it stands; {@code forUpdate} locks it until the transaction ends. */
    record Head(long treeSize, long maxGlobalIndex, Map<HashAlgorithm, byte[]> chains) {
    }

    /** One sealed entry, ready to insert. */
    record Entry(long position, StoredEvent event, Instant sealedAt, Map<HashAlgorithm, Hashes> hashes) {
    }

    record Hashes(byte[] leaf, byte[] chain, byte[] caseChain, byte[] payload, byte[] metadata) {
    }

    /** This database's log id, made on first use. */
    String logId() {
        jdbc.sql("UPDATE ledger_head SET log_id = :id WHERE id = 1 AND log_id IS NULL")
                .param("id", java.util.UUID.randomUUID().toString())
                .update();
        return jdbc.sql("SELECT log_id FROM ledger_head WHERE id = 1").query(String.class).single();
    }

    Head lockHead() {
        return head(" FOR UPDATE");
    }

    Head head() {
        return head("");
    }

    private Head head(String lock) {
        return jdbc.sql("SELECT tree_size, max_global_index, chain_sha256, chain_sm3 FROM ledger_head WHERE id = 1"
                        + lock)
                .query((row, n) -> {
                    Map<HashAlgorithm, byte[]> chains = new EnumMap<>(HashAlgorithm.class);
                    chains.put(HashAlgorithm.SHA_256, row.getBytes(3));
                    chains.put(HashAlgorithm.SM3, row.getBytes(4));
                    return new Head(row.getLong(1), row.getLong(2), chains);
                })
                .single();
    }

    /** Committed rows above {@code floor} that are not in the journal, lowest global index first. */
    List<StoredEvent> unsealed(long floor, int limit) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM domainevententry d WHERE d.globalindex > :floor "
                        + "AND NOT EXISTS (SELECT 1 FROM ledger_journal j WHERE j.global_index = d.globalindex) "
                        + "ORDER BY d.globalindex LIMIT :limit")
                .param("floor", floor)
                .param("limit", limit)
                .query((row, n) -> event(row, 1))
                .list();
    }

    /** The latest case chain of each of these cases, per algorithm. */
    Map<String, Map<HashAlgorithm, byte[]>> caseChains(Collection<String> caseIds) {
        Map<String, Map<HashAlgorithm, byte[]>> chains = new HashMap<>();
        List<String> ids = new ArrayList<>(caseIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                            SELECT j.aggregate_id, j.case_chain_sha256, j.case_chain_sm3 FROM ledger_journal j
                            JOIN (SELECT aggregate_id, max(position) AS position FROM ledger_journal
                                  WHERE aggregate_id IN (:ids) GROUP BY aggregate_id) latest
                              ON latest.aggregate_id = j.aggregate_id AND latest.position = j.position""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(row -> {
                        Map<HashAlgorithm, byte[]> chain = new EnumMap<>(HashAlgorithm.class);
                        chain.put(HashAlgorithm.SHA_256, row.getBytes(2));
                        chain.put(HashAlgorithm.SM3, row.getBytes(3));
                        chains.put(row.getString(1), chain);
                    });
        }
        return chains;
    }

    void insert(List<Entry> entries) {
        template.batchUpdate("""
                INSERT INTO ledger_journal (position, global_index, aggregate_id, sequence_number, event_timestamp,
                    leaf_sha256, chain_sha256, case_chain_sha256, payload_sha256, metadata_sha256,
                    leaf_sm3, chain_sm3, case_chain_sm3, payload_sm3, metadata_sm3, sealed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, 1000, (statement, entry) -> {
            statement.setLong(1, entry.position());
            statement.setLong(2, entry.event().globalIndex());
            statement.setString(3, entry.event().aggregateIdentifier());
            statement.setLong(4, entry.event().sequenceNumber());
            statement.setString(5, entry.event().timestamp());
            int column = 6;
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                Hashes h = entry.hashes().get(algorithm);
                statement.setBytes(column++, h.leaf());
                statement.setBytes(column++, h.chain());
                statement.setBytes(column++, h.caseChain());
                statement.setBytes(column++, h.payload());
                statement.setBytes(column++, h.metadata());
            }
            statement.setTimestamp(16, Timestamp.from(entry.sealedAt()));
        });
    }

    void updateHead(long treeSize, long maxGlobalIndex, Map<HashAlgorithm, byte[]> chains) {
        jdbc.sql("UPDATE ledger_head SET tree_size = :size, max_global_index = :max, chain_sha256 = :sha, "
                        + "chain_sm3 = :sm3 WHERE id = 1")
                .param("size", treeSize)
                .param("max", maxGlobalIndex)
                .param("sha", chains.get(HashAlgorithm.SHA_256))
                .param("sm3", chains.get(HashAlgorithm.SM3))
                .update();
    }

    /** Streams the leaf hashes from {@code fromPosition} on, in position order. */
    void leaves(long fromPosition, Consumer<LeafRow> consumer) {
        template.query(connection -> {
            var statement = connection.prepareStatement("SELECT position, leaf_sha256, leaf_sm3 FROM ledger_journal "
                    + "WHERE position >= ? ORDER BY position");
            statement.setFetchSize(5000);
            statement.setLong(1, fromPosition);
            return statement;
        }, (ResultSet row) -> consumer.accept(new LeafRow(row.getLong(1), row.getBytes(2), row.getBytes(3))));
    }

    record LeafRow(long position, byte[] sha256, byte[] sm3) {
    }

    Optional<byte[]> leafAt(long position, HashAlgorithm algorithm) {
        return jdbc.sql("SELECT leaf_" + column(algorithm) + " FROM ledger_journal WHERE position = :position")
                .param("position", position)
                .query((row, n) -> row.getBytes(1))
                .optional();
    }

    /** A case's sealed events below {@code size} with their rows (null where the row is gone), by position. */
    List<CaseEntry> caseEntries(String caseId, long size) {
        return jdbc.sql("SELECT j.position, j.case_chain_sha256, j.case_chain_sm3, " + EVENT_COLUMNS
                        + " FROM ledger_journal j LEFT JOIN domainevententry d ON d.globalindex = j.global_index "
                        + "WHERE j.aggregate_id = :id AND j.position < :size ORDER BY j.position")
                .param("id", caseId)
                .param("size", size)
                .query((row, n) -> {
                    Map<HashAlgorithm, byte[]> caseChain = new EnumMap<>(HashAlgorithm.class);
                    caseChain.put(HashAlgorithm.SHA_256, row.getBytes(2));
                    caseChain.put(HashAlgorithm.SM3, row.getBytes(3));
                    row.getLong(4);
                    StoredEvent event = row.wasNull() ? null : event(row, 4);
                    return new CaseEntry(row.getLong(1), caseChain, event);
                })
                .list();
    }

    record CaseEntry(long position, Map<HashAlgorithm, byte[]> caseChain, StoredEvent event) {
    }

    long storedEventCount(String caseId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    Optional<Long> positionOfGlobalIndex(long globalIndex) {
        return jdbc.sql("SELECT position FROM ledger_journal WHERE global_index = :g")
                .param("g", globalIndex)
                .query(Long.class)
                .optional();
    }

    static String column(HashAlgorithm algorithm) {
        return algorithm == HashAlgorithm.SHA_256 ? "sha256" : "sm3";
    }

    static StoredEvent event(ResultSet row, int first) throws SQLException {
        return new StoredEvent(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getLong(first + 3), row.getString(first + 4), row.getString(first + 5), row.getString(first + 6),
                row.getString(first + 7), row.getBytes(first + 8), row.getBytes(first + 9));
    }
}
