package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrative measure was completed.
 *
 * @param caseId the disposal case
 * @param measureId the measure
 * @param actingUnit the code of the unit that acted
 * @param result how it ended
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record MeasureCompletedEvent(
        String caseId,
        String measureId,
        String actingUnit,
        String result,
        Instant businessTime) implements DisposalCaseEvent {
}
