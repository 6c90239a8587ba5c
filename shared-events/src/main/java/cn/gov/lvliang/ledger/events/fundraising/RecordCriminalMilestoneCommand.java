package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The police, procuratorate or court records the next milestone of the criminal path.
 *
 * @param caseId the disposal case
 * @param milestone which milestone
 * @param actingUnit the code of the unit that acted
 * @param documentNumber the number of the decision or judgment (文书号), or {@code null}
 * @param note anything worth recording, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record RecordCriminalMilestoneCommand(
        @TargetAggregateIdentifier String caseId,
        CriminalMilestone milestone,
        String actingUnit,
        String documentNumber,
        String note,
        Instant businessTime) {
}
