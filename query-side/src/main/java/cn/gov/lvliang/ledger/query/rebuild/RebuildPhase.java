package cn.gov.lvliang.ledger.query.rebuild;

/** The steps of a rebuild, in order. */
public enum RebuildPhase {
    /** Creating the shadow tables. */
    PREPARING,
    /** Replaying the event store into the shadow tables while the live processor runs. */
    REPLAYING,
    /**
     * Writing what the replay held back and compacting the shadow tables: rewriting them without the row versions the
     * replay left behind and gathering their statistics, before the live processor pauses.
     */
    COMPACTING,
    /** Pausing the live processor. */
    PAUSING,
    /** Bringing the shadow model to exactly the live processor's position; the live processor is paused. */
    CATCHING_UP,
    /** Comparing the shadow model with the live one, table by table. */
    COMPARING,
    /** Putting the shadow tables in the live tables' place. */
    SWITCHING,
    DONE
}
