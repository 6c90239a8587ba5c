package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant withdrew the case. This ends the case.
 *
 * @param caseId the case
 * @param reason the reason given, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record BundleCaseWithdrawnEvent(
        String caseId,
        String reason,
        Instant businessTime) implements BundleCaseEvent {
}
