package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The verification of a clue was assigned to a unit; its clock started.
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param assignedUnit the code of the unit that verifies
 * @param workingDays the time allowed in working days
 * @param dueDate the last working day on which the verification is on time
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RiskClueVerificationAssignedEvent(
        String clueId,
        String actingUnit,
        String assignedUnit,
        int workingDays,
        LocalDate dueDate,
        Instant businessTime) implements RiskClueEvent {
}
