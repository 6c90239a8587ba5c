package cn.gov.lvliang.ledger.query.fundraising;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One page of a case's registered participants (集资参与人), known by register references only.
 *
 * @param caseId the case
 * @param items  the participants on this page, in reference order
 * @param page   the page number, from 0
 * @param size   the page size asked for
 * @param total  the case's registered participants
 */
public record ParticipantPage(String caseId, List<ParticipantView> items, int page, int size, long total) {

    /**
     * One participant.
     *
     * @param participantReference the register number
     * @param claimFen             the confirmed claim, in fen
     * @param claimYuan            the same in yuan
     * @param refundedFen          everything refunded to the participant, in fen
     * @param refundedYuan         the same in yuan
     * @param refundOfClaim        refunded ÷ claim (scale 4, half up)
     * @param batchNumber          the registration batch
     * @param registeredAt         when it was registered
     */
    public record ParticipantView(
            String participantReference,
            long claimFen,
            BigDecimal claimYuan,
            long refundedFen,
            BigDecimal refundedYuan,
            BigDecimal refundOfClaim,
            int batchNumber,
            Instant registeredAt) {
    }
}
