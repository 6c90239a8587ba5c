package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department marks a clue as a duplicate of another; the duplicate ends.
 *
 * @param clueId the risk clue
 * @param duplicateOfClueId the clue it repeats
 * @param actingUnit the code of the unit that acted
 * @param note why, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record MarkClueDuplicateCommand(
        @TargetAggregateIdentifier String clueId,
        String duplicateOfClueId,
        String actingUnit,
        String note,
        Instant businessTime) {
}
