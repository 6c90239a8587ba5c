package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The materials of a case were recorded: what was submitted, and what was waived because it was obtained
 * through e-licences or data sharing.
 *
 * @param caseId the case
 * @param submitted materials submitted
 * @param waived materials waived
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record MaterialsRecordedEvent(
        String caseId,
        List<String> submitted,
        List<WaivedMaterial> waived,
        Instant businessTime) implements BundleCaseEvent {

    public MaterialsRecordedEvent {
        submitted = submitted == null ? List.of() : List.copyOf(submitted);
        waived = waived == null ? List.of() : List.copyOf(waived);
    }
}
