package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a batch of participants (集资参与人登记) with their confirmed claims.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param participants the participants of the batch, at least one
 * @param businessTime when it happened in business terms
 */
public record RegisterParticipantsCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        List<ParticipantClaim> participants,
        Instant businessTime) {

    public RegisterParticipantsCommand {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
