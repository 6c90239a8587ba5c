package cn.gov.lvliang.ledger.verifier;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * An in-memory copy of the Merkle trees over the journal's leaves, one per algorithm, caught up from the journal
 * before each use, so that roots and proofs at any checkpoint cost O(log² n) instead of a pass over the whole log.
 * The first use reads every leaf once; later uses read only the entries sealed since. The trees keep the subtrees of
 * 2^{@value #LOWEST_KEPT_LEVEL} (256) leaves and up (a quarter of a byte per event and algorithm: 5 MB at 10^7
 * events, where whole trees took 1.3 GB and a command side with a heap of 512 MB could not sign a checkpoint); the
 * few leaves a root or proof needs below that are read again from the journal. Thread-safe: every use runs under
 * this object's lock.
 */
public final class JournalTrees {

    private static final Logger log = Logger.getLogger(JournalTrees.class.getName());
    /** The trees keep subtrees of 2^8 leaves and up. */
    private static final int LOWEST_KEPT_LEVEL = 8;

    private Map<HashAlgorithm, MerkleTree> trees = fresh();

    /**
     * Catches up with the journal and runs {@code work} on the trees, which it must neither keep nor change. Call
     * inside a transaction, so that PostgreSQL streams the leaves.
     */
    public synchronized <T> T read(LedgerJournal journal, Function<Map<HashAlgorithm, MerkleTree>, T> work)
            throws SQLException {
        try {
            catchUp(journal);
            return work.apply(Collections.unmodifiableMap(trees));
        } finally {
            // The trees read leaves again through the caller's connection, which closes after this use.
            trees.forEach((algorithm, tree) -> tree.readLeavesFrom(null));
        }
    }

    /** Lets the trees read the leaves below the levels they keep from {@code journal}. */
    private static void readingFrom(LedgerJournal journal, Map<HashAlgorithm, MerkleTree> trees) {
        trees.forEach((algorithm, tree) -> tree.readLeavesFrom((from, to) -> {
            try {
                return journal.leaves(from, to, algorithm);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the journal's leaves " + from + " to " + (to - 1), e);
            }
        }));
    }

    /**
     * Signs the checkpoint over every sealed event: the Merkle roots at the head's size and the head's chain values.
     * Call with the head locked. Refuses to sign over history that changed: when the journal holds another number of
     * entries than the head says, or when the tree at {@code previous}'s size no longer has {@code previous}'s roots.
     *
     * @param previous the latest checkpoint of this log, or null for the first
     */
    public Checkpoint sign(LedgerJournal journal, LedgerJournal.Head head, Checkpoint previous, String origin,
                           String logId, Instant time, Collection<NotaryKey> keys) throws SQLException {
        return read(journal, current -> {
            long size = current.get(HashAlgorithm.SHA_256).size();
            if (size != head.treeSize()) {
                throw new HistoryChangedException("the journal holds " + size + " entries but its head says "
                        + head.treeSize());
            }
            if (previous != null) {
                requireExtends(previous, current, size);
            }
            Map<HashAlgorithm, byte[]> roots = new EnumMap<>(HashAlgorithm.class);
            Map<HashAlgorithm, byte[]> heads = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                roots.put(algorithm, current.get(algorithm).root(size));
                byte[] chain = head.chains().get(algorithm);
                heads.put(algorithm, chain == null ? LedgerHasher.GENESIS : chain);
            }
            long id = previous == null ? 1 : previous.id() + 1;
            return new Checkpoint(origin, logId, id, size, time.truncatedTo(ChronoUnit.MILLIS).toString(), roots,
                    heads, List.of()).signedBy(keys);
        });
    }

    private static void requireExtends(Checkpoint previous, Map<HashAlgorithm, MerkleTree> trees, long size) {
        if (previous.size() > size) {
            throw new HistoryChangedException("checkpoint " + previous.id() + " covers " + previous.size()
                    + " events but the journal holds only " + size + "; refusing to sign");
        }
        for (Map.Entry<HashAlgorithm, byte[]> root : previous.roots().entrySet()) {
            if (!Arrays.equals(trees.get(root.getKey()).root(previous.size()), root.getValue())) {
                throw new HistoryChangedException("the journal's " + root.getKey().label() + " root at size "
                        + previous.size() + " differs from checkpoint " + previous.id() + "; refusing to sign");
            }
        }
    }

    private void catchUp(LedgerJournal journal) throws SQLException {
        readingFrom(journal, trees);
        long size = trees.get(HashAlgorithm.SHA_256).size();
        if (size > 0) {
            if (!stillHolds(journal, trees.get(HashAlgorithm.SHA_256), size - 1)) {
                log.warning("The journal no longer holds the leaves read before (rewritten or restored); reading it "
                        + "again from the start");
                trees = fresh();
                readingFrom(journal, trees);
                size = 0;
            }
        }
        long[] expected = {size};
        Map<HashAlgorithm, MerkleTree> current = trees;
        try {
            journal.leaves(size, row -> {
                if (row.position() != expected[0]) {
                    throw new IllegalStateException("journal position " + expected[0] + " is missing");
                }
                row.leaves().forEach((algorithm, leaf) -> current.get(algorithm).append(leaf));
                expected[0]++;
            });
        } catch (SQLException | RuntimeException e) {
            trees = fresh(); // a half-read entry would leave the trees of different sizes
            throw e;
        }
    }

    /** Whether the journal still holds the leaf the tree read at {@code position}. */
    private static boolean stillHolds(LedgerJournal journal, MerkleTree tree, long position) throws SQLException {
        byte[] last;
        try {
            last = tree.leaf(position);
        } catch (HistoryChangedException e) {
            return false; // the block of that leaf, read again, is no longer what the tree holds
        }
        return journal.leafAt(position, HashAlgorithm.SHA_256).map(leaf -> Arrays.equals(leaf, last)).orElse(false);
    }

    private static Map<HashAlgorithm, MerkleTree> fresh() {
        Map<HashAlgorithm, MerkleTree> trees = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            trees.put(algorithm, MerkleTree.keepingLevelsFrom(algorithm, LOWEST_KEPT_LEVEL));
        }
        return trees;
    }
}
