package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The results of the case were delivered to the applicant.
 *
 * @param caseId the case
 * @param method how
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ResultDeliveredEvent(
        String caseId,
        DeliveryMethod method,
        Instant businessTime) implements BundleCaseEvent {
}
