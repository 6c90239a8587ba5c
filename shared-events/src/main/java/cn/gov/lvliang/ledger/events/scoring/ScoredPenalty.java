package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One deduction as a score card froze it.
 *
 * @param code    the rubric's code for it
 * @param caseIds the cases it counted
 * @param points  the points deducted (not negative)
 */
public record ScoredPenalty(String code, List<String> caseIds, BigDecimal points) {

    public ScoredPenalty {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    }
}
