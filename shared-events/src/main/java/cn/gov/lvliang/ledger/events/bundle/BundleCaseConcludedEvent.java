package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The lead unit concluded the case after every item was decided.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param outcome what the applicant got
 * @param approvedItems items approved
 * @param rejectedItems items rejected
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record BundleCaseConcludedEvent(
        String caseId,
        String actingUnit,
        CaseOutcome outcome,
        int approvedItems,
        int rejectedItems,
        Instant businessTime) implements BundleCaseEvent {
}
