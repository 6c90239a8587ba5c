package cn.gov.lvliang.ledger.query.fundraising;

import java.math.BigDecimal;

/**
 * A case's money: the involved amount, what was recovered and refunded, and the participants' claims, in fen and in
 * yuan (exact), with the ratios of docs/fundraising-statistics.md (scale 4, half up; {@code null} when the
 * denominator is 0 or unknown).
 *
 * @param estimatedAmountFen    the estimated amount raised (涉案金额), in fen, or {@code null} if unknown
 * @param estimatedAmountYuan   the same in yuan
 * @param recoveredFen          everything recovered (追赃挽损), in fen
 * @param recoveredYuan         the same in yuan
 * @param claimsFen             the registered participants' confirmed claims, in fen
 * @param claimsYuan            the same in yuan
 * @param refundedFen           everything refunded to participants (清退), in fen
 * @param refundedYuan          the same in yuan
 * @param participants          registered participants
 * @param recoveryCoverage      recovered ÷ estimated amount
 * @param refundOfRecovered     refunded ÷ recovered
 * @param refundOfClaims        refunded ÷ claims
 */
public record CaseMoney(
        Long estimatedAmountFen,
        BigDecimal estimatedAmountYuan,
        long recoveredFen,
        BigDecimal recoveredYuan,
        long claimsFen,
        BigDecimal claimsYuan,
        long refundedFen,
        BigDecimal refundedYuan,
        int participants,
        BigDecimal recoveryCoverage,
        BigDecimal refundOfRecovered,
        BigDecimal refundOfClaims) {

    /** The money of a case from its sums, with the yuan and ratios derived from them. */
    public static CaseMoney of(Long estimatedAmountFen, long recoveredFen, long claimsFen, long refundedFen,
                               int participants) {
        return new CaseMoney(
                estimatedAmountFen,
                Money.yuan(estimatedAmountFen),
                recoveredFen,
                Money.yuan(recoveredFen),
                claimsFen,
                Money.yuan(claimsFen),
                refundedFen,
                Money.yuan(refundedFen),
                participants,
                estimatedAmountFen == null ? null : Money.ratio(recoveredFen, estimatedAmountFen),
                Money.ratio(refundedFen, recoveredFen),
                Money.ratio(refundedFen, claimsFen));
    }
}
