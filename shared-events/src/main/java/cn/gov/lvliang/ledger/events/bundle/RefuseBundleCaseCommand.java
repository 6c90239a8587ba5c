package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead unit refuses to accept the case (不予受理).
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param reason why, as told to the applicant
 * @param businessTime when it happened in business terms
 */
public record RefuseBundleCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        String reason,
        Instant businessTime) {
}
