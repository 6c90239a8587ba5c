package cn.gov.lvliang.ledger.events.bundle;

import java.time.LocalDate;

/**
 * The due date of one item.
 *
 * @param itemSeq the item
 * @param dueDate its due date
 */
public record ItemDeadline(int itemSeq, LocalDate dueDate) {
}
