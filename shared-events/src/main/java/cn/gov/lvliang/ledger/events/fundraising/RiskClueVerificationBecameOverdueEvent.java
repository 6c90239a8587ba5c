package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The verification of a clue passed its due date without an outcome. Recorded by the clue's deadline when it fires;
 * the business time is the moment the due date ended.
 *
 * @param clueId the risk clue
 * @param assignedUnit the unit that was to verify
 * @param dueDate the due date that passed
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RiskClueVerificationBecameOverdueEvent(
        String clueId,
        String assignedUnit,
        LocalDate dueDate,
        Instant businessTime) implements RiskClueEvent {
}
