package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The ordering unit records how an open measure is being complied with (跟踪督促).
 *
 * @param caseId the disposal case
 * @param measureId the measure
 * @param actingUnit the code of the unit that acted
 * @param note what was seen or done
 * @param businessTime when it happened in business terms
 */
public record FollowUpMeasureCommand(
        @TargetAggregateIdentifier String caseId,
        String measureId,
        String actingUnit,
        String note,
        Instant businessTime) {
}
