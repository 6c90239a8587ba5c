package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead unit concludes the case once every item is decided.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param businessTime when it happened in business terms
 */
public record ConcludeBundleCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        Instant businessTime) {
}
