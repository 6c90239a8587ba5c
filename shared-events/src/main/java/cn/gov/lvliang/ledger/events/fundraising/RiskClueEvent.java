package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;

/**
 * A fact in the life of one risk clue of the risk-clue ledger (风险线索台账). Sealed, so that state folds and projections
 * can switch over every kind.
 */
public sealed interface RiskClueEvent permits
        RiskClueRecordedEvent,
        RiskClueVerificationAssignedEvent,
        RiskClueVerificationBecameOverdueEvent,
        RiskClueVerifiedEvent,
        RiskClueMarkedDuplicateEvent,
        RiskClueReporterRewardedEvent,
        RiskClueTakenIntoCaseEvent {

    /** The clue the fact belongs to. */
    String clueId();

    /** When the fact happened in business terms; Axon's message timestamp records when it was stored. */
    Instant businessTime();
}
