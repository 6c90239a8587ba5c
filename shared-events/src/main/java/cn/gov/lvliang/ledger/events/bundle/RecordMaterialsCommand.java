package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records which materials the applicant submitted and which were waived because the government obtained
 * them itself.
 *
 * @param caseId the case
 * @param submitted names of the materials submitted
 * @param waived materials not asked for, with how they were obtained
 * @param businessTime when it happened in business terms
 */
public record RecordMaterialsCommand(
        @TargetAggregateIdentifier String caseId,
        List<String> submitted,
        List<WaivedMaterial> waived,
        Instant businessTime) {

    public RecordMaterialsCommand {
        submitted = submitted == null ? List.of() : List.copyOf(submitted);
        waived = waived == null ? List.of() : List.copyOf(waived);
    }
}
