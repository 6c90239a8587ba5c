package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department transfers a case suspected of crime to the police (移送公安).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param policeUnit the code of the police unit receiving it
 * @param note what goes with it, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record TransferCaseToPoliceCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        String policeUnit,
        String note,
        Instant businessTime) {
}
