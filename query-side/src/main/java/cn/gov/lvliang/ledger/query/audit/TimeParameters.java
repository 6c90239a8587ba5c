package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants in request parameters: {@code 2025-03-03T01:30:00Z} or {@code 2025-03-03T09:30:00+08:00}. */
final class TimeParameters {

    private static final String EXPECTED = "; expected an instant such as 2025-03-03T01:30:00Z or "
            + "2025-03-03T09:30:00+08:00";

    private TimeParameters() {
    }

    /** The instant, or {@code null} for an absent parameter. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "has an invalid value '" + value + "'" + EXPECTED);
        }
    }

    /** The start of a range: an instant, or a day (Beijing time) meaning its first instant. */
    static Instant from(String name, String value) {
        LocalDate day = day(value);
        return day != null ? BusinessDay.startOf(day) : instant(name, value);
    }

    /** The end of a range, inclusive: an instant, or a day (Beijing time) meaning all of it. */
    static Instant to(String name, String value) {
        LocalDate day = day(value);
        return day != null ? BusinessDay.startOf(day.plusDays(1)).minusNanos(1) : instant(name, value);
    }

    private static LocalDate day(String value) {
        if (value == null || value.trim().length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
