package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A unit recorded what it did about a complaint.
 *
 * @param caseId the case
 * @param complaintId the complaint
 * @param actingUnit the code of the unit that acted
 * @param note what was done
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ComplaintFollowedUpEvent(
        String caseId,
        String complaintId,
        String actingUnit,
        String note,
        Instant businessTime) implements BundleCaseEvent {
}
