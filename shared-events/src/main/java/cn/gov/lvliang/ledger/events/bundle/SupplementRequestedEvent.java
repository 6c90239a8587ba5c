package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The lead unit asked for supplementary materials; the case's clock is paused from this moment.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param materials the materials asked for
 * @param reason why
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record SupplementRequestedEvent(
        String caseId,
        String actingUnit,
        List<String> materials,
        String reason,
        Instant businessTime) implements BundleCaseEvent {

    public SupplementRequestedEvent {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
