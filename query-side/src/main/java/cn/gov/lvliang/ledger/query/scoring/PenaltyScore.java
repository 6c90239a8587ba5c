package cn.gov.lvliang.ledger.query.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A deduction of a score.
 *
 * @param code    the rubric's code for it
 * @param name    its name
 * @param caseIds the cases it counted
 * @param points  the points deducted (not negative), at most the rubric's maximum
 */
public record PenaltyScore(String code, String name, List<String> caseIds, BigDecimal points) {

    public PenaltyScore {
        caseIds = List.copyOf(caseIds);
    }
}
