package cn.gov.lvliang.ledger.query.rebuild;

/** Where a rebuild stands. */
public enum RebuildState {
    RUNNING,
    /** Readers now read the rebuilt model. */
    SWITCHED,
    /** A verification found the rebuilt model equal to the live one. */
    EQUAL,
    /** The rebuilt model differs from the live one; nothing was switched. */
    DIFFERENT,
    /** Something went wrong; the live model is unchanged and its processor runs again. */
    FAILED,
    /** Its node stopped while it ran; a later rebuild took its lock over. */
    ABANDONED;

    boolean finished() {
        return this != RUNNING;
    }
}
