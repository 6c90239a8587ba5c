package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The responsible unit rejects an item (不予许可).
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param itemSeq the item
 * @param reason why
 * @param businessTime when it happened in business terms
 */
public record RejectItemCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        int itemSeq,
        String reason,
        Instant businessTime) {
}
