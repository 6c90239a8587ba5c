package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.fundraising.AssetRecoveredEvent;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestoneRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseClosedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseDeterminedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEscalatedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseMarkedCrossProvinceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseScaleRevisedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseTransferredToPoliceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalPlanAdoptedEvent;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureFollowedUpEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureOrderedEvent;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantsRegisteredEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionHandledEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionReceivedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestoneCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundRoundPaidEvent;
import java.util.Map;

/**
 * One constant per permitted type of the sealed {@link DisposalCaseEvent}, for the exhaustive {@code switch} of
 * {@link DisposalCaseState}'s fold, as {@link BundleEventKind} is for bundle cases. Loading the enum fails if a
 * permitted type has no constant.
 */
enum DisposalEventKind {
    OPENED(DisposalCaseOpenedEvent.class),
    LEGACY_IMPORTED(LegacyCaseImportedEvent.class),
    SCALE_REVISED(DisposalCaseScaleRevisedEvent.class),
    ESCALATED(DisposalCaseEscalatedEvent.class),
    DETERMINED(DisposalCaseDeterminedEvent.class),
    MARKED_CROSS_PROVINCE(DisposalCaseMarkedCrossProvinceEvent.class),
    MEASURE_ORDERED(MeasureOrderedEvent.class),
    MEASURE_FOLLOWED_UP(MeasureFollowedUpEvent.class),
    MEASURE_COMPLETED(MeasureCompletedEvent.class),
    TRANSFERRED_TO_POLICE(DisposalCaseTransferredToPoliceEvent.class),
    CRIMINAL_MILESTONE_RECORDED(CriminalMilestoneRecordedEvent.class),
    PLAN_ADOPTED(DisposalPlanAdoptedEvent.class),
    PLAN_MILESTONE_COMPLETED(PlanMilestoneCompletedEvent.class),
    ASSET_RECOVERED(AssetRecoveredEvent.class),
    PARTICIPANTS_REGISTERED(ParticipantsRegisteredEvent.class),
    REFUND_ROUND_PAID(RefundRoundPaidEvent.class),
    PETITION_RECEIVED(PetitionReceivedEvent.class),
    PETITION_HANDLED(PetitionHandledEvent.class),
    CLOSED(DisposalCaseClosedEvent.class);

    private static final Map<Class<?>, DisposalEventKind> BY_TYPE =
            EventKinds.byType(DisposalCaseEvent.class, values(), DisposalEventKind::type);

    private final Class<? extends DisposalCaseEvent> type;

    DisposalEventKind(Class<? extends DisposalCaseEvent> type) {
        this.type = type;
    }

    static DisposalEventKind of(DisposalCaseEvent event) {
        return BY_TYPE.get(event.getClass());
    }

    Class<? extends DisposalCaseEvent> type() {
        return type;
    }
}
