package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A milestone of the disposal plan was reached.
 *
 * @param caseId the disposal case
 * @param milestoneSeq the milestone's number
 * @param name the milestone
 * @param dueDate its due date, so that lateness can be read from the fact alone
 * @param actingUnit the code of the unit that acted
 * @param note what was achieved
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record PlanMilestoneCompletedEvent(
        String caseId,
        int milestoneSeq,
        String name,
        LocalDate dueDate,
        String actingUnit,
        String note,
        Instant businessTime) implements DisposalCaseEvent {
}
