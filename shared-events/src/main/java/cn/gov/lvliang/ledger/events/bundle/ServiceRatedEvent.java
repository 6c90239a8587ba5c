package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The applicant rated the service (好差评).
 *
 * @param caseId the case
 * @param score 1 (very poor) to 5 (very good)
 * @param reasons the reasons ticked
 * @param comment a free comment, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record ServiceRatedEvent(
        String caseId,
        int score,
        List<String> reasons,
        String comment,
        Instant businessTime) implements BundleCaseEvent {

    public ServiceRatedEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
