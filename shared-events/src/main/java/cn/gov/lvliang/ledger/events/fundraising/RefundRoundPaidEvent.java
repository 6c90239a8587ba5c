package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A refund round (清退) was paid to the registered participants, pro rata to their claims.
 *
 * <p>The shares are exact in fen and add up to {@code roundTotalFen}. They follow the largest-remainder (Hamilton)
 * method over the participants still owed something ({@code claim - refundedBefore > 0}); participants already fully
 * refunded take no part and receive nothing:
 * <ol>
 * <li>each takes {@code floor(R * claim / C)}, where {@code R} is the amount still to share (at first the round's
 * total) and {@code C} the sum of the claims of those taking part;</li>
 * <li>the fen left over (fewer than the participants) go one each to the largest remainders {@code R * claim mod C},
 * ties to the smaller participant reference (by {@link String#compareTo});</li>
 * <li>if a share now exceeds what its participant is still owed, every such participant receives exactly what it is
 * owed and leaves, {@code R} falls by those amounts, and steps 1–2 are repeated for the rest.</li>
 * </ol>
 * The round never exceeds what was recovered less what was refunded before, nor what is still owed.
 *
 * @param caseId the disposal case
 * @param roundNumber the count of rounds on this case, from 1
 * @param actingUnit the code of the unit that acted
 * @param roundTotalFen the round's total in fen, the sum of the shares
 * @param totalRecoveredFen everything recovered on the case when the round was paid, in fen
 * @param refundedBeforeFen everything refunded in earlier rounds, in fen
 * @param shares one share for every participant still owed something before the round, in reference order; a share
 *               may be 0
 * @param note the round's basis, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RefundRoundPaidEvent(
        String caseId,
        int roundNumber,
        String actingUnit,
        long roundTotalFen,
        long totalRecoveredFen,
        long refundedBeforeFen,
        List<RefundShare> shares,
        String note,
        Instant businessTime) implements DisposalCaseEvent {

    public RefundRoundPaidEvent {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }
}
