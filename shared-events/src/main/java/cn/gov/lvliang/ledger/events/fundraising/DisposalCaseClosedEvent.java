package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case was closed (结案). Once closed it takes only petitions.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param resolution how it ended
 * @param mergedIntoCaseId the case it was merged into, or {@code null}
 * @param note the closing remarks, or {@code null}
 * @param totalRecoveredFen everything recovered on the case, in fen
 * @param totalRefundedFen everything refunded to participants, in fen
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseClosedEvent(
        String caseId,
        String actingUnit,
        CaseResolution resolution,
        String mergedIntoCaseId,
        String note,
        long totalRecoveredFen,
        long totalRefundedFen,
        Instant businessTime) implements DisposalCaseEvent {
}
