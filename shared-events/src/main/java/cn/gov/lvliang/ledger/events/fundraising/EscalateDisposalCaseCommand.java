package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Escalates a case to the city lead department because it is complex or its determination is disputed (逐级上报). Cases
 * that reach a threshold are escalated by the ledger itself.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param reasons why, at least one
 * @param note the grounds in words
 * @param businessTime when it happened in business terms
 */
public record EscalateDisposalCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        List<EscalationReason> reasons,
        String note,
        Instant businessTime) {

    public EscalateDisposalCaseCommand {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
