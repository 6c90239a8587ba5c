package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;

/**
 * A fact in the life of one illegal-fundraising disposal case (案件处置). Sealed, so that state folds and projections can
 * switch over every kind.
 */
public sealed interface DisposalCaseEvent permits
        DisposalCaseOpenedEvent,
        LegacyCaseImportedEvent,
        DisposalCaseScaleRevisedEvent,
        DisposalCaseEscalatedEvent,
        DisposalCaseDeterminedEvent,
        DisposalCaseMarkedCrossProvinceEvent,
        MeasureOrderedEvent,
        MeasureFollowedUpEvent,
        MeasureCompletedEvent,
        DisposalCaseTransferredToPoliceEvent,
        CriminalMilestoneRecordedEvent,
        DisposalPlanAdoptedEvent,
        PlanMilestoneCompletedEvent,
        AssetRecoveredEvent,
        ParticipantsRegisteredEvent,
        RefundRoundPaidEvent,
        PetitionReceivedEvent,
        PetitionHandledEvent,
        DisposalCaseClosedEvent {

    /** The case the fact belongs to. */
    String caseId();

    /** When the fact happened in business terms; Axon's message timestamp records when it was stored. */
    Instant businessTime();
}
