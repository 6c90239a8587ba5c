package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department determines the nature of a case (研判定性): at county level by default, at city level once the case
 * is escalated.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param outcome what it concluded
 * @param basis the facts and rules the determination rests on (认定依据)
 * @param businessTime when it happened in business terms
 */
public record DetermineDisposalCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        DeterminationOutcome outcome,
        String basis,
        Instant businessTime) {
}
