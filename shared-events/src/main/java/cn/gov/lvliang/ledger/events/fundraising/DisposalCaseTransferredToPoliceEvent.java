package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case was transferred to the police (移送公安).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param policeUnit the code of the police unit receiving it
 * @param note what went with it, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseTransferredToPoliceEvent(
        String caseId,
        String actingUnit,
        String policeUnit,
        String note,
        Instant businessTime) implements DisposalCaseEvent {
}
