package cn.gov.lvliang.ledger.events.fundraising;

/**
 * What the verification (核查) of a risk clue found.
 */
public enum VerificationOutcome {
    /** No illegal-fundraising risk; ends the clue. */
    NO_RISK,
    /** A fundraising risk is confirmed; the clue may be taken into a disposal case. */
    RISK_CONFIRMED,
    /** A risk that needs a formal determination (研判定性) in a disposal case. */
    NEEDS_DETERMINATION
}
