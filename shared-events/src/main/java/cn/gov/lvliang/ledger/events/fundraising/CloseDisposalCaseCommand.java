package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department closes a case (结案).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param resolution how the case ends
 * @param mergedIntoCaseId the case it is merged into, for {@link CaseResolution#MERGED}; otherwise {@code null}
 * @param note the closing remarks; required for {@link CaseResolution#OTHER}
 * @param businessTime when it happened in business terms
 */
public record CloseDisposalCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        CaseResolution resolution,
        String mergedIntoCaseId,
        String note,
        Instant businessTime) {
}
