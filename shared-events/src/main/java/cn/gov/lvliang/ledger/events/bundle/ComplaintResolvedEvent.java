package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A unit resolved a complaint.
 *
 * @param caseId the case
 * @param complaintId the complaint
 * @param actingUnit the code of the unit that acted
 * @param resolution how
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ComplaintResolvedEvent(
        String caseId,
        String complaintId,
        String actingUnit,
        String resolution,
        Instant businessTime) implements BundleCaseEvent {
}
