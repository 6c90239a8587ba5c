package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks the fundraising endpoints share; each failure is a 400 naming the parameter. */
final class FundraisingParameters {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_TEXT_LENGTH = 100;

    /** A GB/T 2260 county-level code (141102) or the development zone's (1411KF). */
    private static final Pattern DIVISION = Pattern.compile("[0-9]{4}[0-9A-Z]{2}");

    private FundraisingParameters() {
    }

    /** The county a request is cut to, or {@code null} for the whole city. */
    static String division(String value) {
        String division = blankToNull(value);
        if (division != null && !DIVISION.matcher(division).matches()) {
            throw new InvalidParameterException("division", "has an invalid value '" + division
                    + "'; expected a county-level division code such as 141102, or nothing for the whole city");
        }
        return division;
    }

    static void paging(int page, int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
    }

    static void period(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after to (" + from + " > " + to + ")");
        }
    }

    /** A text to search for, or {@code null}. */
    static String text(String value) {
        String text = blankToNull(value);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException("q", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    /** An empty {@code status=} converts to a null element, which filters nothing. */
    static <E extends Enum<E>> Set<E> set(Class<E> type, Collection<E> values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
