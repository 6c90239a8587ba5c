package cn.gov.lvliang.ledger.query.fundraising;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Recovery coverage and refund ratios (追赃挽损覆盖率、清退率) as at the end of a day, per case, per county and for the
 * scope. Every amount is as at that day: the latest estimated amount, and the recoveries, registrations and refunds
 * recorded up to it. Ratios are exact quotients rounded half up to 4 places, {@code null} when the denominator is 0.
 * Coverage leaves out cases whose amount is unknown, on both sides of the division. See
 * docs/fundraising-statistics.md, "Recovery and refunds".
 *
 * @param division     the county, or {@code null} for the whole city
 * @param divisionName that county's name, or 全市
 * @param asOf         the day the figures are as at (its end, Beijing time)
 * @param total        the scope's figures
 * @param counties     each county's figures
 * @param cases        each case's figures
 */
public record RecoveryView(
        String division,
        String divisionName,
        LocalDate asOf,
        RecoveryFigures total,
        List<RecoveryCounty> counties,
        List<RecoveryCase> cases) {

    /**
     * Sums and ratios over some cases.
     *
     * @param cases                     cases counted
     * @param casesWithoutAmount        of those, with no estimated amount (left out of coverage)
     * @param involvedFen               the estimated amounts raised (涉案金额), of the cases that have one, in fen
     * @param involvedYuan              the same in yuan
     * @param recoveredFen              recovered (追赃挽损), in fen
     * @param recoveredYuan             the same in yuan
     * @param recoveredOnKnownAmountFen recovered on the cases that have an estimated amount, in fen: coverage's
     *                                  numerator
     * @param claimsFen                 registered claims, in fen
     * @param claimsYuan                the same in yuan
     * @param refundedFen               refunded (清退), in fen
     * @param refundedYuan              the same in yuan
     * @param recoveryCoverage          recoveredOnKnownAmount ÷ involved
     * @param refundOfRecovered         refunded ÷ recovered
     * @param refundOfClaims            refunded ÷ claims
     */
    public record RecoveryFigures(
            int cases,
            int casesWithoutAmount,
            long involvedFen,
            BigDecimal involvedYuan,
            long recoveredFen,
            BigDecimal recoveredYuan,
            long recoveredOnKnownAmountFen,
            long claimsFen,
            BigDecimal claimsYuan,
            long refundedFen,
            BigDecimal refundedYuan,
            BigDecimal recoveryCoverage,
            BigDecimal refundOfRecovered,
            BigDecimal refundOfClaims) {
    }

    /** A county's figures. */
    public record RecoveryCounty(String divisionCode, String divisionName, RecoveryFigures figures) {
    }

    /** A case's figures; its {@code involvedFen} is {@code null} when it has no estimated amount. */
    public record RecoveryCase(
            String caseId,
            String name,
            boolean legacy,
            String divisionCode,
            String divisionName,
            Long involvedFen,
            BigDecimal involvedYuan,
            long recoveredFen,
            BigDecimal recoveredYuan,
            long claimsFen,
            BigDecimal claimsYuan,
            long refundedFen,
            BigDecimal refundedYuan,
            BigDecimal recoveryCoverage,
            BigDecimal refundOfRecovered,
            BigDecimal refundOfClaims) {
    }
}
