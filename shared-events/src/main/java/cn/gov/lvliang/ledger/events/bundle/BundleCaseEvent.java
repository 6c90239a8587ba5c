package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;

/**
 * A fact in the life of one bundle case. Sealed, so that state folds and projections can switch over every kind.
 */
public sealed interface BundleCaseEvent permits
        BundleCaseSubmittedEvent,
        MaterialsRecordedEvent,
        BundleCaseAcceptedEvent,
        BundleCaseAcceptanceRefusedEvent,
        SupplementRequestedEvent,
        SupplementSuppliedEvent,
        ItemDispatchedEvent,
        ItemApprovedEvent,
        ItemRejectedEvent,
        AssistanceRecordedEvent,
        VisitRecordedEvent,
        BundleCaseConcludedEvent,
        ResultDeliveredEvent,
        BundleCaseWithdrawnEvent,
        BundleCaseTransferredEvent,
        ComplaintLodgedEvent,
        ComplaintFollowedUpEvent,
        ComplaintResolvedEvent,
        ServiceRatedEvent,
        BundleCaseBecameOverdueEvent,
        ItemBecameOverdueEvent {

    /** The case the fact belongs to. */
    String caseId();

    /** When the fact happened in business terms; Axon's message timestamp records when it was stored. */
    Instant businessTime();
}
