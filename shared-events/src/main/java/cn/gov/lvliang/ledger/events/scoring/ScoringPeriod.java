package cn.gov.lvliang.ledger.events.scoring;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An assessment period of business dates in Lvliang: a month, quarter, half-year or year, both ends included. Its
 * {@link #code()} ({@code 2025-03}, {@code 2025-Q1}, {@code 2025-H1}, {@code 2025}) is how events, links and the API
 * name it.
 *
 * @param kind   the period's length
 * @param year   the calendar year
 * @param number the month (1–12), quarter (1–4) or half (1–2); 1 for a year
 */
public record ScoringPeriod(PeriodKind kind, int year, int number) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])|H([12])))?");

    public ScoringPeriod {
        if (kind == null) {
            throw new IllegalArgumentException("period: a kind is needed");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("period: year " + year + " is out of range");
        }
        int most = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
        if (number < 1 || number > most) {
            throw new IllegalArgumentException("period: " + kind + " number " + number + " is out of range");
        }
    }

    /**
     * The period a code names.
     *
     * @throws IllegalArgumentException naming {@code period} for a code that names none
     */
    public static ScoringPeriod parse(String code) {
        Matcher match = CODE.matcher(code == null ? "" : code.trim());
        if (!match.matches()) {
            throw new IllegalArgumentException("period: '" + code + "' is not a period; write 2025, 2025-H1, 2025-Q1 "
                    + "or 2025-03");
        }
        int year = Integer.parseInt(match.group(1));
        if (match.group(2) != null) {
            return new ScoringPeriod(PeriodKind.MONTH, year, Integer.parseInt(match.group(2)));
        }
        if (match.group(3) != null) {
            return new ScoringPeriod(PeriodKind.QUARTER, year, Integer.parseInt(match.group(3)));
        }
        if (match.group(4) != null) {
            return new ScoringPeriod(PeriodKind.HALF_YEAR, year, Integer.parseInt(match.group(4)));
        }
        return new ScoringPeriod(PeriodKind.YEAR, year, 1);
    }

    /** The first day. */
    public LocalDate from() {
        int firstMonth = switch (kind) {
            case MONTH -> number;
            case QUARTER -> (number - 1) * 3 + 1;
            case HALF_YEAR -> (number - 1) * 6 + 1;
            case YEAR -> 1;
        };
        return LocalDate.of(year, firstMonth, 1);
    }

    /** The last day. */
    public LocalDate to() {
        int months = switch (kind) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
        };
        return from().plusMonths(months).minusDays(1);
    }

    /** How events, links and the API name the period. */
    public String code() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, number);
            case QUARTER -> year + "-Q" + number;
            case HALF_YEAR -> year + "-H" + number;
            case YEAR -> String.valueOf(year);
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
