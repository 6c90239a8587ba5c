package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case moved to another hall for city-wide or cross-city handling.
 *
 * @param caseId the case
 * @param fromDivisionCode the division that handled it
 * @param fromHallCode the hall that handled it, or {@code null}
 * @param toDivisionCode the division that handles it now
 * @param toHallCode the hall that handles it now
 * @param mode city-wide or cross-city
 * @param reason why
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record BundleCaseTransferredEvent(
        String caseId,
        String fromDivisionCode,
        String fromHallCode,
        String toDivisionCode,
        String toHallCode,
        TransferMode mode,
        String reason,
        Instant businessTime) implements BundleCaseEvent {
}
