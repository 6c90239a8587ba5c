package cn.gov.lvliang.ledger.query.rebuild;

/**
 * An instance of a projection made for a rebuild ({@link RebuildableProjection#writingTo}) that holds some of its
 * writes back across the rebuild's transactions, to write them at once: counts that every batch moves, say, which
 * would otherwise be written again by every batch. Nobody reads a rebuild's tables before it compares them, so what
 * they hold only has to be complete by then.
 *
 * <p>The rebuild calls {@link #writeHeldBack} in a transaction of its own once the replay has reached the live
 * processor, before it compacts the tables, and again after it has caught up, before it compares them. Should a
 * rebuild fail, its tables are dropped with whatever was held back.
 */
public interface HeldBackWrites {

    /** Writes, in the current transaction, what was held back so far, and holds nothing back any more. */
    void writeHeldBack();
}
