package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A unit records what it did about a complaint.
 *
 * @param caseId the case
 * @param complaintId the complaint
 * @param actingUnit the code of the unit that acted
 * @param note what was done
 * @param businessTime when it happened in business terms
 */
public record FollowUpComplaintCommand(
        @TargetAggregateIdentifier String caseId,
        String complaintId,
        String actingUnit,
        String note,
        Instant businessTime) {
}
