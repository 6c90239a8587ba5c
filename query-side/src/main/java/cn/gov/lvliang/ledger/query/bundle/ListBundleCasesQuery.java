package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Asks for one page of bundle cases. Every filter is optional ({@code null}, or an empty set of statuses) and they
 * combine with AND.
 *
 * @param divisionCode the division handling the case
 * @param bundleCode   the bundle
 * @param leadUnit     the code of the bundle's lead unit
 * @param statuses     any of these statuses
 * @param channel      how the application arrived
 * @param overdue      overdue or not
 * @param atRisk       at risk (as of today in Beijing time) or not
 * @param from         submitted on or after this day (Beijing time)
 * @param to           submitted on or before this day (Beijing time)
 * @param sort         the sort key
 * @param direction    the sort direction
 * @param page         the page, from 0
 * @param size         cases per page
 * @param knownTotal   how many cases the filters select, where the asker counted them already in the same
 *                     transaction (the dashboard's summary counts the overdue cases and those at risk); the list then
 *                     does not count them again. Null: the list counts them.
 */
record ListBundleCasesQuery(
        String divisionCode,
        String bundleCode,
        String leadUnit,
        Set<CaseStatus> statuses,
        Channel channel,
        Boolean overdue,
        Boolean atRisk,
        LocalDate from,
        LocalDate to,
        Sort sort,
        Direction direction,
        int page,
        int size,
        Long knownTotal) {

    ListBundleCasesQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** What the list can be sorted by; the projection maps each to a fixed ORDER BY. */
    enum Sort {
        SUBMITTED_AT("submittedAt"),
        DUE_DATE("dueDate"),
        STATUS("status");

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        static Optional<Sort> ofParameter(String value) {
            return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
        }
    }

    enum Direction {
        ASC, DESC
    }
}
