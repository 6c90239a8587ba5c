package cn.gov.lvliang.ledger.verifier;

/** The kinds of broken link a verification of the database reports. */
public enum Tampering {
    /** The payload of a sealed event differs from what was sealed. */
    PAYLOAD_CHANGED,
    /** Its metadata differs. */
    METADATA_CHANGED,
    /** Its recorded timestamp differs. */
    TIMESTAMP_CHANGED,
    /** Its event identifier, type, payload type or revision differ (the row holds another event). */
    HEADER_CHANGED,
    /** The row a journal entry sealed is gone. */
    ROW_DELETED,
    /** A row that was never sealed sits among sealed history. */
    ROW_INSERTED,
    /** Sealed rows now sit at each other's global index. */
    ROWS_REORDERED,
    /** The journal itself was edited: a chain link does not follow from the one before. */
    JOURNAL_ALTERED,
    /** Journal positions are missing. */
    JOURNAL_ENTRY_MISSING,
    /** The journal no longer reproduces a signed checkpoint (rewritten, truncated or restored from a backup). */
    CHECKPOINT_MISMATCH,
    /** A checkpoint's signature does not verify with the trusted keys. */
    CHECKPOINT_SIGNATURE_INVALID
}
