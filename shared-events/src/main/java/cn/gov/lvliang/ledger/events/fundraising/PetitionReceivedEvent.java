package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A petition about the case was received and linked to it.
 *
 * @param caseId the disposal case
 * @param petitionId the petition
 * @param actingUnit the code of the unit that acted
 * @param petitionReference the petitions system's own number, or {@code null}
 * @param petitioners how many people petitioned
 * @param summary what the petitioners ask
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record PetitionReceivedEvent(
        String caseId,
        String petitionId,
        String actingUnit,
        String petitionReference,
        int petitioners,
        String summary,
        Instant businessTime) implements DisposalCaseEvent {
}
