package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The clue was taken into a disposal case; this ends the clue, whose disposal continues in the case.
 *
 * @param clueId the risk clue
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RiskClueTakenIntoCaseEvent(
        String clueId,
        String caseId,
        String actingUnit,
        Instant businessTime) implements RiskClueEvent {
}
