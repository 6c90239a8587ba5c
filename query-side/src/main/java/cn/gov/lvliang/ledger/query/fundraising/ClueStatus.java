package cn.gov.lvliang.ledger.query.fundraising;

/** Where a risk clue stands in the ledger, in the order of its life. The last three end the clue. */
public enum ClueStatus {
    /** Recorded; no unit has been assigned to verify it yet. */
    RECORDED,
    /** A unit is verifying it (核查). */
    VERIFYING,
    /** Verified with a risk ({@code RISK_CONFIRMED} or {@code NEEDS_DETERMINATION}), waiting for a case. */
    AWAITING_CASE,
    /** Verified {@code NO_RISK}: ended. */
    NO_RISK,
    /** Marked a duplicate of another clue: ended. */
    DUPLICATE,
    /** Taken into a disposal case, where its disposal continues: ended. */
    IN_CASE
}
