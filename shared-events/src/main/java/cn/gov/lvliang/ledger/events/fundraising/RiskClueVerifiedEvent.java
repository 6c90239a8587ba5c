package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The assigned unit recorded the outcome of its verification. {@link VerificationOutcome#NO_RISK} ends the clue.
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param outcome what it found
 * @param notes how it verified and what it saw
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RiskClueVerifiedEvent(
        String clueId,
        String actingUnit,
        VerificationOutcome outcome,
        String notes,
        Instant businessTime) implements RiskClueEvent {
}
