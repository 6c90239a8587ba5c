package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal's Merkle trees keep only their upper levels and read the leaves below them again from the journal,
 * on PostgreSQL and on the demo's H2: over journals of several blocks their roots and proofs are those of the whole
 * tree, they catch up with what was sealed since, and a leaf rewritten in an old block is found when read again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalTreesTest {

    private ScratchDatabases databases;

    @BeforeAll
    void createSchema() throws SQLException {
        databases = ScratchDatabases.create("journal_trees_");
    }

    @AfterAll
    void dropSchema() throws SQLException {
        databases.drop();
    }

    @ParameterizedTest
    @ValueSource(strings = {ScratchDatabases.POSTGRESQL, ScratchDatabases.H2})
    void theTrees_answerAsWholeTrees_catchUp_andFindAnOldLeafRewritten(String database) throws Exception {
        try (Connection connection = databases.connect(database, "ledger_journal")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE ledger_journal (position BIGINT PRIMARY KEY, leaf_sha256 BYTEA, "
                        + "leaf_sm3 BYTEA)");
            }
            Map<HashAlgorithm, List<byte[]>> leaves = new EnumMap<>(HashAlgorithm.class);
            seal(connection, leaves, 0, 700);
            JournalTrees trees = new JournalTrees();
            LedgerJournal journal = new LedgerJournal(connection);

            assertAnswersAsWholeTrees(trees, journal, leaves, 700);
            // Sealed since: the next use reads only those.
            seal(connection, leaves, 700, 900);
            assertAnswersAsWholeTrees(trees, journal, leaves, 900);

            // A leaf of the first block rewritten in place after trees were built that have not read that block
            // again yet: read again for a proof, it no longer hashes to the subtree the trees kept.
            JournalTrees built = new JournalTrees();
            long builtSize = built.read(journal, current -> current.get(HashAlgorithm.SHA_256).size());
            assertThat(builtSize).isEqualTo(900);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ledger_journal SET leaf_sha256 = ? WHERE position = 10")) {
                update.setBytes(1, leaf(HashAlgorithm.SHA_256, 10_000));
                update.executeUpdate();
            }
            assertThatThrownBy(() -> built.read(journal, current ->
                    current.get(HashAlgorithm.SHA_256).inclusionProof(10, 900)))
                    .isInstanceOf(HistoryChangedException.class).hasMessageContaining("positions 0 to 255");
        }
    }

    private static void assertAnswersAsWholeTrees(JournalTrees trees, LedgerJournal journal,
                                                  Map<HashAlgorithm, List<byte[]>> leaves, int size)
            throws SQLException {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            MerkleTree whole = new MerkleTree(algorithm);
            leaves.get(algorithm).forEach(whole::append);
            trees.read(journal, current -> {
                MerkleTree tree = current.get(algorithm);
                assertThat(tree.size()).isEqualTo(size);
                for (long at : List.of(1L, 255L, 256L, 300L, 512L, (long) size)) {
                    assertThat(tree.root(at)).as("%s root at %d", algorithm, at).isEqualTo(whole.root(at));
                }
                for (long index : List.of(0L, 10L, 255L, 256L, 511L, 600L, (long) size - 1)) {
                    assertThat(tree.leaf(index)).isEqualTo(leaves.get(algorithm).get((int) index));
                    List<byte[]> path = tree.inclusionProof(index, size);
                    assertThat(path).usingElementComparator(Arrays::compare)
                            .containsExactlyElementsOf(whole.inclusionProof(index, size));
                    assertThat(Merkle.verifyInclusion(algorithm, index, size, tree.leaf(index), path,
                            whole.root(size))).isTrue();
                }
                assertThat(Merkle.verifyConsistency(algorithm, 300, size, whole.root(300), whole.root(size),
                        tree.consistencyProof(300, size))).isTrue();
                return null;
            });
        }
    }

    private static void seal(Connection connection, Map<HashAlgorithm, List<byte[]>> leaves, int from, int to)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_journal (position, leaf_sha256, leaf_sm3) VALUES (?, ?, ?)")) {
            for (int position = from; position < to; position++) {
                insert.setLong(1, position);
                insert.setBytes(2, add(leaves, HashAlgorithm.SHA_256, position));
                insert.setBytes(3, add(leaves, HashAlgorithm.SM3, position));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static byte[] add(Map<HashAlgorithm, List<byte[]>> leaves, HashAlgorithm algorithm, int position) {
        byte[] leaf = leaf(algorithm, position);
        leaves.computeIfAbsent(algorithm, key -> new ArrayList<>()).add(leaf);
        return leaf;
    }

    private static byte[] leaf(HashAlgorithm algorithm, int position) {
        return new LedgerHasher(algorithm).fieldDigest(("entry " + position).getBytes());
    }
}
