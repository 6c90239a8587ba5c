package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Links a petition (信访) about the case to it.
 *
 * @param caseId the disposal case
 * @param petitionId the petition's identifier, chosen by the command side
 * @param actingUnit the code of the unit that acted
 * @param petitionReference the petitions system's own number (信访件编号), or {@code null}
 * @param petitioners how many people petitioned (1 for an individual petition)
 * @param summary what the petitioners ask; no names or identity numbers
 * @param businessTime when it happened in business terms
 */
public record ReceivePetitionCommand(
        @TargetAggregateIdentifier String caseId,
        String petitionId,
        String actingUnit,
        String petitionReference,
        int petitioners,
        String summary,
        Instant businessTime) {
}
