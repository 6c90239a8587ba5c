package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.MerkleTree;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's in-memory copy of the Merkle trees over the journal's leaves (about 64 bytes per event and algorithm),
 * caught up from the journal before each use, so that roots and proofs at any checkpoint cost O(log² n).
 */
@Component
class LedgerTree {

    private static final Logger log = LoggerFactory.getLogger(LedgerTree.class);

    private final Journal journal;
    private Map<HashAlgorithm, MerkleTree> trees = fresh();

    LedgerTree(Journal journal) {
        this.journal = journal;
    }

    /** Reads the journal entries this node has not seen yet; call inside a transaction, so PostgreSQL streams. */
    synchronized Map<HashAlgorithm, MerkleTree> caughtUp() {
        long size = trees.get(HashAlgorithm.SHA_256).size();
        if (size > 0) {
            byte[] last = trees.get(HashAlgorithm.SHA_256).leaf(size - 1);
            if (!journal.leafAt(size - 1, HashAlgorithm.SHA_256).map(leaf -> Arrays.equals(leaf, last))
                    .orElse(false)) {
                log.warn("The journal no longer holds the leaves this node read before (rewritten or restored); "
                        + "reading it again from the start");
                trees = fresh();
                size = 0;
            }
        }
        long[] expected = {size};
        Map<HashAlgorithm, MerkleTree> current = trees;
        journal.leaves(size, row -> {
            if (row.position() != expected[0]) {
                throw new IllegalStateException("journal position " + expected[0] + " is missing");
            }
            current.get(HashAlgorithm.SHA_256).append(row.sha256());
            current.get(HashAlgorithm.SM3).append(row.sm3());
            expected[0]++;
        });
        return current;
    }

    private static Map<HashAlgorithm, MerkleTree> fresh() {
        Map<HashAlgorithm, MerkleTree> trees = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            trees.put(algorithm, new MerkleTree(algorithm));
        }
        return trees;
    }
}
