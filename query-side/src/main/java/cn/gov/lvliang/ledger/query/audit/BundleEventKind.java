package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.bundle.AssistanceRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintFollowedUpEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDispatchedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.ResultDeliveredEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementRequestedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import java.util.Map;

/**
 * One constant per permitted type of the sealed {@link BundleCaseEvent}, so that a fold can {@code switch} over
 * every kind of event and the compiler insists on a branch for each: Java 17 has no {@code switch} over sealed types
 * (that is Java 21), but it does check a {@code switch} expression over an enum for exhaustiveness. Loading the enum
 * fails if a permitted type has no constant, so a new event type cannot be folded silently as nothing.
 */
enum BundleEventKind {
    SUBMITTED(BundleCaseSubmittedEvent.class),
    MATERIALS_RECORDED(MaterialsRecordedEvent.class),
    ACCEPTED(BundleCaseAcceptedEvent.class),
    ACCEPTANCE_REFUSED(BundleCaseAcceptanceRefusedEvent.class),
    SUPPLEMENT_REQUESTED(SupplementRequestedEvent.class),
    SUPPLEMENT_SUPPLIED(SupplementSuppliedEvent.class),
    ITEM_DISPATCHED(ItemDispatchedEvent.class),
    ITEM_APPROVED(ItemApprovedEvent.class),
    ITEM_REJECTED(ItemRejectedEvent.class),
    ASSISTANCE_RECORDED(AssistanceRecordedEvent.class),
    VISIT_RECORDED(VisitRecordedEvent.class),
    CONCLUDED(BundleCaseConcludedEvent.class),
    RESULT_DELIVERED(ResultDeliveredEvent.class),
    WITHDRAWN(BundleCaseWithdrawnEvent.class),
    TRANSFERRED(BundleCaseTransferredEvent.class),
    COMPLAINT_LODGED(ComplaintLodgedEvent.class),
    COMPLAINT_FOLLOWED_UP(ComplaintFollowedUpEvent.class),
    COMPLAINT_RESOLVED(ComplaintResolvedEvent.class),
    SERVICE_RATED(ServiceRatedEvent.class),
    BECAME_OVERDUE(BundleCaseBecameOverdueEvent.class),
    ITEM_BECAME_OVERDUE(ItemBecameOverdueEvent.class);

    private static final Map<Class<?>, BundleEventKind> BY_TYPE =
            EventKinds.byType(BundleCaseEvent.class, values(), BundleEventKind::type);

    private final Class<? extends BundleCaseEvent> type;

    BundleEventKind(Class<? extends BundleCaseEvent> type) {
        this.type = type;
    }

    static BundleEventKind of(BundleCaseEvent event) {
        return BY_TYPE.get(event.getClass());
    }

    Class<? extends BundleCaseEvent> type() {
        return type;
    }
}
