package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The case went up to the city lead department, which now determines it. Recorded when a unit escalates a complex or
 * disputed case, and by the ledger itself when the case's estimated amount or participants reach a threshold; the
 * thresholds in force are part of the fact.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit whose step escalated it
 * @param reasons why
 * @param estimatedAmountFen the estimated amount at the time, or {@code null}
 * @param estimatedParticipants the estimated participants at the time, or {@code null}
 * @param amountThresholdFen the amount threshold in force, in fen
 * @param participantThreshold the participant threshold in force
 * @param note the grounds in words, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseEscalatedEvent(
        String caseId,
        String actingUnit,
        List<EscalationReason> reasons,
        Long estimatedAmountFen,
        Integer estimatedParticipants,
        long amountThresholdFen,
        int participantThreshold,
        String note,
        Instant businessTime) implements DisposalCaseEvent {

    public DisposalCaseEscalatedEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
