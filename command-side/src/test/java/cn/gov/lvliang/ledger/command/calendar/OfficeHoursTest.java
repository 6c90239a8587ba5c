package cn.gov.lvliang.ledger.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Time in Lvliang's offices: only the two sessions of a working day count. */
class OfficeHoursTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.load(new ObjectMapper().findAndRegisterModules());

    @Test
    void minutesWithinASession_countAsTheyAre() {
        assertThat(after("2025-03-04T09:00", 45)).isEqualTo("2025-03-04T09:45");
        assertThat(after("2025-03-04T11:30", 20)).as("up to the session's end").isEqualTo("2025-03-04T11:50");
    }

    @Test
    void theLunchBreakAndTheEvening_doNotCount() {
        assertThat(after("2025-03-04T11:30", 50)).isEqualTo("2025-03-04T15:00");
        assertThat(after("2025-03-04T17:00", 60)).isEqualTo("2025-03-05T09:10");
        assertThat(after("2025-03-04T20:15", 30)).as("from the evening").isEqualTo("2025-03-05T09:00");
        assertThat(after("2025-03-04T06:00", 30)).as("from early morning").isEqualTo("2025-03-04T09:00");
    }

    @Test
    void holidaysAndWeekendsAreSkipped_andAMakeUpSaturdayIsWorked() {
        // National Day 2024: 1-7 October off, Saturday 12 October worked in their place.
        assertThat(after("2024-09-30T17:00", 60)).isEqualTo("2024-10-08T09:10");
        assertThat(after("2024-10-11T17:10", 30)).isEqualTo("2024-10-12T08:50");
        assertThat(after("2025-03-07T17:00", 30)).as("Friday to Monday").isEqualTo("2025-03-10T08:40");
    }

    @Test
    void aRandomMoment_liesInASessionOfAWorkingDay() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            Instant moment = OfficeHours.someMomentOn(LocalDate.of(2024, 10, 1), CALENDAR, random);
            LocalDateTime local = LocalDateTime.ofInstant(moment, WorkingCalendar.ZONE);
            assertThat(local.toLocalDate()).isEqualTo(LocalDate.of(2024, 10, 8));
            LocalTime time = local.toLocalTime();
            assertThat(time.isBefore(LocalTime.of(8, 30)) || time.isAfter(LocalTime.of(17, 20))
                    || time.isAfter(LocalTime.of(11, 50)) && time.isBefore(LocalTime.of(14, 30)))
                    .as("%s outside the sessions", time).isFalse();
        }
    }

    private static String after(String beijing, long minutes) {
        Instant from = LocalDateTime.parse(beijing).atZone(WorkingCalendar.ZONE).toInstant();
        return LocalDateTime.ofInstant(OfficeHours.afterOfficeMinutes(from, minutes, CALENDAR), WorkingCalendar.ZONE)
                .toString();
    }
}
