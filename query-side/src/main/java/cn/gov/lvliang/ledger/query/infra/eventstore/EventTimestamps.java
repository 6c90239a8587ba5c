package cn.gov.lvliang.ledger.query.infra.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamps Axon's JDBC storage engine stores, such as {@code 2026-12-06T23:50:30.628Z}, as Axon reads
 * them ({@link DateTimeUtils#parseInstant}), without going through a {@code DateTimeFormatter} for the one form
 * Axon writes: UTC, a four-digit year and up to nine digits of a second. Anything else, an offset say, goes to
 * Axon's own parser, which answers it or throws as it would.
 */
final class EventTimestamps {

    private static final int SHORTEST = "2026-12-06T23:50:30Z".length();
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private EventTimestamps() {
    }

    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length == SHORTEST + 1 || length > SHORTEST + 1 + SCALE.length
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > SHORTEST && text.charAt(19) != '.')) {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > SHORTEST ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) {
            return DateTimeUtils.parseInstant(text);
        }
        int nanos = length > SHORTEST ? fraction * SCALE[length - SHORTEST - 2] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text} from {@code from} to {@code to}, exclusive; -1 if any is no digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
