package cn.gov.lvliang.ledger.command.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * Office hours in Lvliang, Beijing time: a morning session 08:30–11:50 and an afternoon session 14:30–17:20, on
 * working days. The staff of the demo data and of the generator for scale act in them.
 */
public final class OfficeHours {

    /** One session, in minutes of the day, both ends included. */
    private record Session(int from, int to) {

        /** The minutes of the session at or after {@code notBefore}. */
        int minutesFrom(int notBefore) {
            return Math.max(0, to - Math.max(from, notBefore) + 1);
        }
    }

    private static final List<Session> SESSIONS = List.of(new Session(8 * 60 + 30, 11 * 60 + 50),
            new Session(14 * 60 + 30, 17 * 60 + 20));

    /** The minutes of office hours in a working day, as {@link #afterOfficeMinutes} counts them. */
    public static final int MINUTES_A_DAY = SESSIONS.stream()
            .mapToInt(session -> session.to() - session.from()).sum();

    private OfficeHours() {
    }

    /** A minute of office hours at or after {@code notBefore}, at random; -1 when the day's office hours are over. */
    public static int minuteAtOrAfter(int notBefore, Random random) {
        int minutes = SESSIONS.stream().mapToInt(session -> session.minutesFrom(notBefore)).sum();
        if (minutes == 0) {
            return -1;
        }
        int roll = random.nextInt(minutes);
        for (Session session : SESSIONS) {
            int room = session.minutesFrom(notBefore);
            if (roll < room) {
                return Math.max(session.from(), notBefore) + roll;
            }
            roll -= room;
        }
        throw new AssertionError("a roll below the sum of the sessions' minutes falls in one of them");
    }

    /** When the office closes on {@code day}: the end of its last session. */
    public static Instant closingOf(LocalDate day) {
        return at(day, SESSIONS.get(SESSIONS.size() - 1).to());
    }

    /** A moment in office hours on the working day on or after {@code date}, at random. */
    public static Instant someMomentOn(LocalDate date, WorkingCalendar calendar, Random random) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return at(day, minuteAtOrAfter(0, random));
    }

    /** The moment {@code minute} minutes into {@code day}, Beijing time. */
    public static Instant at(LocalDate day, int minute) {
        return day.atTime(minute / 60, minute % 60).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /**
     * The moment {@code minutes} minutes of office hours after {@code from}, to the minute: evenings, the lunch break
     * and days off do not count. Days after the calendar's last count as working days.
     */
    public static Instant afterOfficeMinutes(Instant from, long minutes, WorkingCalendar calendar) {
        LocalDate day = calendar.dateOf(from);
        LocalTime time = LocalTime.ofInstant(from, WorkingCalendar.ZONE);
        int minute = time.getHour() * 60 + time.getMinute();
        long left = minutes;
        while (true) {
            if (day.isAfter(calendar.lastDay()) || calendar.isWorkingDay(day)) {
                for (Session session : SESSIONS) {
                    int start = Math.max(session.from(), minute);
                    int room = session.to() - start;
                    if (room >= left) {
                        return at(day, start + (int) left);
                    }
                    left -= Math.max(0, room);
                }
            }
            day = day.plusDays(1);
            minute = 0;
        }
    }
}
