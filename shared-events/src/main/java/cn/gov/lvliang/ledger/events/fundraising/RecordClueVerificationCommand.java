package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assigned unit records what its verification found.
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param outcome what it found
 * @param notes how it verified and what it saw
 * @param businessTime when it happened in business terms
 */
public record RecordClueVerificationCommand(
        @TargetAggregateIdentifier String clueId,
        String actingUnit,
        VerificationOutcome outcome,
        String notes,
        Instant businessTime) {
}
