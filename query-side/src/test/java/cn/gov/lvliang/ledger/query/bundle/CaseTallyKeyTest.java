package cn.gov.lvliang.ledger.query.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.bundle.CaseTally.Key;
import cn.gov.lvliang.ledger.query.bundle.CaseTally.Measure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which writers take the tally rows' locks: the table's primary key order, column by column. */
class CaseTallyKeyTest {

    static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

    @Test
    void keys_sortByMeasure_division_leadUnit_month_key_andCatalogVersion_inThatOrder() {
        List<Key> ordered = List.of(
                new Key(Measure.CASES, "141102", "A", MARCH, "", 0),
                new Key(Measure.STATUS, "*", "*", MARCH, "ACCEPTED", 0),
                new Key(Measure.STATUS, "141102", "", MARCH, "ACCEPTED", 0),
                new Key(Measure.STATUS, "141102", "*", MARCH, "ACCEPTED", 0),
                new Key(Measure.STATUS, "141102", "A", MARCH, "SUBMITTED", 0),
                new Key(Measure.STATUS, "141102", "A", MARCH.plusMonths(1), "ACCEPTED", 0),
                new Key(Measure.BUNDLE, "141102", "A", MARCH, "B01", 1),
                new Key(Measure.BUNDLE, "141102", "A", MARCH, "B01", 2),
                new Key(Measure.BUNDLE, "141102", "A", MARCH, "B02", 1));
        List<Key> sorted = new ArrayList<>(ordered);
        Collections.reverse(sorted);
        Collections.sort(sorted);

        assertThat(sorted).containsExactly(ordered.get(0), ordered.get(1), ordered.get(2), ordered.get(3),
                ordered.get(4), ordered.get(5), ordered.get(6), ordered.get(7), ordered.get(8));
        assertThat(new Key(Measure.CASES, "141102", "A", MARCH, "", 0))
                .isEqualByComparingTo(new Key(Measure.CASES, "141102", "A", MARCH, "", 0));
    }
}
