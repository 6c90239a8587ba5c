package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead unit asks for supplementary materials (补正); the case's clock pauses until they come.
 *
 * @param caseId the case
 * @param actingUnit the code of the unit that acted
 * @param materials the materials asked for
 * @param reason why they are needed
 * @param businessTime when it happened in business terms
 */
public record RequestSupplementCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        List<String> materials,
        String reason,
        Instant businessTime) {

    public RequestSupplementCommand {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
