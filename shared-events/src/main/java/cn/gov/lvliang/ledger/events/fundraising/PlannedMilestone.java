package cn.gov.lvliang.ledger.events.fundraising;

import java.time.LocalDate;

/**
 * A milestone of a disposal plan as proposed (路线图的一个节点).
 *
 * @param name what is to be achieved, e.g. 完成资产审计
 * @param dueDate by when
 */
public record PlannedMilestone(
        String name,
        LocalDate dueDate) {
}
