package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Asks for one page of the risk-clue ledger. Every filter is optional ({@code null}, or an empty set) and they
 * combine with AND; a set matches any of its values.
 *
 * @param divisionCode the county-level division the clue concerns
 * @param sources      any of these sources
 * @param keyAreas     any of these key areas
 * @param outcomes     any of these verification outcomes
 * @param statuses     any of these statuses
 * @param overdue      whether a verification ever passed its due date
 * @param from         recorded on or after this day (Beijing time)
 * @param to           recorded on or before this day (Beijing time)
 * @param text         the subject's name or the summary contains this, ignoring case
 * @param sort         the sort key
 * @param direction    the sort direction
 * @param page         the page, from 0
 * @param size         clues per page; 0 asks for the total alone (the boards count this way)
 */
public record ListRiskCluesQuery(
        String divisionCode,
        Set<ClueSource> sources,
        Set<KeyArea> keyAreas,
        Set<VerificationOutcome> outcomes,
        Set<ClueStatus> statuses,
        Boolean overdue,
        LocalDate from,
        LocalDate to,
        String text,
        Sort sort,
        SortDirection direction,
        int page,
        int size) {

    public ListRiskCluesQuery {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        keyAreas = keyAreas == null ? Set.of() : Set.copyOf(keyAreas);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** What the ledger can be sorted by; the projection maps each to a fixed ORDER BY. */
    public enum Sort {
        RECORDED_AT("recordedAt"),
        DUE_DATE("dueDate"),
        ESTIMATED_AMOUNT("estimatedAmount"),
        STATUS("status");

        static final String ALLOWED = "recordedAt, dueDate, estimatedAmount, status";

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        static Optional<Sort> ofParameter(String value) {
            return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
        }
    }
}
