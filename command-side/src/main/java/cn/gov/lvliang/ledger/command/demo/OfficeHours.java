package cn.gov.lvliang.ledger.command.demo;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * Office hours in Lvliang, Beijing time, in which the demo's staff act: a morning session 08:30–11:50 and an
 * afternoon session 14:30–17:20, on working days.
 */
final class OfficeHours {

    /** One session, in minutes of the day, both ends included. */
    private record Session(int from, int to) {
    }

    static final int MORNING_FROM = 8 * 60 + 30;
    static final int MORNING_TO = 11 * 60 + 50;
    static final int AFTERNOON_FROM = 14 * 60 + 30;
    static final int AFTERNOON_TO = 17 * 60 + 20;

    private static final List<Session> SESSIONS = List.of(new Session(MORNING_FROM, MORNING_TO),
            new Session(AFTERNOON_FROM, AFTERNOON_TO));

    private OfficeHours() {
    }

    /** A minute of office hours at or after {@code notBefore}, at random; -1 when the day's office hours are over. */
    static int minuteAtOrAfter(int notBefore, Random random) {
        int morningFrom = Math.max(MORNING_FROM, notBefore);
        int afternoonFrom = Math.max(AFTERNOON_FROM, notBefore);
        int morning = Math.max(0, MORNING_TO - morningFrom + 1);
        int afternoon = Math.max(0, AFTERNOON_TO - afternoonFrom + 1);
        if (morning + afternoon == 0) {
            return -1;
        }
        int roll = random.nextInt(morning + afternoon);
        return roll < morning ? morningFrom + roll : afternoonFrom + roll - morning;
    }

    /** A moment in office hours on the working day on or after {@code date}, at random. */
    static Instant someMomentOn(LocalDate date, WorkingCalendar calendar, Random random) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return at(day, minuteAtOrAfter(0, random));
    }

    /** The moment {@code minute} minutes into {@code day}, Beijing time. */
    static Instant at(LocalDate day, int minute) {
        return day.atTime(minute / 60, minute % 60).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /**
     * The moment {@code minutes} minutes of office hours after {@code from}, to the minute: evenings, the lunch break
     * and days off do not count. Days after the calendar's last count as working days.
     */
    static Instant afterOfficeMinutes(Instant from, long minutes, WorkingCalendar calendar) {
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
