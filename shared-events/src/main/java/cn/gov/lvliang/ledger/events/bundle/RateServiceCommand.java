package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant rates the service (好差评), once per case.
 *
 * @param caseId the case
 * @param score 1 (very poor) to 5 (very good)
 * @param reasons the reasons ticked, may be empty
 * @param comment a free comment, may be {@code null}
 * @param businessTime when it happened in business terms
 */
public record RateServiceCommand(
        @TargetAggregateIdentifier String caseId,
        int score,
        List<String> reasons,
        String comment,
        Instant businessTime) {

    public RateServiceCommand {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
