package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant came to a hall in person.
 *
 * @param caseId the case
 * @param visitNumber the count of visits on this case, from 1
 * @param hallCode the hall
 * @param windowCode the window, or {@code null}
 * @param purpose why the applicant came
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record VisitRecordedEvent(
        String caseId,
        int visitNumber,
        String hallCode,
        String windowCode,
        VisitPurpose purpose,
        Instant businessTime) implements BundleCaseEvent {
}
