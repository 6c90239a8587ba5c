package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An item passed its due date undecided.
 *
 * @param caseId the case
 * @param itemSeq the item
 * @param responsibleUnit the unit that was to decide it
 * @param dueDate the due date that passed
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ItemBecameOverdueEvent(
        String caseId,
        int itemSeq,
        String responsibleUnit,
        LocalDate dueDate,
        Instant businessTime) implements BundleCaseEvent {
}
