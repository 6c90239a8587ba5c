package cn.gov.lvliang.ledger.events.fundraising;

/**
 * How a petition (信访事项) about a case was handled.
 */
public enum PetitionOutcome {
    /** Answered with an explanation (解释和教育). */
    ANSWERED,
    /** The matter was resolved (化解). */
    RESOLVED,
    /** Referred to the legal procedure under the separation of litigation and petition (诉访分离). */
    REFERRED_TO_LEGAL_PROCEDURE,
    /** The petitioners withdrew it. */
    WITHDRAWN
}
