package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The lead unit refused to accept the case. This ends the case.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param reason why
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record BundleCaseAcceptanceRefusedEvent(
        String caseId,
        String actingUnit,
        String reason,
        Instant businessTime) implements BundleCaseEvent {
}
