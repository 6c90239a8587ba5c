package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a bundle case: an applicant asks for one "thing" of the catalog.
 *
 * @param caseId the case
 * @param bundleCode the catalog code of the bundle, e.g. {@code 2024-01}
 * @param catalogVersion the catalog version the case is opened under
 * @param applicant who applies
 * @param divisionCode the county-level division (GB/T 2260 code) where the case is handled
 * @param hallCode the service hall, or {@code null} for channels outside a hall
 * @param channel how the application arrived
 * @param windowCode the window, when the channel is {@link Channel#WINDOW}
 * @param businessTime when it happened in business terms
 */
public record SubmitBundleCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String bundleCode,
        int catalogVersion,
        Applicant applicant,
        String divisionCode,
        String hallCode,
        Channel channel,
        String windowCode,
        Instant businessTime) {
}
