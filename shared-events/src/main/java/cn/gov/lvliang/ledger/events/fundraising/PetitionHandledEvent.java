package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A petition linked to the case was handled; this closes it (形成信访处置工作闭环).
 *
 * @param caseId the disposal case
 * @param petitionId the petition
 * @param actingUnit the code of the unit that acted
 * @param outcome how it ended
 * @param note what was done
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record PetitionHandledEvent(
        String caseId,
        String petitionId,
        String actingUnit,
        PetitionOutcome outcome,
        String note,
        Instant businessTime) implements DisposalCaseEvent {
}
