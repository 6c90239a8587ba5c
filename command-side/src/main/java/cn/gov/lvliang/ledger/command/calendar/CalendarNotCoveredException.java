package cn.gov.lvliang.ledger.command.calendar;

import java.time.LocalDate;

/**
 * A working-day computation needed a day of a year whose State Council holiday notice the ledger has not loaded.
 * Working days are never guessed for such a year, so the request cannot be served until an operator loads the notice
 * ({@code ledger.calendar.location}); the client did nothing wrong and may retry once it is loaded.
 */
public class CalendarNotCoveredException extends RuntimeException {

    private final LocalDate day;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    CalendarNotCoveredException(String message, LocalDate day, LocalDate firstDay, LocalDate lastDay) {
        super(message);
        this.day = day;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    /** The year whose notice is missing. */
    public int year() {
        return day.getYear();
    }

    /** The first day the loaded calendar covers. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day the loaded calendar covers. */
    public LocalDate lastDay() {
        return lastDay;
    }
}
