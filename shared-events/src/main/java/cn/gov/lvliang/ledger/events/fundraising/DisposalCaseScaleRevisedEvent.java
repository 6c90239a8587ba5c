package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The estimated scale of a case was revised.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param estimatedAmountFen the estimated amount in fen, or {@code null}
 * @param estimatedParticipants the estimated participants, or {@code null}
 * @param note what the revision rests on, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseScaleRevisedEvent(
        String caseId,
        String actingUnit,
        Long estimatedAmountFen,
        Integer estimatedParticipants,
        String note,
        Instant businessTime) implements DisposalCaseEvent {
}
