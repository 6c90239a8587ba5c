package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The lead department determined the nature of the case (研判定性).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param level whether the county or the city determined it
 * @param outcome what it concluded
 * @param basis the facts and rules it rests on
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseDeterminedEvent(
        String caseId,
        String actingUnit,
        DeterminationLevel level,
        DeterminationOutcome outcome,
        String basis,
        Instant businessTime) implements DisposalCaseEvent {
}
