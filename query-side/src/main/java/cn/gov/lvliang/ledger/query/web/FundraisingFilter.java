package cn.gov.lvliang.ledger.query.web;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the fundraising board and its statistics pages are cut to: one county-level division (or the whole city) and
 * a period of business dates, both ends included, as the fundraising query API means them ({@code division},
 * {@code from}, {@code to}). Unlike the API's parameters, the period is always set: a board without one shows the
 * campaign so far (see {@link FundraisingQueries#resolve}).
 *
 * @param division the county (GB/T 2260 code), or null for the whole city
 * @param from     the first day of the period (Beijing time)
 * @param to       the last day, included
 */
public record FundraisingFilter(String division, LocalDate from, LocalDate to) {

    /** A GB/T 2260 county-level code (141102) or the development zone's (1411KF), as the API accepts them. */
    static final Pattern DIVISION = Pattern.compile("[0-9]{4}[0-9A-Z]{2}");

    public FundraisingFilter {
        division = division(division);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to (" + from + " > " + to + ")");
        }
    }

    public FundraisingFilter withDivision(String code) {
        return new FundraisingFilter(code, from, to);
    }

    public FundraisingFilter withPeriod(LocalDate first, LocalDate last) {
        return new FundraisingFilter(division, first, last);
    }

    /** A county code as the API accepts it, or null for the whole city; anything else is a bad request. */
    static String division(String value) {
        String division = blankToNull(value);
        if (division != null && !DIVISION.matcher(division).matches()) {
            throw new IllegalArgumentException("division must be a county-level division code such as 141102, was "
                    + division);
        }
        return division;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
