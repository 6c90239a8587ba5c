package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The applicant supplied the materials asked for; the clock resumed, and every running deadline moved by
 * the working days the case was paused.
 *
 * @param caseId the case
 * @param materials the materials supplied
 * @param pausedWorkingDays working days the clock stood still
 * @param dueDate the case's new due date, or {@code null} if it was not yet accepted
 * @param atRiskFrom the case's new at-risk date, or {@code null}
 * @param itemDeadlines the new due dates of the dispatched, undecided items
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record SupplementSuppliedEvent(
        String caseId,
        List<String> materials,
        int pausedWorkingDays,
        LocalDate dueDate,
        LocalDate atRiskFrom,
        List<ItemDeadline> itemDeadlines,
        Instant businessTime) implements BundleCaseEvent {

    public SupplementSuppliedEvent {
        materials = materials == null ? List.of() : List.copyOf(materials);
        itemDeadlines = itemDeadlines == null ? List.of() : List.copyOf(itemDeadlines);
    }
}
