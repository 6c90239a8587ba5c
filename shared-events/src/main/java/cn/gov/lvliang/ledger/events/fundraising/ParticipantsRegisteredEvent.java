package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A batch of participants was registered (集资参与人登记), each with a confirmed claim. Participants are known by register
 * references only.
 *
 * @param caseId the disposal case
 * @param batchNumber the count of batches on this case, from 1
 * @param actingUnit the code of the unit that acted
 * @param participants the batch
 * @param batchClaimsFen the batch's claims in fen
 * @param totalClaimsFen all registered claims on the case, this batch included, in fen
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ParticipantsRegisteredEvent(
        String caseId,
        int batchNumber,
        String actingUnit,
        List<ParticipantClaim> participants,
        long batchClaimsFen,
        long totalClaimsFen,
        Instant businessTime) implements DisposalCaseEvent {

    public ParticipantsRegisteredEvent {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
