package cn.gov.lvliang.ledger.events.fundraising;

import java.time.LocalDate;
import java.util.List;

/**
 * A date by which the counties report to the city government office (信息报送).
 *
 * @param code a stable code, e.g. {@code WORK_PLAN}
 * @param name what is due
 * @param dueDate the last day it is on time
 * @param coversFrom the first day of the period it reports on, or {@code null}
 * @param coversTo the last day of the period it reports on, or {@code null}
 * @param recipientUnit the code of the unit it goes to
 * @param datePrinted {@code true} when the plan prints the date, {@code false} when the ledger chose it (see
 *                    docs/fundraising.md)
 * @param tables the attachment numbers of the statistical tables that go with it
 */
public record ReportingDeadline(
        String code,
        String name,
        LocalDate dueDate,
        LocalDate coversFrom,
        LocalDate coversTo,
        String recipientUnit,
        boolean datePrinted,
        List<Integer> tables) {

    public ReportingDeadline {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
