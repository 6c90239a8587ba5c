package cn.gov.lvliang.ledger.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only RFC 9162 Merkle tree held in memory, with the hash of every complete (power-of-two, aligned)
 * subtree kept, so that the root at any earlier size, inclusion paths and consistency proofs cost O(log² n) hashes.
 * Not thread-safe.
 *
 * <p>A tree made with {@link #MerkleTree(HashAlgorithm)} keeps every level: about 64 bytes per leaf. A tree made
 * with {@link #keepingLevelsFrom} keeps the subtrees of {@code 2^lowest} leaves and up, and the leaves after the last
 * complete block of that size: about {@code 64 / 2^lowest} bytes per leaf (a quarter of a byte at 8). Whatever it
 * needs below those levels (a leaf, a proof's path inside a block, a root at a size inside an old block) it
 * recomputes from the block's leaves, which it reads again from its {@link LeafSource}. So a journal of 10^7 events
 * costs megabytes, not the 1.3 GB that every level of both algorithms' trees would.
 */
public final class MerkleTree {

    /** Blocks whose leaves a tree keeps after reading them again, for the proofs of one case's events. */
    private static final int CACHED_BLOCKS = 64;

    private final LedgerHasher hasher;
    /** The lowest level kept: 0 keeps every leaf. */
    private final int lowest;
    /** Leaves per block of the lowest level kept: {@code 2^lowest}. */
    private final long block;
    /** levels.get(k) holds the complete subtrees of 2^(lowest + k) leaves, in order. */
    private final List<HashList> levels = new ArrayList<>();
    /** With {@code lowest > 0}: the leaves after the last complete block. */
    private final List<byte[]> tail = new ArrayList<>();
    private final Map<Long, List<byte[]>> reread = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<byte[]>> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };
    private long size;
    private LeafSource source;

    /** Reads the leaf hashes of this tree's algorithm at positions {@code [from, to)} again, in order. */
    @FunctionalInterface
    public interface LeafSource {
        List<byte[]> leaves(long from, long to);
    }

    /** A tree that keeps every level, for trees small enough to hold whole (a bundle's, a test's). */
    public MerkleTree(HashAlgorithm algorithm) {
        this(algorithm, 0);
    }

    private MerkleTree(HashAlgorithm algorithm, int lowest) {
        if (lowest < 0 || lowest > 20) {
            throw new IllegalArgumentException("the lowest level kept is between 0 and 20, not " + lowest);
        }
        this.hasher = new LedgerHasher(algorithm);
        this.lowest = lowest;
        this.block = 1L << lowest;
        levels.add(new HashList());
    }

    /**
     * A tree that keeps the levels from {@code lowest} up, and reads leaves below them again through the source set
     * with {@link #readLeavesFrom} before each use.
     */
    public static MerkleTree keepingLevelsFrom(HashAlgorithm algorithm, int lowest) {
        return new MerkleTree(algorithm, lowest);
    }

    /**
     * Where to read the leaves of complete blocks again, for the uses that follow; null when there is no source
     * (between uses, so that the tree does not keep a closed connection).
     */
    public void readLeavesFrom(LeafSource source) {
        this.source = source;
    }

    public HashAlgorithm algorithm() {
        return hasher.algorithm();
    }

    public long size() {
        return size;
    }

    /** Appends a leaf hash and completes the subtrees it closes. */
    public void append(byte[] leaf) {
        if (leaf.length != HashAlgorithm.LENGTH) {
            throw new IllegalArgumentException("a leaf hash has " + HashAlgorithm.LENGTH + " bytes");
        }
        size++;
        if (lowest == 0) {
            keep(0, leaf);
            return;
        }
        tail.add(leaf.clone());
        if (tail.size() == block) {
            byte[] blockRoot = hashOf(tail, 0, (int) block);
            tail.clear();
            keep(0, blockRoot);
        }
    }

    /** Adds a complete subtree at kept level {@code k} and completes the subtrees above that it closes. */
    private void keep(int k, byte[] node) {
        levels.get(k).add(node);
        long index = levels.get(k).size() - 1;
        while ((index & 1) == 1) {
            HashList below = levels.get(k);
            node = hasher.node(below.get(index - 1), below.get(index));
            k++;
            if (levels.size() == k) {
                levels.add(new HashList());
            }
            levels.get(k).add(node);
            index >>= 1;
        }
    }

    public byte[] leaf(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("the tree has no leaf " + index + " among " + size);
        }
        if (lowest == 0) {
            return levels.get(0).get(index);
        }
        return blockLeaves(index / block).get((int) (index % block)).clone();
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

    /**
     * MTH of leaves [from, to); every range the RFC's recursion asks for splits on aligned powers of two. A range
     * inside one block below the levels kept is hashed from the block's leaves.
     */
    private byte[] hash(long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0 && n >= block) {
            return levels.get(Long.numberOfTrailingZeros(n) - lowest).get(from / n);
        }
        if (n < block && from / block == (to - 1) / block) {
            long start = from / block * block;
            return hashOf(blockLeaves(from / block), (int) (from - start), (int) (to - start));
        }
        long split = from + Merkle.largestPowerOfTwoBelow(n);
        return hasher.node(hash(from, split), hash(split, to));
    }

    /** MTH of {@code leaves[from, to)}. */
    private byte[] hashOf(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from).clone();
        }
        int split = from + Merkle.largestPowerOfTwoBelow(to - from);
        return hasher.node(hashOf(leaves, from, split), hashOf(leaves, split, to));
    }

    /** The leaves of block {@code b}: the tail, or a complete block read again from the source. */
    private List<byte[]> blockLeaves(long b) {
        if (b == size / block) {
            return tail;
        }
        List<byte[]> leaves = reread.get(b);
        if (leaves == null) {
            if (source == null) {
                throw new IllegalStateException("the leaves of block " + b + " are not kept, and no source to read "
                        + "them from was given");
            }
            leaves = List.copyOf(source.leaves(b * block, (b + 1) * block));
            if (leaves.size() != block || leaves.stream().anyMatch(leaf -> leaf.length != HashAlgorithm.LENGTH)) {
                throw new HistoryChangedException("the source gave " + leaves.size() + " leaves for block " + b
                        + ", not the " + block + " it held when read before");
            }
            if (!Arrays.equals(hashOf(leaves, 0, (int) block), levels.get(0).get(b))) {
                throw new HistoryChangedException("the leaves of positions " + b * block + " to " + ((b + 1) * block
                        - 1) + " read again do not hash to the subtree read before");
            }
            reread.put(b, leaves);
        }
        return leaves;
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
        }
    }

    /** A growable array of 32-byte hashes in one byte array. */
    private static final class HashList {
        private byte[] bytes = new byte[HashAlgorithm.LENGTH * 64];
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
