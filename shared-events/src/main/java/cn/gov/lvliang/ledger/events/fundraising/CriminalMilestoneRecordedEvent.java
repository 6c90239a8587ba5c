package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The criminal path of the case reached its next milestone.
 *
 * @param caseId the disposal case
 * @param milestone which milestone
 * @param actingUnit the code of the unit that acted
 * @param documentNumber the number of the decision or judgment, or {@code null}
 * @param note anything worth recording, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record CriminalMilestoneRecordedEvent(
        String caseId,
        CriminalMilestone milestone,
        String actingUnit,
        String documentNumber,
        String note,
        Instant businessTime) implements DisposalCaseEvent {
}
