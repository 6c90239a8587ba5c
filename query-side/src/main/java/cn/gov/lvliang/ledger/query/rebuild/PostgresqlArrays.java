package cn.gov.lvliang.ledger.query.rebuild;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as PostgreSQL array literals, one per column ({@code {"a","b",NULL}}): what a statement that unnests one
 * array per column binds, as text that the statement casts to the column's array type. Every element is quoted, so
 * that commas, braces, quotes, backslashes and the word NULL in a value stay what they are.
 */
final class PostgresqlArrays {

    private PostgresqlArrays() {
    }

    /** One array literal per column of the given rows, each row's values in column order; nulls allowed. */
    static List<Object> columns(List<Object[]> rows, int columns) {
        List<StringBuilder> arrays = new ArrayList<>(columns);
        for (int column = 0; column < columns; column++) {
            arrays.add(new StringBuilder(rows.size() * 16).append('{'));
        }
        for (int row = 0; row < rows.size(); row++) {
            Object[] values = rows.get(row);
            for (int column = 0; column < columns; column++) {
                StringBuilder array = arrays.get(column);
                if (row > 0) {
                    array.append(',');
                }
                element(array, values[column]);
            }
        }
        return arrays.stream().map(array -> (Object) array.append('}').toString()).toList();
    }

    private static void element(StringBuilder array, Object value) {
        if (value == null) {
            array.append("NULL");
            return;
        }
        String text = text(value);
        array.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                array.append('\\');
            }
            array.append(c);
        }
        array.append('"');
    }

    /** A value as the input function of its column's type reads it. */
    static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean truth) {
            return truth ? "t" : "f";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof OffsetDateTime instant) {
            return timestamp(instant);
        }
        if (value instanceof Instant instant) {
            return timestamp(instant.atOffset(ZoneOffset.UTC));
        }
        throw new IllegalArgumentException("No array element for a " + value.getClass().getName() + ": " + value);
    }

    /** To the microsecond PostgreSQL keeps, rounded half up as the driver rounds a bound timestamp. */
    private static String timestamp(OffsetDateTime instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
    }
}
