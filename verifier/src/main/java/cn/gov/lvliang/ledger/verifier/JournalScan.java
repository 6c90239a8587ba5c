package cn.gov.lvliang.ledger.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journal joined to the event table for one verification pass: every journal entry in position order with the
 * row at its global index as stored now, and then the rows that no entry names. It gives what {@code ledger_journal
 * LEFT JOIN domainevententry ... ORDER BY position} and {@code domainevententry WHERE NOT EXISTS (entry)} would, but
 * reads two plain ordered scans on one connection — the journal by position, the event table by global index — and
 * merges them here: the database then walks each table's primary key once instead of probing the event table's
 * index once per entry and scanning both tables again for the rows not sealed (about half the database's work).
 *
 * <p>The two orders agree but for late commits, sealed after rows with a higher global index: rows read ahead of
 * the journal wait in a buffer until their entry comes. The buffer is bounded; an entry whose row cannot be reached
 * within it, or lies behind the scan, is looked up by its global index, so a journal altered in any way still gets
 * the join's answer. Call within one transaction at REPEATABLE READ, so that all statements see one snapshot.
 * Not thread-safe.
 */
final class JournalScan implements AutoCloseable {

    /** Rows read ahead of the journal and kept until their entry comes: about ten megabytes at most. */
    static final int READ_AHEAD_LIMIT = 10_000;

    /**
     * One journal entry, what it sealed, and the row at its global index as stored now ({@code event} null where
     * the row is gone).
     */
    record Entry(long position, long globalIndex, String sealedCase, long sealedSequence, String sealedTimestamp,
                 byte[] sealedLeaf, byte[] sealedChain, byte[] sealedCaseChain, byte[] sealedPayloadDigest,
                 byte[] sealedMetadataDigest, StoredEvent event) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ResultSet journal;
    private final ResultSet events;
    private final PreparedStatement lookup;
    private final int readAheadLimit;
    /** Rows read from the event table that no entry has named yet, in global-index order. */
    private final Map<Long, StoredEvent> readAhead = new LinkedHashMap<>();
    /** Global indexes named by an entry and looked up before the event scan reached them; it skips them. */
    private final Set<Long> lookedUp = new HashSet<>();
    private long eventsReadUpTo = Long.MIN_VALUE;
    private boolean eventsEnded;

    /**
     * @param suffix         the algorithm's column suffix, {@link LedgerJournal#column}
     * @param fetchSize      rows fetched per round trip of each scan
     * @param readAheadLimit rows read ahead at most, {@link #READ_AHEAD_LIMIT} but in tests
     */
    JournalScan(Connection connection, String suffix, int fetchSize, int readAheadLimit) throws SQLException {
        this.readAheadLimit = readAheadLimit;
        try {
            journal = scan(connection, """
                    SELECT position, global_index, aggregate_id, sequence_number, event_timestamp, leaf_%1$s,
                           chain_%1$s, case_chain_%1$s, payload_%1$s, metadata_%1$s
                    FROM ledger_journal ORDER BY position""".formatted(suffix), fetchSize);
            events = scan(connection, "SELECT " + LedgerJournal.EVENT_COLUMNS
                    + " FROM domainevententry d ORDER BY d.globalindex", fetchSize);
            lookup = connection.prepareStatement("SELECT " + LedgerJournal.EVENT_COLUMNS
                    + " FROM domainevententry d WHERE d.globalindex = ?");
            resources.add(lookup);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private ResultSet scan(Connection connection, String sql, int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        resources.add(statement);
        statement.setFetchSize(fetchSize);
        LargeReads.binary(connection, statement);
        ResultSet rows = statement.executeQuery();
        resources.add(rows);
        return rows;
    }

    /** The next journal entry in position order with its row, or null after the last. */
    Entry next() throws SQLException {
        if (!journal.next()) {
            return null;
        }
        long globalIndex = journal.getLong(2);
        return new Entry(journal.getLong(1), globalIndex, journal.getString(3), journal.getLong(4),
                journal.getString(5), journal.getBytes(6), journal.getBytes(7), journal.getBytes(8),
                journal.getBytes(9), journal.getBytes(10), rowAt(globalIndex));
    }

    /** Receives the rows no journal entry names. */
    @FunctionalInterface
    interface UnnamedRows {
        void accept(StoredEvent row) throws SQLException;
    }

    /**
     * Hands over the rows no journal entry names, in global-index order, with neither payload nor metadata; call once
     * {@link #next()} has returned null.
     */
    void unnamed(UnnamedRows consumer) throws SQLException {
        for (StoredEvent row : readAhead.values()) {
            consumer.accept(withoutContent(row));
        }
        readAhead.clear();
        for (StoredEvent row = readEvent(); row != null; row = readEvent()) {
            consumer.accept(withoutContent(row));
        }
    }

    private StoredEvent rowAt(long globalIndex) throws SQLException {
        StoredEvent waiting = readAhead.remove(globalIndex);
        if (waiting != null) {
            return waiting;
        }
        if (globalIndex <= eventsReadUpTo || lookedUp.contains(globalIndex)) {
            // Behind the scan and not waiting: gone, or named by another entry as well (only if the journal's
            // unique constraint was dropped), for which the join gives the row again.
            return lookUp(globalIndex);
        }
        while (readAhead.size() < readAheadLimit) {
            StoredEvent row = readEvent();
            if (row == null || row.globalIndex() > globalIndex) {
                if (row != null) {
                    readAhead.put(row.globalIndex(), row);
                }
                return null; // the scan passed the index: no row there
            }
            if (row.globalIndex() == globalIndex) {
                return row;
            }
            readAhead.put(row.globalIndex(), row);
        }
        lookedUp.add(globalIndex);
        return lookUp(globalIndex);
    }

    /** The next row of the event scan that was not looked up already, or null at its end. */
    private StoredEvent readEvent() throws SQLException {
        while (!eventsEnded && events.next()) {
            StoredEvent row = LedgerJournal.event(events, 1);
            eventsReadUpTo = row.globalIndex();
            if (!lookedUp.remove(row.globalIndex())) {
                return row;
            }
        }
        eventsEnded = true;
        return null;
    }

    private StoredEvent lookUp(long globalIndex) throws SQLException {
        lookup.setLong(1, globalIndex);
        try (ResultSet row = lookup.executeQuery()) {
            return row.next() ? LedgerJournal.event(row, 1) : null;
        }
    }

    private static StoredEvent withoutContent(StoredEvent row) {
        return new StoredEvent(row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(),
                row.sequenceNumber(), row.type(), row.timestamp(), row.payloadType(), row.payloadRevision(), null,
                null);
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof SQLException s ? s : new SQLException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
