package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant complained at the "could not get it done" window.
 *
 * @param caseId the case
 * @param complaintId the complaint
 * @param content what the applicant said
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ComplaintLodgedEvent(
        String caseId,
        String complaintId,
        String content,
        Instant businessTime) implements BundleCaseEvent {
}
