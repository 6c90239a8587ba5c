package cn.gov.lvliang.ledger.events.fundraising;

/**
 * One participant's share of a refund round.
 *
 * @param participantReference the participant's register number
 * @param claimFen the participant's registered claim in fen, the weight of the share
 * @param refundedBeforeFen what the participant had received in earlier rounds, in fen
 * @param shareFen what the participant receives in this round, in fen; never more than {@code claimFen -
 *                 refundedBeforeFen}
 */
public record RefundShare(
        String participantReference,
        long claimFen,
        long refundedBeforeFen,
        long shareFen) {
}
