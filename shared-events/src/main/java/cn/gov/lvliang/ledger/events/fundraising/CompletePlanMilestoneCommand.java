package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department records that a milestone of the disposal plan is reached.
 *
 * @param caseId the disposal case
 * @param milestoneSeq the milestone's number in the plan
 * @param actingUnit the code of the unit that acted
 * @param note what was achieved
 * @param businessTime when it happened in business terms
 */
public record CompletePlanMilestoneCommand(
        @TargetAggregateIdentifier String caseId,
        int milestoneSeq,
        String actingUnit,
        String note,
        Instant businessTime) {
}
