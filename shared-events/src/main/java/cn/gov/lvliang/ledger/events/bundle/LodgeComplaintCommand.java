package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant complains at the "could not get it done" window (办不成事反映窗口).
 *
 * @param caseId the case
 * @param complaintId the complaint's identifier, chosen by the command side
 * @param content what the applicant says
 * @param businessTime when it happened in business terms
 */
public record LodgeComplaintCommand(
        @TargetAggregateIdentifier String caseId,
        String complaintId,
        String content,
        Instant businessTime) {
}
