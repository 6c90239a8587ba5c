package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An applicant submitted a bundle case, opening it under a catalog version.
 *
 * @param caseId         the case
 * @param bundleCode     the catalog code of the bundle
 * @param catalogVersion the catalog version the case was opened under
 * @param applicant      who applied
 * @param divisionCode   the county-level division handling the case
 * @param hallCode       the service hall, or {@code null}
 * @param channel        how the application arrived
 * @param windowCode     the window, or {@code null}
 * @param businessTime   when the application was made
 */
@Revision("1")
public record BundleCaseSubmittedEvent(
        String caseId,
        String bundleCode,
        int catalogVersion,
        Applicant applicant,
        String divisionCode,
        String hallCode,
        Channel channel,
        String windowCode,
        Instant businessTime) implements BundleCaseEvent {
}
