package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueMarkedDuplicateEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueReporterRewardedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueTakenIntoCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationAssignedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerifiedEvent;
import java.util.Map;

/**
 * One constant per permitted type of the sealed {@link RiskClueEvent}, for the exhaustive {@code switch} of
 * {@link RiskClueState}'s fold, as {@link BundleEventKind} is for bundle cases. Loading the enum fails if a permitted
 * type has no constant.
 */
enum RiskClueEventKind {
    RECORDED(RiskClueRecordedEvent.class),
    VERIFICATION_ASSIGNED(RiskClueVerificationAssignedEvent.class),
    VERIFICATION_BECAME_OVERDUE(RiskClueVerificationBecameOverdueEvent.class),
    VERIFIED(RiskClueVerifiedEvent.class),
    MARKED_DUPLICATE(RiskClueMarkedDuplicateEvent.class),
    REPORTER_REWARDED(RiskClueReporterRewardedEvent.class),
    TAKEN_INTO_CASE(RiskClueTakenIntoCaseEvent.class);

    private static final Map<Class<?>, RiskClueEventKind> BY_TYPE =
            EventKinds.byType(RiskClueEvent.class, values(), RiskClueEventKind::type);

    private final Class<? extends RiskClueEvent> type;

    RiskClueEventKind(Class<? extends RiskClueEvent> type) {
        this.type = type;
    }

    static RiskClueEventKind of(RiskClueEvent event) {
        return BY_TYPE.get(event.getClass());
    }

    Class<? extends RiskClueEvent> type() {
        return type;
    }
}
