package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead unit accepts the case (受理), which starts its statutory clock.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param businessTime when it happened in business terms
 */
public record AcceptBundleCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        Instant businessTime) {
}
