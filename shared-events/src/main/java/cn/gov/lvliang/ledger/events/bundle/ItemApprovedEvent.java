package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The responsible unit approved an item.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param itemSeq the item
 * @param result the result, e.g. a licence number
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ItemApprovedEvent(
        String caseId,
        String actingUnit,
        int itemSeq,
        String result,
        Instant businessTime) implements BundleCaseEvent {
}
