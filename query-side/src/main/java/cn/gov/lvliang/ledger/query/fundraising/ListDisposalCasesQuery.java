package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Asks for one page of disposal cases. Every filter is optional ({@code null}, or an empty set) and they combine with
 * AND; a set matches any of its values.
 *
 * @param divisionCode  the county-level division that handles the case
 * @param statuses      any of these statuses
 * @param level         determined at this level
 * @param outcome       determined with this outcome
 * @param legacy        a legacy case or not
 * @param crossProvince reaching into other provinces or not
 * @param measureKind   has at least one measure of this kind
 * @param transferred   with the police (transferred, or a legacy case) or not
 * @param escalated     escalated to the city or not
 * @param keyArea       in this key area
 * @param from          opened (or imported) on or after this day (Beijing time)
 * @param to            opened (or imported) on or before this day (Beijing time)
 * @param text          the case's or the subject's name contains this, ignoring case
 * @param sort          the sort key
 * @param direction     the sort direction
 * @param page          the page, from 0
 * @param size          cases per page; 0 asks for the total alone (the boards count this way)
 */
public record ListDisposalCasesQuery(
        String divisionCode,
        Set<DisposalCaseStatus> statuses,
        DeterminationLevel level,
        DeterminationOutcome outcome,
        Boolean legacy,
        Boolean crossProvince,
        MeasureKind measureKind,
        Boolean transferred,
        Boolean escalated,
        KeyArea keyArea,
        LocalDate from,
        LocalDate to,
        String text,
        Sort sort,
        SortDirection direction,
        int page,
        int size) {

    public ListDisposalCasesQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** What the list can be sorted by; the projection maps each to a fixed ORDER BY. */
    public enum Sort {
        OPENED_AT("openedAt"),
        ESTIMATED_AMOUNT("estimatedAmount"),
        RECOVERED("recovered"),
        STATUS("status");

        static final String ALLOWED = "openedAt, estimatedAmount, recovered, status";

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        static Optional<Sort> ofParameter(String value) {
            return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
        }
    }
}
