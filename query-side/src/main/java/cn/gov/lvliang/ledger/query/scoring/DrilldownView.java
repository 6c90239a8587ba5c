package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import java.util.List;

/**
 * One indicator of a subject's score, down to what it counted.
 *
 * @param score      the subject's score
 * @param indicator  the indicator as scored
 * @param definition the indicator as the rubric defines it
 * @param items      every case, complaint, bundle, clue or petition behind its two figures
 */
public record DrilldownView(SubjectScore score, IndicatorScore indicator, RubricIndicator definition,
                            List<CountedItem> items) {

    public DrilldownView {
        items = List.copyOf(items);
    }
}
