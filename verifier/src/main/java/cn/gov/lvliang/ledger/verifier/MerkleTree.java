package cn.gov.lvliang.ledger.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree held in memory, with the hash of every complete (power-of-two, aligned)
 * subtree kept, so that the root at any earlier size, inclusion paths and consistency proofs cost O(log² n) hashes.
 * Memory is about 64 bytes per leaf. Not thread-safe.
 */
public final class MerkleTree {

    private final LedgerHasher hasher;
    /** levels.get(k) holds the complete subtrees of 2^k leaves, in order. */
    private final List<HashList> levels = new ArrayList<>();

    public MerkleTree(HashAlgorithm algorithm) {
        this.hasher = new LedgerHasher(algorithm);
        levels.add(new HashList());
    }

    public HashAlgorithm algorithm() {
        return hasher.algorithm();
    }

    public long size() {
        return levels.get(0).size();
    }

    /** Appends a leaf hash and completes the subtrees it closes. */
    public void append(byte[] leaf) {
        if (leaf.length != HashAlgorithm.LENGTH) {
            throw new IllegalArgumentException("a leaf hash has " + HashAlgorithm.LENGTH + " bytes");
        }
        levels.get(0).add(leaf);
        long index = size() - 1;
        int level = 0;
        while ((index & 1) == 1) {
            HashList below = levels.get(level);
            byte[] node = hasher.node(below.get(index - 1), below.get(index));
            level++;
            if (levels.size() == level) {
                levels.add(new HashList());
            }
            levels.get(level).add(node);
            index >>= 1;
        }
    }

    public byte[] leaf(long index) {
        return levels.get(0).get(index);
    }

    /** The root of the tree of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? hasher.empty() : hash(0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves, deepest sibling first. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    private void path(long index, long from, long to, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        long split = from + Merkle.largestPowerOfTwoBelow(to - from);
        if (index < split) {
            path(index, from, split, path);
            path.add(hash(split, to));
        } else {
            path(index, split, to, path);
            path.add(hash(from, split));
        }
    }

    /** The RFC 9162 consistency proof from the tree of {@code size1} leaves to that of {@code size2}. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkSize(size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private void subproof(long m, long from, long to, boolean complete, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(hash(from, to));
            }
            return;
        }
        long k = Merkle.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, proof);
            proof.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(hash(from, from + k));
        }
    }

    /** MTH of leaves [from, to); every range the RFC's recursion asks for splits on aligned powers of two. */
    private byte[] hash(long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return levels.get(Long.numberOfTrailingZeros(n)).get(from / n);
        }
        long split = from + Merkle.largestPowerOfTwoBelow(n);
        return hasher.node(hash(from, split), hash(split, to));
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
        }
    }

    /** A growable array of 32-byte hashes in one byte array. */
    private static final class HashList {
        private byte[] bytes = new byte[HashAlgorithm.LENGTH * 1024];
        private long size;

        void add(byte[] hash) {
            long offset = size * HashAlgorithm.LENGTH;
            if (offset + HashAlgorithm.LENGTH > bytes.length) {
                long grown = Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 64);
                if (grown < offset + HashAlgorithm.LENGTH) {
                    throw new IllegalStateException("tree level full");
                }
                bytes = Arrays.copyOf(bytes, (int) grown);
            }
            System.arraycopy(hash, 0, bytes, (int) offset, HashAlgorithm.LENGTH);
            size++;
        }

        byte[] get(long index) {
            int offset = (int) (index * HashAlgorithm.LENGTH);
            return Arrays.copyOfRange(bytes, offset, offset + HashAlgorithm.LENGTH);
        }

        long size() {
            return size;
        }
    }
}
