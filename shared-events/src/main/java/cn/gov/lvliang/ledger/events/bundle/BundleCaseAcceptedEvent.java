package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The lead unit accepted the case; its statutory clock started.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param timeLimitWorkingDays the promised time limit in working days
 * @param dueDate the last working day on which the case is on time
 * @param atRiskFrom the first day on which the case counts as at risk of being late
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record BundleCaseAcceptedEvent(
        String caseId,
        String actingUnit,
        int timeLimitWorkingDays,
        LocalDate dueDate,
        LocalDate atRiskFrom,
        Instant businessTime) implements BundleCaseEvent {
}
