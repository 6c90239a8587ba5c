package cn.gov.lvliang.ledger.query.infra;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates of the ledger: a day is a day in Lvliang (Asia/Shanghai), whatever the server's zone, and "today"
 * comes from the injected {@link Clock}, never from the system clock directly.
 */
public final class BusinessDay {

    /** The zone in which due dates, at-risk dates and date filters are meant. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessDay() {
    }

    public static LocalDate today(Clock clock) {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    /** The first instant of the given day in Lvliang. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
