package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a case reaches into other provinces (跨省案件), adding to those already recorded.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param provinces the provinces to add (GB/T 2260 province codes)
 * @param note what showed it, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record MarkCaseCrossProvinceCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        List<String> provinces,
        String note,
        Instant businessTime) {

    public MarkCaseCrossProvinceCommand {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }
}
