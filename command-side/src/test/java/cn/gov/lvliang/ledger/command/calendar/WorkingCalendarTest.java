package cn.gov.lvliang.ledger.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar.HolidayBlock;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar.YearSchedule;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calendar against the State Council notices 国办发明电〔2023〕7号 (2024), 〔2024〕12号 (2025) and 〔2025〕7号
 * (2026). Every expected value is worked out by hand from the notice text in the comment beside it, not read back
 * from the data file.
 */
class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.load(new ObjectMapper().findAndRegisterModules());

    // --- coverage -----------------------------------------------------------------------------------------------

    @Test
    void calendar_coversTheThreeNoticedYearsFromFirstToLastDay() {
        assertThat(CALENDAR.years()).containsExactly(2024, 2025, 2026);
        assertThat(CALENDAR.firstDay()).isEqualTo(date("2024-01-01"));
        assertThat(CALENDAR.lastDay()).isEqualTo(date("2026-12-31"));
        assertThat(CALENDAR.contentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void datesBeforeOrAfterTheCoveredYears_areRefusedNotGuessed() {
        // 2023-12-29 is an ordinary Friday and 2027-01-04 an ordinary Monday, but the 2027 notice may yet move them.
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(date("2023-12-29")))
                .isInstanceOf(CalendarNotCoveredException.class)
                .hasMessageContaining("2023-12-29")
                .hasMessageContaining("2024-01-01..2026-12-31");
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(date("2027-01-04")))
                .isInstanceOf(CalendarNotCoveredException.class)
                .hasMessageContaining("2027-01-04")
                .hasMessageContaining("2024-01-01..2026-12-31");
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(date("2023-12-29"), 1))
                .isInstanceOf(CalendarNotCoveredException.class);
        assertThatThrownBy(() -> CALENDAR.workingDaysBetween(date("2026-12-01"), date("2027-01-08")))
                .isInstanceOf(CalendarNotCoveredException.class);
    }

    @Test
    void aTimeLimitRunningPastTheLastCoveredDay_isRefused() {
        // 2026-12-31 (Thu) is the last covered day; the first working day after it depends on the 2027 notice.
        assertThat(CALENDAR.addWorkingDays(date("2026-12-30"), 1)).isEqualTo(date("2026-12-31"));
        assertThatThrownBy(() -> CALENDAR.nextWorkingDay(date("2026-12-31")))
                .isInstanceOf(CalendarNotCoveredException.class)
                .hasMessageContaining("2026-12-31")
                .hasMessageContaining("2027");
    }

    // --- ordinary days ------------------------------------------------------------------------------------------

    @Test
    void anOrdinaryWeekend_isOffAndAnOrdinaryMonday_isWorked() {
        // 2024-03-09/10 (Sat/Sun) are far from any holiday and not named as make-up days; 2024-03-11 is a Monday.
        assertThat(CALENDAR.isWorkingDay(date("2024-03-09"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2024-03-10"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2024-03-11"))).isTrue();
    }

    // --- 2024 ---------------------------------------------------------------------------------------------------

    @Test
    void springFestival2024_isOffIncludingItsWeekdays() {
        // 春节：2月10日至17日放假调休，共8天 (Sat 10th .. Sat 17th, with Mon 12th .. Fri 16th among them).
        assertThat(days("2024-02-10", "2024-02-17")).hasSize(8).noneMatch(CALENDAR::isWorkingDay);
    }

    @Test
    void springFestival2024_makeUpSundaysBeforeAndAfter_areWorkingDays() {
        // 2月4日（星期日）、2月18日（星期日）上班。
        assertThat(CALENDAR.isWorkingDay(date("2024-02-04"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2024-02-18"))).isTrue();
    }

    @Test
    void newYearsEve2024_isAnOrdinaryWorkingFriday() {
        // 除夕 (2024-02-09, Fri) is outside the block; the notice only encourages employers to give it off.
        assertThat(CALENDAR.isWorkingDay(date("2024-02-09"))).isTrue();
    }

    @Test
    void nationalDay2024_isOffFromFirstToSeventhOfOctober() {
        // 国庆节：10月1日至7日放假调休，共7天 (Tue 1st .. Mon 7th).
        assertThat(days("2024-10-01", "2024-10-07")).hasSize(7).noneMatch(CALENDAR::isWorkingDay);
        assertThat(CALENDAR.isWorkingDay(date("2024-10-08"))).isTrue();
    }

    @Test
    void nationalDay2024_makeUpSundayBeforeAndSaturdayAfter_areWorkingDays() {
        // 9月29日（星期日）、10月12日（星期六）上班。
        assertThat(CALENDAR.isWorkingDay(date("2024-09-29"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2024-10-12"))).isTrue();
    }

    // --- 2025 ---------------------------------------------------------------------------------------------------

    @Test
    void springFestival2025_isOffFromTwentyEighthOfJanuaryToFourthOfFebruary() {
        // 春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
        assertThat(days("2025-01-28", "2025-02-04")).hasSize(8).noneMatch(CALENDAR::isWorkingDay);
        assertThat(CALENDAR.isWorkingDay(date("2025-01-27"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2025-02-05"))).isTrue();
    }

    @Test
    void springFestival2025_makeUpSundayBeforeAndSaturdayAfter_areWorkingDays() {
        // 1月26日（周日）、2月8日（周六）上班。
        assertThat(CALENDAR.isWorkingDay(date("2025-01-26"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2025-02-08"))).isTrue();
    }

    @Test
    void nationalDayAndMidAutumn2025_areOneEightDayBlock() {
        // 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
        assertThat(days("2025-10-01", "2025-10-08")).hasSize(8).noneMatch(CALENDAR::isWorkingDay);
        assertThat(CALENDAR.isWorkingDay(date("2025-10-09"))).isTrue();
    }

    @Test
    void nationalDayAndMidAutumn2025_makeUpSundayBeforeAndSaturdayAfter_areWorkingDays() {
        // 9月28日（周日）、10月11日（周六）上班。
        assertThat(CALENDAR.isWorkingDay(date("2025-09-28"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2025-10-11"))).isTrue();
    }

    // --- 2026 ---------------------------------------------------------------------------------------------------

    @Test
    void newYear2026_isThreeDaysOffWithTheSundayAfterWorked() {
        // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        assertThat(days("2026-01-01", "2026-01-03")).noneMatch(CALENDAR::isWorkingDay);
        assertThat(CALENDAR.isWorkingDay(date("2026-01-04"))).isTrue();
    }

    @Test
    void springFestival2026_isNineDaysOffWithTwoMakeUpSaturdays() {
        // 春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
        // 2月14日（周六）、2月28日（周六）上班。
        assertThat(days("2026-02-15", "2026-02-23")).hasSize(9).noneMatch(CALENDAR::isWorkingDay);
        assertThat(CALENDAR.isWorkingDay(date("2026-02-14"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2026-02-28"))).isTrue();
    }

    // --- addWorkingDays / nextWorkingDay ------------------------------------------------------------------------

    @Test
    void oneWorkingDayAfterTheMondayBeforeNationalDay2024_isTheEighthOfOctober() {
        // From Mon 2024-09-30: 10-01..10-07 are off, so the first working day is Tue 10-08.
        assertThat(CALENDAR.addWorkingDays(date("2024-09-30"), 1)).isEqualTo(date("2024-10-08"));
        assertThat(CALENDAR.nextWorkingDay(date("2024-09-30"))).isEqualTo(date("2024-10-08"));
    }

    @Test
    void threeWorkingDaysAfterTheThursdayBeforeSpringFestival2024_isTheMondayAfterIt() {
        // From Thu 2024-02-08: Fri 02-09 (除夕, worked) = 1; 02-10..02-17 off; Sun 02-18 (make-up) = 2;
        // Mon 02-19 = 3.
        assertThat(CALENDAR.addWorkingDays(date("2024-02-08"), 3)).isEqualTo(date("2024-02-19"));
    }

    @Test
    void workingDaysAfterFridayBeforeSpringFestival2025_countTheMakeUpSunday() {
        // From Fri 2025-01-24: Sat 01-25 is off; Sun 01-26 (make-up) = 1; Mon 01-27 = 2; 01-28..02-04 off;
        // Wed 02-05 = 3.
        assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 1)).isEqualTo(date("2025-01-26"));
        assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 2)).isEqualTo(date("2025-01-27"));
        assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 3)).isEqualTo(date("2025-02-05"));
    }

    @Test
    void threeWorkingDaysAfterTheFridayBeforeLabourDay2024_includeTheMakeUpSunday() {
        // From Fri 2024-04-26: Sat 04-27 off; Sun 04-28 (make-up) = 1; Mon 04-29 = 2; Tue 04-30 = 3.
        assertThat(CALENDAR.addWorkingDays(date("2024-04-26"), 3)).isEqualTo(date("2024-04-30"));
    }

    @Test
    void theNextWorkingDayAfterAnOrdinaryFriday_canBeAMakeUpSunday() {
        // From Fri 2024-02-02: Sat 02-03 off; Sun 02-04 is a make-up day for 春节.
        assertThat(CALENDAR.nextWorkingDay(date("2024-02-02"))).isEqualTo(date("2024-02-04"));
    }

    @Test
    void zeroWorkingDays_isTheStartItselfOrTheNextWorkingDay() {
        // Tue 2024-10-08 is worked; 10-01 is a holiday, so the next working day 10-08; Sat 2024-03-09 gives Mon 03-11.
        assertThat(CALENDAR.addWorkingDays(date("2024-10-08"), 0)).isEqualTo(date("2024-10-08"));
        assertThat(CALENDAR.addWorkingDays(date("2024-10-01"), 0)).isEqualTo(date("2024-10-08"));
        assertThat(CALENDAR.addWorkingDays(date("2024-03-09"), 0)).isEqualTo(date("2024-03-11"));
    }

    @Test
    void aNegativeNumberOfWorkingDays_isRefused() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(date("2024-03-11"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void addWorkingDaysAndWorkingDaysBetween_agreeOnEveryCoveredDay() {
        // Checks addWorkingDays against its definition for every start and 0..40 days: the result is the first day
        // on which the count of working days after the start reaches n.
        for (LocalDate start : days("2024-01-01", "2026-12-31")) {
            int remaining = CALENDAR.workingDaysBetween(start, CALENDAR.lastDay());
            for (int n = 1; n <= Math.min(40, remaining); n++) {
                LocalDate end = CALENDAR.addWorkingDays(start, n);
                assertThat(CALENDAR.isWorkingDay(end)).as("%s + %d", start, n).isTrue();
                assertThat(CALENDAR.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
                assertThat(CALENDAR.workingDaysBetween(start, end.minusDays(1))).as("%s + %d", start, n)
                        .isEqualTo(n - 1);
            }
            LocalDate sameOrNext = CALENDAR.isWorkingDay(start) ? start
                    : remaining > 0 ? CALENDAR.nextWorkingDay(start) : null;
            if (sameOrNext != null) {
                assertThat(CALENDAR.addWorkingDays(start, 0)).as("%s + 0", start).isEqualTo(sameOrNext);
            }
        }
    }

    // --- workingDaysBetween -------------------------------------------------------------------------------------

    @Test
    void workingDaysBetween_countsSevenOverTheNationalDay2024Fortnight() {
        // (Sat 2024-09-28, Sat 2024-10-12]: Sun 09-29 (make-up) 1, Mon 09-30 2, 10-01..10-07 off,
        // Tue 10-08..Fri 10-11 3..6, Sat 10-12 (make-up) 7.
        assertThat(CALENDAR.workingDaysBetween(date("2024-09-28"), date("2024-10-12"))).isEqualTo(7);
        // (Sun 09-29, Mon 10-07]: only Mon 09-30.
        assertThat(CALENDAR.workingDaysBetween(date("2024-09-29"), date("2024-10-07"))).isEqualTo(1);
    }

    @Test
    void workingDaysBetween_countsFiveInAnOrdinaryWeek() {
        // (Sun 2024-03-10, Sun 2024-03-17]: Mon 03-11 .. Fri 03-15.
        assertThat(CALENDAR.workingDaysBetween(date("2024-03-10"), date("2024-03-17"))).isEqualTo(5);
    }

    @Test
    void workingDaysBetween_isZeroWhenTheEndIsNotAfterTheStart() {
        assertThat(CALENDAR.workingDaysBetween(date("2024-03-11"), date("2024-03-11"))).isZero();
        assertThat(CALENDAR.workingDaysBetween(date("2024-03-15"), date("2024-03-11"))).isZero();
    }

    // --- yearly totals ------------------------------------------------------------------------------------------

    @Test
    void workingDaysPerYear_matchTheTotalsWorkedOutFromTheNotices() {
        // 2024: 366 days from a Monday = 52 weeks + Mon, Tue -> 104 weekend days, 262 weekdays.
        //   Weekdays off: 元旦 1 + 春节 5 (02-12..16) + 清明 2 (04-04, 05) + 劳动节 3 (05-01..03) + 端午 1
        //   + 中秋 2 (09-16, 17) + 国庆 5 (10-01..04, 07) = 19. Make-up days: 8. 262 - 19 + 8 = 251.
        // 2025: 365 days from a Wednesday -> 104 weekend days, 261 weekdays.
        //   Weekdays off: 元旦 1 + 春节 6 (01-28..31, 02-03, 04) + 清明 1 + 劳动节 3 (05-01, 02, 05) + 端午 1 (06-02)
        //   + 国庆·中秋 6 (10-01..03, 06..08) = 18. Make-up days: 5. 261 - 18 + 5 = 248.
        //   (Not 250: 250 is the old statutory standard 365 - 104 - 11 from 劳社部发〔2008〕3号, not a calendar count;
        //   with the two statutory days added in 2025 the standard is 248 too.)
        // 2026: 365 days from a Thursday -> 104 weekend days, 261 weekdays.
        //   Weekdays off: 元旦 2 (01-01, 02) + 春节 6 (02-16..20, 23) + 清明 1 (04-06) + 劳动节 3 (05-01, 04, 05)
        //   + 端午 1 (06-19) + 中秋 1 (09-25) + 国庆 5 (10-01, 02, 05..07) = 19. Make-up days: 6. 261 - 19 + 6 = 248.
        assertYear(2024, 19, 8, 251);
        assertYear(2025, 18, 5, 248);
        assertYear(2026, 19, 6, 248);
    }

    private static void assertYear(int year, int weekdaysOff, int weekendDaysWorked, int workingDays) {
        List<LocalDate> days = days(year + "-01-01", year + "-12-31");
        assertThat(days.stream().filter(day -> !isWeekend(day) && !CALENDAR.isWorkingDay(day)))
                .as("weekdays off in %d", year).hasSize(weekdaysOff);
        assertThat(days.stream().filter(day -> isWeekend(day) && CALENDAR.isWorkingDay(day)))
                .as("make-up days in %d", year).hasSize(weekendDaysWorked);
        assertThat(days.stream().filter(CALENDAR::isWorkingDay)).as("working days in %d", year).hasSize(workingDays);
    }

    // --- time zone ----------------------------------------------------------------------------------------------

    @Test
    void aBusinessDayEndsAtMidnightBeijingTime() {
        // Beijing is UTC+8 all year (no daylight saving), so 2024-10-08 ends at 2024-10-08T16:00Z.
        assertThat(CALENDAR.endOf(date("2024-10-08"))).isEqualTo(Instant.parse("2024-10-08T16:00:00Z"));
        assertThat(CALENDAR.dateOf(Instant.parse("2024-10-08T15:59:59Z"))).isEqualTo(date("2024-10-08"));
        assertThat(CALENDAR.dateOf(Instant.parse("2024-10-08T16:00:00Z"))).isEqualTo(date("2024-10-09"));
    }

    // --- validation of the data ---------------------------------------------------------------------------------

    @Test
    void aMakeUpWorkdayOnAWeekday_isRefused() {
        // 2024-02-05 is a Monday, which is worked anyway: listing it means the transcription slipped.
        assertThatThrownBy(() -> calendarOf(year(2024, List.of(), List.of(date("2024-02-05")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-02-05");
    }

    @Test
    void aMakeUpWorkdayInsideAHolidayBlock_isRefused() {
        HolidayBlock springFestival = new HolidayBlock("春节", date("2024-02-10"), date("2024-02-17"));
        assertThatThrownBy(() -> calendarOf(year(2024, List.of(springFestival), List.of(date("2024-02-11")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-02-11");
    }

    @Test
    void overlappingHolidayBlocks_areRefused() {
        HolidayBlock midAutumn = new HolidayBlock("中秋节", date("2024-09-15"), date("2024-10-01"));
        HolidayBlock nationalDay = new HolidayBlock("国庆节", date("2024-10-01"), date("2024-10-07"));
        assertThatThrownBy(() -> calendarOf(year(2024, List.of(nationalDay, midAutumn), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void yearsWithAGap_areRefused() {
        assertThatThrownBy(() -> calendarOf(year(2024, List.of(), List.of()), year(2026, List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024")
                .hasMessageContaining("2026");
    }

    @Test
    void aHolidayBlockOutsideTheCoveredYears_isRefused() {
        // A 2025 元旦 block starting on 2024-12-31 is fine only if 2024 is loaded too.
        HolidayBlock newYear = new HolidayBlock("元旦", date("2024-12-31"), date("2025-01-01"));
        assertThatThrownBy(() -> calendarOf(year(2025, List.of(newYear), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("元旦");
        assertThat(calendarOf(year(2024, List.of(), List.of()), year(2025, List.of(newYear), List.of()))
                .isWorkingDay(date("2024-12-31"))).isFalse();
    }

    private static WorkingCalendar calendarOf(YearSchedule... years) {
        return WorkingCalendar.of(List.of(years), "test");
    }

    private static YearSchedule year(int year, List<HolidayBlock> holidays, List<LocalDate> makeUpWorkdays) {
        return new YearSchedule(year, "test", null, "test", holidays, makeUpWorkdays);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> days(String fromInclusive, String toInclusive) {
        return date(fromInclusive).datesUntil(date(toInclusive).plusDays(1)).toList();
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
