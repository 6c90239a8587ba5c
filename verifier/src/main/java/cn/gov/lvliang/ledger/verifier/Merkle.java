package cn.gov.lvliang.ledger.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verification of RFC 9162 (Certificate Transparency 2.0) Merkle proofs over the ledger's leaf hashes, with the
 * ledger's hashes: the tree's leaves are already leaf hashes, inner nodes are H(0x01 || left || right), and the
 * root of the empty tree is H() of nothing. The algorithms are those of RFC 9162 sections 2.1.3.2 and 2.1.4.2.
 */
public final class Merkle {

    private Merkle() {
    }

    /** Root of the tree over {@code leaves}, computed directly; for tests and small trees. */
    public static byte[] root(HashAlgorithm algorithm, List<byte[]> leaves) {
        LedgerHasher hasher = new LedgerHasher(algorithm);
        return leaves.isEmpty() ? hasher.empty() : subtree(hasher, leaves, 0, leaves.size());
    }

    private static byte[] subtree(LedgerHasher hasher, List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        return hasher.node(subtree(hasher, leaves, from, split), subtree(hasher, leaves, split, to));
    }

    /** The largest power of two smaller than {@code n}, for n of at least 2. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** Whether {@code path} proves that {@code leaf} is the leaf at {@code index} of the tree of {@code size}. */
    public static boolean verifyInclusion(HashAlgorithm algorithm, long index, long size, byte[] leaf,
                                          List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leaf == null || root == null) {
            return false;
        }
        LedgerHasher hasher = new LedgerHasher(algorithm);
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0 || p == null || p.length != HashAlgorithm.LENGTH) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = hasher.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Whether {@code proof} proves that the tree of {@code size2} with {@code root2} extends that of size1/root1. */
    public static boolean verifyConsistency(HashAlgorithm algorithm, long size1, long size2, byte[] root1,
                                            byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1 || root1 == null || root2 == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            // Every tree extends the empty one; RFC 9162 gives no proof for it.
            return proof.isEmpty() && Arrays.equals(root1, new LedgerHasher(algorithm).empty());
        }
        if (proof.isEmpty()) {
            return false;
        }
        for (byte[] c : proof) {
            if (c == null || c.length != HashAlgorithm.LENGTH) {
                return false;
            }
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        LedgerHasher hasher = new LedgerHasher(algorithm);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.node(c, fr);
                sr = hasher.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = hasher.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }
}
