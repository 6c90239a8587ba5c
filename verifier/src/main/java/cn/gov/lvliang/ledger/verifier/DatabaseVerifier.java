package cn.gov.lvliang.ledger.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Recomputes the ledger from the database with plain JDBC, in one streaming pass over the journal joined to the
 * event table: every leaf from its row, every chain link, every per-case chain, and the Merkle root at the size of
 * every known checkpoint. Used by the command side's verification endpoint and by {@code ledger-verifier.jar
 * database}, which needs neither the application nor its code.
 */
public final class DatabaseVerifier {

    /**
     * @param algorithm      the hash algorithm to recompute in
     * @param maxCommitDelay how long a transaction may take to commit; an unsealed row below the sealed frontier
     *                       that is older than this was not committed late but inserted
     * @param now            the time to judge that by
     * @param checkpoints    checkpoints kept outside the database (an auditor's archive, checkpoints.jsonl)
     * @param trustedKeys    keys to check every checkpoint's signature with; none means signatures go unchecked
     * @param maxFindings    findings listed in full (all are counted)
     */
    public record Options(HashAlgorithm algorithm, Duration maxCommitDelay, Instant now, List<Checkpoint> checkpoints,
                          List<NotaryKey> trustedKeys, int maxFindings) {

        public static Options defaults() {
            return new Options(HashAlgorithm.SHA_256, Duration.ofMinutes(1), Instant.now(), List.of(), List.of(), 100);
        }
    }

    private static final int FETCH_SIZE = 2000;
    /** Rows handed from the reading thread to the checking one at a time. */
    private static final int BATCH = 500;

    private final Connection connection;
    private final Options options;
    private final LedgerHasher hasher;
    private final String suffix;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();

    private DatabaseVerifier(Connection connection, Options options) {
        this.connection = connection;
        this.options = options;
        this.hasher = new LedgerHasher(options.algorithm());
        this.suffix = LedgerJournal.column(options.algorithm());
    }

    /**
     * Runs the verification in a transaction of its own on {@code connection}, at REPEATABLE READ so that every
     * statement of it sees the same snapshot, then rolls it back. The connection must not be in a transaction.
     */
    public static LedgerReport verify(Connection connection, Options options) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        if (!autoCommit) {
            connection.rollback();
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        try {
            LargeReads.forOrderedScans(connection);
            return new DatabaseVerifier(connection, options).run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
            connection.setTransactionIsolation(isolation);
        }
    }

    /** A journal entry whose row now holds another event: a swap, resolved once the whole journal is read. */
    private record Candidate(long position, long globalIndex, String sealedCase, long sealedSequence, byte[] sealedLeaf,
                             String rowCase, long rowSequence, byte[] rowLeaf) {
    }

    private LedgerReport run() throws SQLException {
        long started = System.nanoTime();
        TreeMap<Long, List<Checkpoint>> checkpointsBySize = loadCheckpoints();
        int checkpointsChecked = 0;
        Checkpoint latest = null;
        for (List<Checkpoint> list : checkpointsBySize.values()) {
            for (Checkpoint c : list) {
                if (latest == null || c.id() > latest.id()) {
                    latest = c;
                }
            }
        }
        checkSignaturesAndOrder(checkpointsBySize);

        RootAccumulator tree = new RootAccumulator(options.algorithm());
        Map<String, byte[]> caseChains = new HashMap<>();
        byte[] chain = LedgerHasher.GENESIS;
        long expectedPosition = 0;
        long maxSealedGlobalIndex = Long.MIN_VALUE;
        long rows = 0;
        long lastVerifiedCheckpointSize = 0;
        // Empty checkpoints have the root of the empty tree.
        for (Checkpoint c : checkpointsBySize.getOrDefault(0L, List.of())) {
            checkpointsChecked++;
            checkRoot(c, tree, LedgerHasher.GENESIS, 0);
        }
        long journalSize;
        long pending;
        try (JournalScan scan = new JournalScan(connection, suffix, FETCH_SIZE, JournalScan.READ_AHEAD_LIMIT)) {
            try (Prefetcher<JournalScan.Entry> reader = new Prefetcher<>(scan::next, BATCH, 4)) {
                for (List<JournalScan.Entry> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                    for (JournalScan.Entry row : batch) {
                        long position = row.position();
                        maxSealedGlobalIndex = Math.max(maxSealedGlobalIndex, row.globalIndex());
                        if (position != expectedPosition) {
                            add(new Finding(Tampering.JOURNAL_ENTRY_MISSING, expectedPosition, null, null, null,
                                    null, null, "journal positions " + expectedPosition + " to " + (position - 1)
                                    + " are missing"));
                            expectedPosition = position;
                        }
                        expectedPosition++;

                        byte[] linked = hasher.chain(chain, row.sealedLeaf());
                        if (!Arrays.equals(linked, row.sealedChain())) {
                            add(new Finding(Tampering.JOURNAL_ALTERED, position, row.globalIndex(), row.sealedCase(),
                                    row.sealedSequence(), null, null, "the journal's chain value does not follow "
                                    + "from the previous link and this entry's leaf"));
                        }
                        chain = row.sealedChain() == null ? linked : row.sealedChain();
                        byte[] caseLinked = hasher.chain(caseChains.get(row.sealedCase()), row.sealedLeaf());
                        if (!Arrays.equals(caseLinked, row.sealedCaseChain())) {
                            add(new Finding(Tampering.JOURNAL_ALTERED, position, row.globalIndex(), row.sealedCase(),
                                    row.sealedSequence(), null, null, "the journal's case chain value does not "
                                    + "follow from the case's previous event"));
                        }
                        caseChains.put(row.sealedCase(), row.sealedCaseChain() == null ? caseLinked
                                : row.sealedCaseChain());

                        if (row.event() == null) {
                            add(new Finding(Tampering.ROW_DELETED, position, row.globalIndex(), row.sealedCase(),
                                    row.sealedSequence(), null, null, "the event row sealed at this position is "
                                    + "gone"));
                        } else {
                            rows++;
                            checkRow(row);
                        }

                        tree.append(row.sealedLeaf() == null ? new byte[HashAlgorithm.LENGTH] : row.sealedLeaf());
                        List<Checkpoint> due = checkpointsBySize.get(tree.size());
                        if (due != null) {
                            for (Checkpoint c : due) {
                                checkpointsChecked++;
                                if (checkRoot(c, tree, chain, lastVerifiedCheckpointSize)) {
                                    lastVerifiedCheckpointSize = c.size();
                                }
                            }
                        }
                    }
                }
            }
            journalSize = tree.size();
            for (List<Checkpoint> list : checkpointsBySize.tailMap(journalSize, false).values()) {
                for (Checkpoint c : list) {
                    checkpointsChecked++;
                    add(new Finding(Tampering.CHECKPOINT_MISMATCH, journalSize, null, null, null, c.id(), null,
                            "checkpoint " + c.id() + " of " + c.time() + " covers " + c.size()
                                    + " events, but the journal holds " + journalSize + ": events from position "
                                    + journalSize + " on were removed (truncated, or restored from an older "
                                    + "backup)"));
                }
            }
            resolveCandidates();
            // The reading thread has ended: the scan is this thread's again.
            pending = checkUnsealed(scan, maxSealedGlobalIndex);
        }

        findings.sort(Comparator.comparing(Finding::isLocal).reversed()
                .thenComparing(f -> f.position() == null ? Long.MAX_VALUE : f.position()));
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        List<Finding> listed = findings.size() > options.maxFindings()
                ? List.copyOf(findings.subList(0, options.maxFindings())) : List.copyOf(findings);
        return new LedgerReport(findings.isEmpty(), options.algorithm(), options.now().toString(), journalSize, rows,
                pending, checkpointsChecked, latest, findings.isEmpty() ? null : findings.get(0), listed,
                findings.size(), elapsed);
    }

    private void checkRow(JournalScan.Entry row) {
        StoredEvent event = row.event();
        EventDigests digests = hasher.digest(event);
        if (Arrays.equals(digests.leaf(), row.sealedLeaf())) {
            if (!row.sealedCase().equals(event.aggregateIdentifier())
                    || row.sealedSequence() != event.sequenceNumber()) {
                add(new Finding(Tampering.JOURNAL_ALTERED, row.position(), row.globalIndex(),
                        event.aggregateIdentifier(), event.sequenceNumber(), null, null, "the journal names case "
                        + row.sealedCase() + " #" + row.sealedSequence() + " for this event"));
            }
            return;
        }
        if (!row.sealedCase().equals(event.aggregateIdentifier()) || row.sealedSequence() != event.sequenceNumber()) {
            candidates.add(new Candidate(row.position(), row.globalIndex(), row.sealedCase(), row.sealedSequence(),
                    row.sealedLeaf(), event.aggregateIdentifier(), event.sequenceNumber(), digests.leaf()));
            return;
        }
        add(fieldsChanged(event, digests, row.position(), row.globalIndex(), row.sealedTimestamp(),
                row.sealedPayloadDigest(), row.sealedMetadataDigest()));
    }

    /**
     * The finding on a sealed event whose row, still the same case and sequence, no longer hashes to the sealed leaf:
     * which fields differ from what was sealed, found by the sealed field digests and timestamp.
     */
    static Finding fieldsChanged(StoredEvent event, EventDigests digests, long position, long globalIndex,
                                 String sealedTimestamp, byte[] sealedPayloadDigest, byte[] sealedMetadataDigest) {
        List<String> changed = new ArrayList<>();
        if (!Arrays.equals(digests.payloadDigest(), sealedPayloadDigest)) {
            changed.add("payload");
        }
        if (!Arrays.equals(digests.metadataDigest(), sealedMetadataDigest)) {
            changed.add("metadata");
        }
        if (!Objects.equals(event.timestamp(), sealedTimestamp)) {
            changed.add("timestamp");
        }
        Tampering kind;
        String detail;
        if (changed.contains("payload")) {
            kind = Tampering.PAYLOAD_CHANGED;
            detail = "the payload differs from the one sealed";
        } else if (changed.contains("metadata")) {
            kind = Tampering.METADATA_CHANGED;
            detail = "the metadata differs from the one sealed";
        } else if (changed.contains("timestamp")) {
            kind = Tampering.TIMESTAMP_CHANGED;
            detail = "the timestamp reads " + event.timestamp() + ", sealed as " + sealedTimestamp;
        } else {
            kind = Tampering.HEADER_CHANGED;
            changed.add("header");
            detail = "the event identifier, type, payload type or revision differ from those sealed";
        }
        if (changed.size() > 1) {
            detail += " (changed: " + String.join(", ", changed) + ")";
        }
        return new Finding(kind, position, globalIndex, event.aggregateIdentifier(), event.sequenceNumber(), null,
                changed, detail);
    }

    private void resolveCandidates() {
        Map<String, Candidate> bySealedEvent = new HashMap<>();
        for (Candidate c : candidates) {
            bySealedEvent.put(c.sealedCase() + "\u0000" + c.sealedSequence(), c);
        }
        for (Candidate c : candidates) {
            Candidate other = bySealedEvent.get(c.rowCase() + "\u0000" + c.rowSequence());
            if (other != null) {
                boolean same = Arrays.equals(c.rowLeaf(), other.sealedLeaf());
                add(new Finding(Tampering.ROWS_REORDERED, c.position(), c.globalIndex(), c.sealedCase(),
                        c.sealedSequence(), null, null, "global index " + c.globalIndex() + " now holds "
                        + c.rowCase() + " #" + c.rowSequence() + ", which was sealed at position " + other.position()
                        + " (global index " + other.globalIndex() + ")" + (same ? "" : ", and altered")));
            } else {
                add(new Finding(Tampering.HEADER_CHANGED, c.position(), c.globalIndex(), c.sealedCase(),
                        c.sealedSequence(), null, List.of("header"), "global index " + c.globalIndex()
                        + " now holds " + c.rowCase() + " #" + c.rowSequence() + " instead of the sealed event"));
            }
        }
    }

    /** Rows not in the journal: pending if they may still be sealed, inserted if they sit in sealed history. */
    private long checkUnsealed(JournalScan scan, long maxSealedGlobalIndex) throws SQLException {
        long[] pending = {0};
        List<Finding> inserted = new ArrayList<>();
        scan.unnamed(row -> {
            Instant timestamp = parse(row.timestamp());
            boolean lateCommit = timestamp != null
                    && !timestamp.isBefore(options.now().minus(options.maxCommitDelay()));
            if (row.globalIndex() > maxSealedGlobalIndex || lateCommit) {
                pending[0]++;
            } else {
                inserted.add(new Finding(Tampering.ROW_INSERTED, null, row.globalIndex(), row.aggregateIdentifier(),
                        row.sequenceNumber(), null, null, "a row with timestamp " + row.timestamp()
                        + " sits below the sealed global index " + maxSealedGlobalIndex + " but was never sealed"));
            }
        });
        try (PreparedStatement before = connection.prepareStatement(
                "SELECT min(position) FROM ledger_journal WHERE global_index > ?")) {
            for (Finding f : inserted.subList(0, Math.min(inserted.size(), options.maxFindings()))) {
                before.setLong(1, f.globalIndex());
                Long position = null;
                try (ResultSet r = before.executeQuery()) {
                    if (r.next()) {
                        position = r.getLong(1);
                        position = r.wasNull() ? null : position;
                    }
                }
                add(new Finding(f.kind(), position, f.globalIndex(), f.caseId(), f.sequenceNumber(), null, null,
                        f.detail()));
            }
        }
        for (Finding f : inserted.subList(Math.min(inserted.size(), options.maxFindings()), inserted.size())) {
            add(f);
        }
        return pending[0];
    }

    private TreeMap<Long, List<Checkpoint>> loadCheckpoints() throws SQLException {
        Map<Long, Checkpoint> byId = new TreeMap<>();
        List<Checkpoint> all = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT document FROM ledger_checkpoint ORDER BY id")) {
            while (row.next()) {
                all.add(Checkpoint.fromJson(row.getString(1)));
            }
        }
        all.addAll(options.checkpoints());
        String logId = null;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT log_id FROM ledger_head WHERE id = 1")) {
            if (row.next()) {
                logId = row.getString(1);
            }
        }
        for (Checkpoint c : all) {
            if (!c.logId().equals(logId)) {
                add(new Finding(Tampering.CHECKPOINT_MISMATCH, 0L, null, null, null, c.id(), null,
                        "checkpoint " + c.id() + " is of log " + c.logId() + ", but this database is log " + logId
                                + ": the database was replaced, or its head row rewritten"));
                continue;
            }
            Checkpoint known = byId.putIfAbsent(c.id(), c);
            if (known != null && !known.signedText().equals(c.signedText())) {
                add(new Finding(Tampering.CHECKPOINT_MISMATCH, 0L, null, null, null, c.id(), null,
                        "two different checkpoints are numbered " + c.id() + " (sizes " + known.size() + " and "
                                + c.size() + "): the checkpoint table was rewritten or restored"));
            }
        }
        TreeMap<Long, List<Checkpoint>> bySize = new TreeMap<>();
        for (Checkpoint c : byId.values()) {
            bySize.computeIfAbsent(c.size(), s -> new ArrayList<>()).add(c);
        }
        return bySize;
    }

    private void checkSignaturesAndOrder(TreeMap<Long, List<Checkpoint>> bySize) {
        List<Checkpoint> byId = bySize.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparingLong(Checkpoint::id)).toList();
        long size = 0;
        for (Checkpoint c : byId) {
            if (c.size() < size) {
                add(new Finding(Tampering.CHECKPOINT_MISMATCH, c.size(), null, null, null, c.id(), null,
                        "checkpoint " + c.id() + " covers fewer events (" + c.size() + ") than an earlier one ("
                                + size + ")"));
            }
            size = Math.max(size, c.size());
            if (!options.trustedKeys().isEmpty() && !c.verifySignatures(options.trustedKeys()).authentic()) {
                add(new Finding(Tampering.CHECKPOINT_SIGNATURE_INVALID, c.size(), null, null, null, c.id(), null,
                        "checkpoint " + c.id() + " has no valid signature by a trusted key"));
            }
        }
    }

    private boolean checkRoot(Checkpoint c, RootAccumulator tree, byte[] chainHead, long lastVerifiedSize) {
        byte[] root = c.roots().get(options.algorithm());
        byte[] head = c.chainHeads().get(options.algorithm());
        if (root == null) {
            add(new Finding(Tampering.CHECKPOINT_MISMATCH, c.size(), null, null, null, c.id(), null,
                    "checkpoint " + c.id() + " has no " + options.algorithm().label() + " root"));
            return false;
        }
        boolean rootOk = Arrays.equals(root, tree.root());
        boolean headOk = Arrays.equals(head, chainHead);
        if (rootOk && headOk) {
            return true;
        }
        add(new Finding(Tampering.CHECKPOINT_MISMATCH, lastVerifiedSize, null, null, null, c.id(), null,
                "the journal's " + (rootOk ? "chain head" : "Merkle root") + " at size " + c.size()
                        + " differs from signed checkpoint " + c.id() + " of " + c.time()
                        + ": the journal was rewritten between positions " + lastVerifiedSize + " and "
                        + (c.size() - 1)));
        return false;
    }

    private void add(Finding finding) {
        findings.add(finding);
    }

    private static Instant parse(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
