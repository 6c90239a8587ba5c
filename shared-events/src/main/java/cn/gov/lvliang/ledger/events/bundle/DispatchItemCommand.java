package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead unit dispatches one item of the case to its responsible unit.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param itemSeq the item's number within the bundle
 * @param businessTime when it happened in business terms
 */
public record DispatchItemCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        int itemSeq,
        Instant businessTime) {
}
