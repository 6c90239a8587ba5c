package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant supplies the materials asked for; the clock resumes.
 *
 * @param caseId the case
 * @param materials the materials supplied
 * @param businessTime when it happened in business terms
 */
public record SupplySupplementCommand(
        @TargetAggregateIdentifier String caseId,
        List<String> materials,
        Instant businessTime) {

    public SupplySupplementCommand {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
