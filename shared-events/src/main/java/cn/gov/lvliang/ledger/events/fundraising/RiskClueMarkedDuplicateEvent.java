package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The clue was found to repeat another clue; this ends it.
 *
 * @param clueId the risk clue
 * @param duplicateOfClueId the clue it repeats
 * @param actingUnit the code of the unit that acted
 * @param note why, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RiskClueMarkedDuplicateEvent(
        String clueId,
        String duplicateOfClueId,
        String actingUnit,
        String note,
        Instant businessTime) implements RiskClueEvent {
}
