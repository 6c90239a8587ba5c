package cn.gov.lvliang.ledger.query.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator's measure for one subject and period: its value with the two figures it divides, and what it counted.
 *
 * @param value       the value, rounded as the measure's unit says; {@code null} when there is nothing to count
 * @param numerator   what was counted (cases on time, the sum of ratings, yuan recovered, …)
 * @param denominator what it is counted against (cases concluded, ratings given, yuan involved, …)
 * @param items       the items behind the two figures
 */
public record MeasuredValue(BigDecimal value, BigDecimal numerator, BigDecimal denominator, List<CountedItem> items) {

    public MeasuredValue {
        items = List.copyOf(items);
    }

    /** Whether the measure had anything to count. */
    public boolean applicable() {
        return value != null;
    }
}
