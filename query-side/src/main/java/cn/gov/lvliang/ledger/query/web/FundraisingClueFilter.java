package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.fundraising.ClueStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The clues a figure of the board counts, as the filters of {@code GET /api/fundraising/clues} select them, under the
 * same names: the clue list page and its export show exactly these clues, and the API's {@code total} for the same
 * parameters is the figure. Every part is optional; they combine with AND, a set matches any of its values.
 *
 * @param division the county the clue concerns
 * @param sources  any of these sources
 * @param keyAreas any of these key areas
 * @param outcomes any of these verification outcomes
 * @param statuses any of these statuses (now)
 * @param overdue  whether a verification of the clue ever passed its due date
 * @param from     recorded on or after this day (Beijing time)
 * @param to       recorded on or before this day
 * @param q        the subject's name or the summary contains this
 */
public record FundraisingClueFilter(
        String division,
        Set<ClueSource> sources,
        Set<KeyArea> keyAreas,
        Set<VerificationOutcome> outcomes,
        Set<ClueStatus> statuses,
        Boolean overdue,
        LocalDate from,
        LocalDate to,
        String q) {

    /** The longest search text the API takes. */
    static final int MAX_TEXT = 100;

    public FundraisingClueFilter {
        division = FundraisingFilter.division(division);
        q = FundraisingFilter.blankToNull(q);
        sources = ordered(ClueSource.class, sources);
        keyAreas = ordered(KeyArea.class, keyAreas);
        outcomes = ordered(VerificationOutcome.class, outcomes);
        statuses = ordered(ClueStatus.class, statuses);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to (" + from + " > " + to + ")");
        }
        if (q != null && q.length() > MAX_TEXT) {
            throw new IllegalArgumentException("q must be at most " + MAX_TEXT + " characters");
        }
    }

    /** The clues recorded in the board's period, in its county. */
    public static FundraisingClueFilter recordedIn(FundraisingFilter filter) {
        return new FundraisingClueFilter(filter.division(), null, null, null, null, null, filter.from(), filter.to(),
                null);
    }

    public FundraisingClueFilter withDivision(String code) {
        return new FundraisingClueFilter(code, sources, keyAreas, outcomes, statuses, overdue, from, to, q);
    }

    public FundraisingClueFilter withSources(ClueSource... values) {
        return new FundraisingClueFilter(division, Set.of(values), keyAreas, outcomes, statuses, overdue, from, to, q);
    }

    public FundraisingClueFilter withKeyAreas(KeyArea... values) {
        return new FundraisingClueFilter(division, sources, Set.of(values), outcomes, statuses, overdue, from, to, q);
    }

    public FundraisingClueFilter withOutcomes(VerificationOutcome... values) {
        return new FundraisingClueFilter(division, sources, keyAreas, Set.of(values), statuses, overdue, from, to, q);
    }

    public FundraisingClueFilter withStatuses(ClueStatus... values) {
        return new FundraisingClueFilter(division, sources, keyAreas, outcomes, Set.of(values), overdue, from, to, q);
    }

    public FundraisingClueFilter withOverdue(Boolean value) {
        return new FundraisingClueFilter(division, sources, keyAreas, outcomes, statuses, value, from, to, q);
    }

    public FundraisingClueFilter withPeriod(LocalDate first, LocalDate last) {
        return new FundraisingClueFilter(division, sources, keyAreas, outcomes, statuses, overdue, first, last, q);
    }

    public FundraisingClueFilter withQ(String text) {
        return new FundraisingClueFilter(division, sources, keyAreas, outcomes, statuses, overdue, from, to, text);
    }

    /** An unmodifiable set that iterates in the constants' order, so that links are the same for the same filter. */
    static <E extends Enum<E>> Set<E> ordered(Class<E> type, Collection<E> values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }
}
