package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pays a refund round (清退) of the given total to the registered participants, pro rata to their claims; the ledger
 * computes each share (see {@link RefundRoundPaidEvent}).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param roundTotalFen the round's total in fen
 * @param note the round's basis, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record PayRefundRoundCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        long roundTotalFen,
        String note,
        Instant businessTime) {
}
