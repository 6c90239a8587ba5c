package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Assets were recovered for the participants (追赃挽损).
 *
 * @param caseId the disposal case
 * @param recoveryNumber the count of recoveries on this case, from 1
 * @param actingUnit the code of the unit that acted
 * @param kind what kind of asset
 * @param amountFen the value recovered in fen
 * @param description what was recovered
 * @param totalRecoveredFen everything recovered on the case so far, this included, in fen
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record AssetRecoveredEvent(
        String caseId,
        int recoveryNumber,
        String actingUnit,
        AssetKind kind,
        long amountFen,
        String description,
        long totalRecoveredFen,
        Instant businessTime) implements DisposalCaseEvent {
}
