package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ordering unit followed up an open measure.
 *
 * @param caseId the disposal case
 * @param measureId the measure
 * @param actingUnit the code of the unit that acted
 * @param note what was seen or done
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record MeasureFollowedUpEvent(
        String caseId,
        String measureId,
        String actingUnit,
        String note,
        Instant businessTime) implements DisposalCaseEvent {
}
