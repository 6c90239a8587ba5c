package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The responsible unit rejected an item.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param itemSeq the item
 * @param reason why
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ItemRejectedEvent(
        String caseId,
        String actingUnit,
        int itemSeq,
        String reason,
        Instant businessTime) implements BundleCaseEvent {
}
