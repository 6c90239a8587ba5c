package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The case passed its due date without being concluded. Recorded by the case's deadline when it fires;
 * the business time is the moment the due date ended.
 *
 * @param caseId the case
 * @param dueDate the due date that passed
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record BundleCaseBecameOverdueEvent(
        String caseId,
        LocalDate dueDate,
        Instant businessTime) implements BundleCaseEvent {
}
