package cn.gov.lvliang.ledger.command.calendar;

import java.time.Instant;
import java.time.LocalTime;

/**
 * Whether a moment lies in office hours, 08:30–11:50 or 14:30–17:20 Beijing on a working day, for the tests of
 * what acts in them. It spells the hours out rather than asking {@link OfficeHours}, which it checks.
 */
public final class OfficeHoursCheck {

    private OfficeHoursCheck() {
    }

    public static boolean inOfficeHours(Instant at, WorkingCalendar calendar) {
        LocalTime time = LocalTime.ofInstant(at, WorkingCalendar.ZONE);
        boolean inASession = !time.isBefore(LocalTime.of(8, 30)) && !time.isAfter(LocalTime.of(11, 50))
                || !time.isBefore(LocalTime.of(14, 30)) && !time.isAfter(LocalTime.of(17, 20));
        return inASession && calendar.isWorkingDay(calendar.dateOf(at));
    }
}
