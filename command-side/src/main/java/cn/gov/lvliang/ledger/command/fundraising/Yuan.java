package cn.gov.lvliang.ledger.command.fundraising;

import java.math.BigDecimal;

/**
 * Converts between yuan, as people write amounts, and fen (分), as the ledger stores them. Exact both ways: an amount
 * with more than two decimals is refused, never rounded.
 */
final class Yuan {

    private Yuan() {
    }

    /**
     * The amount in fen.
     *
     * @param yuan  an amount in yuan with at most two decimals, or {@code null}
     * @param field the field it came from, named in the refusal
     * @return the amount in fen, or {@code null} for {@code null}
     * @throws IllegalArgumentException naming the field, for more than two decimals or an amount too large for fen
     */
    static Long toFen(BigDecimal yuan, String field) {
        if (yuan == null) {
            return null;
        }
        BigDecimal stripped = yuan.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException(field + ": " + yuan.toPlainString() + " has more than two decimals; "
                    + "amounts are exact to the fen");
        }
        try {
            return stripped.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + ": " + yuan.toPlainString() + " is too large");
        }
    }

    /** The amount in yuan as written for people, e.g. {@code 1234.50}. */
    static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
