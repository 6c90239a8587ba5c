package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The lead unit dispatched an item to its responsible unit; the item's own clock started.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param itemSeq the item's number within the bundle
 * @param responsibleUnit the code of the unit that decides it
 * @param timeLimitWorkingDays the item's time limit in working days
 * @param dueDate the item's due date
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ItemDispatchedEvent(
        String caseId,
        String actingUnit,
        int itemSeq,
        String responsibleUnit,
        int timeLimitWorkingDays,
        LocalDate dueDate,
        Instant businessTime) implements BundleCaseEvent {
}
