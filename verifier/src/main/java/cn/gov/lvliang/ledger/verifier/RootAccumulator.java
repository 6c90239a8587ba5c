package cn.gov.lvliang.ledger.verifier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Streams leaves and gives the RFC 9162 root at the current size, keeping only one hash per set bit of the size
 * (a "compact range"). This is how a verifier recomputes a checkpoint's root over millions of leaves.
 */
public final class RootAccumulator {

    private final LedgerHasher hasher;
    /** Roots of complete subtrees, largest first, with their heights. */
    private final Deque<Entry> stack = new ArrayDeque<>();
    private long size;

    public RootAccumulator(HashAlgorithm algorithm) {
        this.hasher = new LedgerHasher(algorithm);
    }

    public long size() {
        return size;
    }

    public void append(byte[] leaf) {
        Entry entry = new Entry(0, leaf);
        while (!stack.isEmpty() && stack.peekLast().height == entry.height) {
            Entry left = stack.removeLast();
            entry = new Entry(entry.height + 1, hasher.node(left.hash, entry.hash));
        }
        stack.addLast(entry);
        size++;
    }

    /** The root of the tree of all leaves appended so far. */
    public byte[] root() {
        if (stack.isEmpty()) {
            return hasher.empty();
        }
        Iterator<Entry> fromRight = stack.descendingIterator();
        byte[] root = fromRight.next().hash;
        while (fromRight.hasNext()) {
            root = hasher.node(fromRight.next().hash, root);
        }
        return root;
    }

    private record Entry(int height, byte[] hash) {
    }
}
