package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a verified clue into a disposal case. The case's opening hands it to each clue in its own unit of work, so
 * that the clues and the case change together or not at all.
 *
 * @param clueId the risk clue
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param businessTime when it happened in business terms
 */
public record TakeClueIntoCaseCommand(
        @TargetAggregateIdentifier String clueId,
        String caseId,
        String actingUnit,
        Instant businessTime) {
}
