package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A unit resolves a complaint.
 *
 * @param caseId the case
 * @param complaintId the complaint
 * @param actingUnit the code of the unit that acted
 * @param resolution how it was resolved
 * @param businessTime when it happened in business terms
 */
public record ResolveComplaintCommand(
        @TargetAggregateIdentifier String caseId,
        String complaintId,
        String actingUnit,
        String resolution,
        Instant businessTime) {
}
