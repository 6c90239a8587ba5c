package cn.gov.lvliang.ledger.query.fundraising;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money and ratio rule of the fundraising read models (docs/fundraising-statistics.md). Amounts stay whole fen
 * ({@code long}) in the tables and in every sum; they are shown in yuan as {@link BigDecimal}s of scale 2, which is
 * exact. A ratio is the exact quotient of two sums of fen (or counts) rounded once, half up, to {@value #RATIO_SCALE}
 * decimal places (0.3333 for a third, 1.0000 for all); it is {@code null} when its denominator is 0, never a guess.
 * Public for the auditors' as-of folds, which show amounts as the read models do.
 */
public final class Money {

    public static final int RATIO_SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    /** Fen as yuan, exactly: 240000050 fen is 2400000.50. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public static BigDecimal yuan(Long fen) {
        return fen == null ? null : yuan(fen.longValue());
    }

    /** numerator ÷ denominator to {@value #RATIO_SCALE} places, half up; {@code null} for a zero denominator. */
    public static BigDecimal ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_SCALE, ROUNDING);
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, RATIO_SCALE, ROUNDING);
    }
}
