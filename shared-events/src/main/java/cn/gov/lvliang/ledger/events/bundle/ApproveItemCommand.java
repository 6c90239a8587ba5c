package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The responsible unit approves an item (办结).
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param itemSeq the item
 * @param result the result, e.g. a licence or registration number
 * @param businessTime when it happened in business terms
 */
public record ApproveItemCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        int itemSeq,
        String result,
        Instant businessTime) {
}
