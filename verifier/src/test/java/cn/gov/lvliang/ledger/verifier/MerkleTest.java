package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of Certificate Transparency's reference tests (merkle_tree_test), hashed as RFC 6962 leaves. */
    private static List<byte[]> ctLeaves() throws Exception {
        String[] inputs = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                "606162636465666768696a6b6c6d6e6f"};
        List<byte[]> leaves = new ArrayList<>();
        for (String input : inputs) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 0);
            sha.update(HEX.parseHex(input));
            leaves.add(sha.digest());
        }
        return leaves;
    }

    @Test
    void roots_matchCertificateTransparencysReferenceVectors() throws Exception {
        String[] expected = {
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
        List<byte[]> leaves = ctLeaves();
        MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
        RootAccumulator accumulator = new RootAccumulator(HashAlgorithm.SHA_256);
        assertThat(HEX.formatHex(tree.root(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 1; n <= 8; n++) {
            tree.append(leaves.get(n - 1));
            accumulator.append(leaves.get(n - 1));
            assertThat(HEX.formatHex(tree.root(n))).as("size %d", n).isEqualTo(expected[n - 1]);
            assertThat(HEX.formatHex(accumulator.root())).isEqualTo(expected[n - 1]);
            assertThat(HEX.formatHex(Merkle.root(HashAlgorithm.SHA_256, leaves.subList(0, n))))
                    .isEqualTo(expected[n - 1]);
        }
    }

    @Test
    void everyInclusionProof_verifies_andFailsAfterAnySingleBitFlip() {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            MerkleTree tree = treeOf(algorithm, 37);
            for (long size = 1; size <= 37; size++) {
                byte[] root = tree.root(size);
                for (long index = 0; index < size; index++) {
                    List<byte[]> path = tree.inclusionProof(index, size);
                    assertThat(Merkle.verifyInclusion(algorithm, index, size, tree.leaf(index), path, root))
                            .as("%s leaf %d of %d", algorithm, index, size).isTrue();
                    if (size == 37 || size == 16) {
                        long n = size;
                        long i = index;
                        assertBitFlipsFail(path,
                                flipped -> Merkle.verifyInclusion(algorithm, i, n, tree.leaf(i), flipped, root));
                        assertBitFlipsFail(List.of(tree.leaf(index)),
                                leaf -> Merkle.verifyInclusion(algorithm, i, n, leaf.get(0), path, root));
                        assertBitFlipsFail(List.of(root),
                                r -> Merkle.verifyInclusion(algorithm, i, n, tree.leaf(i), path, r.get(0)));
                    }
                }
                // A proof for one leaf does not prove another position.
                if (size > 2) {
                    List<byte[]> path = tree.inclusionProof(1, size);
                    assertThat(Merkle.verifyInclusion(algorithm, 2, size, tree.leaf(1), path, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(algorithm, 0, size, tree.leaf(1), path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProof_verifies_andFailsAfterAnySingleBitFlip() {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            MerkleTree tree = treeOf(algorithm, 33);
            for (long size2 = 0; size2 <= 33; size2++) {
                for (long size1 = 0; size1 <= size2; size1++) {
                    List<byte[]> proof = tree.consistencyProof(size1, size2);
                    byte[] root1 = tree.root(size1);
                    byte[] root2 = tree.root(size2);
                    assertThat(Merkle.verifyConsistency(algorithm, size1, size2, root1, root2, proof))
                            .as("%s %d -> %d", algorithm, size1, size2).isTrue();
                    if (size1 > 0 && size1 < size2) {
                        long s1 = size1;
                        long s2 = size2;
                        assertBitFlipsFail(proof, p -> Merkle.verifyConsistency(algorithm, s1, s2, root1, root2, p));
                        assertBitFlipsFail(List.of(root1),
                                r -> Merkle.verifyConsistency(algorithm, s1, s2, r.get(0), root2, proof));
                        assertBitFlipsFail(List.of(root2),
                                r -> Merkle.verifyConsistency(algorithm, s1, s2, root1, r.get(0), proof));
                        // The proof is for these sizes only.
                        assertThat(Merkle.verifyConsistency(algorithm, s1, s2 - 1, root1, tree.root(s2 - 1), proof)
                                && s2 - 1 > s1).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aRewrittenLeaf_breaksConsistencyWithTheOlderRoot() {
        MerkleTree honest = treeOf(HashAlgorithm.SHA_256, 10);
        MerkleTree rewritten = new MerkleTree(HashAlgorithm.SHA_256);
        for (long i = 0; i < 20; i++) {
            byte[] leaf = i < 10 ? honest.leaf(i) : leafOf(HashAlgorithm.SHA_256, (int) i);
            if (i == 4) {
                leaf = leafOf(HashAlgorithm.SHA_256, 1000);
            }
            rewritten.append(leaf);
        }
        assertThat(Merkle.verifyConsistency(HashAlgorithm.SHA_256, 10, 20, honest.root(10), rewritten.root(20),
                rewritten.consistencyProof(10, 20))).isFalse();
    }

    @Test
    void aTreeKeepingOnlyItsUpperLevels_answersEverythingAsTheWholeTreeDoes() {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            for (int lowest = 1; lowest <= 3; lowest++) {
                int n = 45;
                List<byte[]> leaves = new ArrayList<>();
                MerkleTree whole = new MerkleTree(algorithm);
                MerkleTree upper = MerkleTree.keepingLevelsFrom(algorithm, lowest);
                List<String> reads = new ArrayList<>();
                upper.readLeavesFrom((from, to) -> {
                    reads.add(from + "-" + to);
                    return leaves.subList((int) from, (int) to);
                });
                for (int i = 0; i < n; i++) {
                    byte[] leaf = leafOf(algorithm, i);
                    leaves.add(leaf);
                    whole.append(leaf);
                    upper.append(leaf);
                    assertThat(upper.size()).isEqualTo(whole.size());
                    assertThat(HEX.formatHex(upper.root(i + 1))).isEqualTo(HEX.formatHex(whole.root(i + 1)));
                }
                String what = algorithm + " keeping levels from " + lowest;
                for (long size = 0; size <= n; size++) {
                    assertThat(HEX.formatHex(upper.root(size))).as("%s, root at %d", what, size)
                            .isEqualTo(HEX.formatHex(whole.root(size)));
                    for (long index = 0; index < size; index++) {
                        assertThat(upper.leaf(index)).isEqualTo(whole.leaf(index));
                        assertThat(hex(upper.inclusionProof(index, size))).as("%s, leaf %d of %d", what, index, size)
                                .isEqualTo(hex(whole.inclusionProof(index, size)));
                    }
                    for (long later = size; later <= n; later++) {
                        assertThat(hex(upper.consistencyProof(size, later))).as("%s, %d to %d", what, size, later)
                                .isEqualTo(hex(whole.consistencyProof(size, later)));
                    }
                }
                // Complete blocks are read again when asked for, and kept for the next questions.
                assertThat(reads).isNotEmpty().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aTreeKeepingOnlyItsUpperLevels_refusesLeavesThatChangedSinceItReadThem() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = MerkleTree.keepingLevelsFrom(HashAlgorithm.SHA_256, 2);
        for (int i = 0; i < 10; i++) {
            leaves.add(leafOf(HashAlgorithm.SHA_256, i));
            tree.append(leaves.get(i));
        }
        // Positions 8 and 9 are the tail, kept in memory; 0 to 7 are two blocks whose leaves are not kept.
        assertThat(tree.leaf(9)).isEqualTo(leaves.get(9));
        assertThatThrownBy(() -> tree.leaf(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no source");
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(5, leafOf(HashAlgorithm.SHA_256, 1000));
        tree.readLeavesFrom((from, to) -> rewritten.subList((int) from, (int) to));
        assertThat(tree.leaf(1)).isEqualTo(leaves.get(1));
        assertThatThrownBy(() -> tree.inclusionProof(6, 10)).isInstanceOf(HistoryChangedException.class)
                .hasMessageContaining("positions 4 to 7");
        assertThatThrownBy(() -> tree.root(6)).isInstanceOf(HistoryChangedException.class);
        tree.readLeavesFrom((from, to) -> leaves.subList((int) from, (int) to - 1));
        assertThatThrownBy(() -> tree.root(6)).isInstanceOf(HistoryChangedException.class)
                .hasMessageContaining("gave 3 leaves");
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    static MerkleTree treeOf(HashAlgorithm algorithm, int size) {
        MerkleTree tree = new MerkleTree(algorithm);
        for (int i = 0; i < size; i++) {
            tree.append(leafOf(algorithm, i));
        }
        return tree;
    }

    static byte[] leafOf(HashAlgorithm algorithm, int i) {
        return new LedgerHasher(algorithm).fieldDigest(("leaf " + i).getBytes());
    }

    /** Flips every bit of every hash in turn; each flipped variant must fail. */
    static void assertBitFlipsFail(List<byte[]> hashes, java.util.function.Predicate<List<byte[]>> verifies) {
        for (int h = 0; h < hashes.size(); h++) {
            for (int bit = 0; bit < hashes.get(h).length * 8; bit++) {
                List<byte[]> copy = new ArrayList<>(hashes);
                byte[] flipped = hashes.get(h).clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                copy.set(h, flipped);
                assertThat(verifies.test(copy)).as("hash %d bit %d", h, bit).isFalse();
            }
        }
    }
}
