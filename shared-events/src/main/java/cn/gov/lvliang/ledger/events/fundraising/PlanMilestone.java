package cn.gov.lvliang.ledger.events.fundraising;

import java.time.LocalDate;

/**
 * A milestone of an adopted disposal plan.
 *
 * @param seq its number in the plan, from 1
 * @param name what is to be achieved
 * @param dueDate by when
 */
public record PlanMilestone(
        int seq,
        String name,
        LocalDate dueDate) {
}
