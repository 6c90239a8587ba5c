package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The case was found to reach into other provinces (跨省).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param addedProvinces the provinces this fact adds
 * @param provinces every province now recorded
 * @param note what showed it, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseMarkedCrossProvinceEvent(
        String caseId,
        String actingUnit,
        List<String> addedProvinces,
        List<String> provinces,
        String note,
        Instant businessTime) implements DisposalCaseEvent {

    public DisposalCaseMarkedCrossProvinceEvent {
        addedProvinces = addedProvinces == null ? List.of() : List.copyOf(addedProvinces);
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }
}
