package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The ordering unit records that a measure is complete.
 *
 * @param caseId the disposal case
 * @param measureId the measure
 * @param actingUnit the code of the unit that acted
 * @param result how it ended
 * @param businessTime when it happened in business terms
 */
public record CompleteMeasureCommand(
        @TargetAggregateIdentifier String caseId,
        String measureId,
        String actingUnit,
        String result,
        Instant businessTime) {
}
