package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The results of a concluded case are delivered to the applicant.
 *
 * @param caseId the case
 * @param method how they were delivered
 * @param businessTime when it happened in business terms
 */
public record DeliverResultCommand(
        @TargetAggregateIdentifier String caseId,
        DeliveryMethod method,
        Instant businessTime) {
}
