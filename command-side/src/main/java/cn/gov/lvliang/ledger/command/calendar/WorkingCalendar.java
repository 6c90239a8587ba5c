package cn.gov.lvliang.ledger.command.calendar;

import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The official PRC working-day calendar (工作日) that statutory time limits are counted in: Monday to Friday are
 * working days unless they fall in a public-holiday block, and a Saturday or Sunday is a working day only when the
 * State Council's notice makes it a make-up working day (调休上班).
 *
 * <p>The calendar knows only the years whose notices it was loaded with. Every method that depends on whether a day
 * is worked refuses a date outside {@link #firstDay()}..{@link #lastDay()} with a {@link CalendarNotCoveredException}
 * instead of guessing: a weekday-only guess would be wrong on every holiday weekday and make-up day of a year
 * whose notice is not loaded. Operators load a newly published notice without a release through
 * {@code ledger.calendar.location}.
 *
 * <p>Instances are immutable and safe to share between threads: the working days are computed once in the
 * constructor and never change afterwards.
 */
public final class WorkingCalendar {

    /** The business time zone: a {@link LocalDate} in this class is a calendar day in Lvliang. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The calendar shipped with the command side. */
    public static final String RESOURCE = "calendar/cn-official-calendar.json";

    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int dayCount;
    /** Bit {@code i} is set when {@code firstDay + i days} is a working day; never modified after construction. */
    private final BitSet workingDays;
    private final List<Integer> years;
    private final String contentHash;

    private WorkingCalendar(List<YearSchedule> schedules, String contentHash) {
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
        List<YearSchedule> sorted = sortedContiguous(schedules);
        this.years = sorted.stream().map(YearSchedule::year).toList();
        this.firstDay = LocalDate.of(years.get(0), 1, 1);
        this.lastDay = LocalDate.of(years.get(years.size() - 1), 12, 31);
        this.dayCount = Math.toIntExact(ChronoUnit.DAYS.between(firstDay, lastDay) + 1);
        this.workingDays = computeWorkingDays(sorted);
    }

    /**
     * Loads the calendar shipped on the classpath as {@code calendar/cn-official-calendar.json}.
     *
     * @throws IllegalStateException if the file breaks one of the rules a notice always follows (see
     *                               {@link #of(List, String)})
     */
    public static WorkingCalendar load(ObjectMapper objectMapper) {
        return load(objectMapper, new ClassPathResource(RESOURCE));
    }

    /**
     * Loads a calendar file of the shipped file's shape from {@code location}, such as an operator's copy that adds
     * the notice of a year published after the release.
     *
     * @throws IllegalStateException if the file breaks one of the rules a notice always follows (see
     *                               {@link #of(List, String)})
     */
    public static WorkingCalendar load(ObjectMapper objectMapper, Resource location) {
        VersionedDataFile<CalendarFile> file = VersionedDataFile.read(objectMapper, location, CalendarFile.class);
        try {
            return new WorkingCalendar(file.content().years(), file.contentHash());
        } catch (IllegalArgumentException e) {
            // A broken data file is a deployment fault, not a bad request: fail the start-up and name the file.
            throw new IllegalStateException("Invalid calendar file " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a calendar from already parsed notices, for tests and for callers with their own source.
     *
     * @param schedules   one entry per year; the years must be contiguous, in any order
     * @param contentHash what {@link #contentHash()} reports
     * @throws IllegalArgumentException if years repeat or leave a gap, holiday blocks overlap or run backwards, a
     *                                  make-up working day is not a Saturday or Sunday or lies in a block, or a date
     *                                  lies outside the years given
     */
    public static WorkingCalendar of(List<YearSchedule> schedules, String contentHash) {
        return new WorkingCalendar(schedules, contentHash);
    }

    /** 1 January of the first covered year. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** 31 December of the last covered year. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** The covered years, in order and without gaps. */
    public List<Integer> years() {
        return years;
    }

    /** The SHA-256 of the calendar file's bytes, hex encoded: which calendar a computed deadline was based on. */
    public String contentHash() {
        return contentHash;
    }

    /**
     * Whether {@code date} is a working day.
     *
     * @throws CalendarNotCoveredException if {@code date} is outside the covered years
     */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.get(indexOf(date, "date"));
    }

    /**
     * The day on which a time limit of {@code workingDays} working days, counted from the day after {@code start},
     * runs out. The result is always a working day. With {@code workingDays == 0} it is {@code start} itself when that
     * is a working day, otherwise the next working day.
     *
     * @throws IllegalArgumentException     if {@code workingDays} is negative
     * @throws CalendarNotCoveredException if {@code start} is outside the covered years or the result would lie
     *                                     beyond {@link #lastDay()}
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative, was " + workingDays);
        }
        int index = indexOf(start, "start");
        if (workingDays == 0) {
            index = this.workingDays.nextSetBit(index);
        }
        for (int counted = 0; counted < workingDays && index >= 0; counted++) {
            index = this.workingDays.nextSetBit(index + 1);
        }
        if (index < 0) {
            throw new CalendarNotCoveredException(workingDays + " working days after " + start
                    + " run past the end of the official calendar, which covers " + coverage()
                    + "; load the State Council notice for " + (lastDay.getYear() + 1),
                    lastDay.plusDays(1), firstDay, lastDay);
        }
        return firstDay.plusDays(index);
    }

    /**
     * The first working day strictly after {@code date}.
     *
     * @throws CalendarNotCoveredException if {@code date} is outside the covered years or no working day follows it
     *                                     within them
     */
    public LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /**
     * The number of working days in ({@code fromExclusive}, {@code toInclusive}]; 0 if {@code toInclusive} is not
     * after {@code fromExclusive}. It is the inverse of {@link #addWorkingDays}:
     * {@code workingDaysBetween(s, addWorkingDays(s, n)) == n} for every {@code n >= 1}.
     *
     * @throws CalendarNotCoveredException if either date is outside the covered years
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int from = indexOf(fromExclusive, "fromExclusive");
        int to = indexOf(toInclusive, "toInclusive");
        return to <= from ? 0 : workingDays.get(from + 1, to + 1).cardinality();
    }

    /**
     * The instant at which {@code date} ends in Lvliang, that is midnight at the start of the next day in
     * {@link #ZONE}: the latest moment at which something due "on" that day is still on time. Pure time-zone
     * arithmetic, so it accepts any date.
     */
    public Instant endOf(LocalDate date) {
        return Objects.requireNonNull(date, "date").plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The business date (in {@link #ZONE}) on which {@code instant} falls. Accepts any instant. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), ZONE);
    }

    private int indexOf(LocalDate date, String name) {
        Objects.requireNonNull(date, name);
        if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
            throw new CalendarNotCoveredException(name + " " + date + " is outside the official calendar, which covers "
                    + coverage() + "; working days are not guessed for years without a State Council notice",
                    date, firstDay, lastDay);
        }
        return (int) ChronoUnit.DAYS.between(firstDay, date);
    }

    private String coverage() {
        return firstDay + ".." + lastDay;
    }

    private static List<YearSchedule> sortedContiguous(List<YearSchedule> schedules) {
        Objects.requireNonNull(schedules, "schedules");
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("the calendar needs at least one year");
        }
        List<YearSchedule> sorted = schedules.stream().sorted(Comparator.comparingInt(YearSchedule::year)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            int previous = sorted.get(i - 1).year();
            int year = sorted.get(i).year();
            if (year == previous) {
                throw new IllegalArgumentException("year " + year + " appears twice");
            }
            if (year != previous + 1) {
                // A gap would make the calendar answer for days it knows nothing about.
                throw new IllegalArgumentException("years must be contiguous, but " + previous + " is followed by "
                        + year);
            }
        }
        return sorted;
    }

    private BitSet computeWorkingDays(List<YearSchedule> schedules) {
        BitSet working = new BitSet(dayCount);
        for (int i = 0; i < dayCount; i++) {
            working.set(i, !isWeekend(firstDay.plusDays(i)));
        }

        List<HolidayBlock> blocks = new ArrayList<>();
        schedules.forEach(schedule -> blocks.addAll(schedule.holidays()));
        blocks.sort(Comparator.comparing(HolidayBlock::from));
        BitSet off = new BitSet(dayCount);
        HolidayBlock previous = null;
        for (HolidayBlock block : blocks) {
            if (block.to().isBefore(block.from())) {
                throw new IllegalArgumentException("holiday block " + block + " ends before it starts");
            }
            if (previous != null && !block.from().isAfter(previous.to())) {
                throw new IllegalArgumentException("holiday blocks " + previous + " and " + block + " overlap");
            }
            // Checked against the whole range, not the entry's own year: a notice may start 元旦 in the last days
            // of the year before (the 2019 notice did), which is fine as long as that year is loaded too.
            off.set(requireCovered(block.from(), block), requireCovered(block.to(), block) + 1);
            previous = block;
        }
        working.andNot(off);

        Set<LocalDate> makeUpDays = new HashSet<>();
        for (YearSchedule schedule : schedules) {
            for (LocalDate day : schedule.makeUpWorkdays()) {
                if (!isWeekend(day)) {
                    throw new IllegalArgumentException("make-up working day " + day + " is a " + day.getDayOfWeek()
                            + "; only a Saturday or Sunday can be made a working day");
                }
                if (!makeUpDays.add(day)) {
                    throw new IllegalArgumentException("make-up working day " + day + " is listed twice");
                }
                int index = requireCovered(day, "make-up working day " + day);
                if (off.get(index)) {
                    throw new IllegalArgumentException("make-up working day " + day + " lies inside a holiday block");
                }
                working.set(index);
            }
        }
        return working;
    }

    private int requireCovered(LocalDate date, Object what) {
        if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
            throw new IllegalArgumentException(what + " lies outside the covered years " + coverage());
        }
        return (int) ChronoUnit.DAYS.between(firstDay, date);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /**
     * One year's State Council notice (国务院办公厅关于XXXX年部分节假日安排的通知), as transcribed in the data file.
     *
     * @param year           the year the notice arranges
     * @param notice         its document number, e.g. 国办发明电〔2023〕7号
     * @param published      the day it was published
     * @param title          its title
     * @param holidays       the days off, one block per holiday including weekend and swapped days inside it
     * @param makeUpWorkdays Saturdays and Sundays that are working days (调休上班)
     */
    public record YearSchedule(
            int year,
            String notice,
            LocalDate published,
            String title,
            List<HolidayBlock> holidays,
            List<LocalDate> makeUpWorkdays) {

        public YearSchedule {
            holidays = List.copyOf(Objects.requireNonNull(holidays, "holidays"));
            makeUpWorkdays = List.copyOf(Objects.requireNonNull(makeUpWorkdays, "makeUpWorkdays"));
        }
    }

    /**
     * Consecutive days off for one holiday, both ends inclusive, exactly as the notice states them.
     *
     * @param name the holiday, e.g. 春节, or 国庆节、中秋节 when the notice merges two
     * @param from the first day off
     * @param to   the last day off
     */
    public record HolidayBlock(String name, LocalDate from, LocalDate to) {

        public HolidayBlock {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return name + " " + from + ".." + to;
        }
    }

    /** The shape of the data file. */
    record CalendarFile(String source, List<YearSchedule> years) {
    }
}
