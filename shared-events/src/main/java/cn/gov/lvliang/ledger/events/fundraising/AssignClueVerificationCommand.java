package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department assigns the verification (核查) of a clue to a unit; the unit has a configured number of working
 * days. Assigning again hands the clue to another unit with a new due date.
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param assignedUnit the code of the unit that verifies
 * @param businessTime when it happened in business terms
 */
public record AssignClueVerificationCommand(
        @TargetAggregateIdentifier String clueId,
        String actingUnit,
        String assignedUnit,
        Instant businessTime) {
}
