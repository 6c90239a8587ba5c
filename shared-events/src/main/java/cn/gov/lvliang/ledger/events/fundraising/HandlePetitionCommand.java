package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records how a petition linked to the case was handled; this closes the petition.
 *
 * @param caseId the disposal case
 * @param petitionId the petition
 * @param actingUnit the code of the unit that acted
 * @param outcome how it ended
 * @param note what was done
 * @param businessTime when it happened in business terms
 */
public record HandlePetitionCommand(
        @TargetAggregateIdentifier String caseId,
        String petitionId,
        String actingUnit,
        PetitionOutcome outcome,
        String note,
        Instant businessTime) {
}
