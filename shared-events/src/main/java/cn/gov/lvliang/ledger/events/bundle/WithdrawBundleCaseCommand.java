package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant withdraws the case.
 *
 * @param caseId the case
 * @param reason the reason the applicant gave, may be {@code null}
 * @param businessTime when it happened in business terms
 */
public record WithdrawBundleCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Instant businessTime) {
}
