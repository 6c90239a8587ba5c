package cn.gov.lvliang.ledger.query.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One cell of a {@link Table}: a typed value, the text the page shows for it, and the drill-down link behind it.
 * The xlsx export writes the same value with the {@linkplain Kind#excelFormat() Excel format} that shows the same
 * text, so a page and its export agree cell for cell.
 *
 * @param kind  how the value is shown
 * @param value a {@code String}, {@code Long}, {@code Double}, {@code BigDecimal} (an amount), {@code LocalDate} or
 *              {@code LocalDateTime} as the kind says, or null for an empty cell
 * @param href  where a click leads (the cases behind the figure), or null
 */
public record Cell(Kind kind, Object value, String href) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** How a value is shown, on the page (its style class) and in Excel (its number format). */
    public enum Kind {
        TEXT(null, null),
        /** A case's or a clue's identifier: text, which a page keeps on one line in a fixed-width face. */
        IDENTIFIER(null, "ident"),
        /** A short phrase that a page keeps on one line, such as a rank (第 3 名 / 共 14) or a fraction (27 / 27). */
        UNBROKEN(null, "unbroken"),
        COUNT("0", "num"),
        /** A ratio from 0 to 1, shown as a percentage with one decimal. */
        PERCENT("0.0%", "num"),
        DECIMAL_1("0.0", "num"),
        DECIMAL_2("0.00", "num"),
        /** An amount of money in yuan, exact to the fen, with thousands separators. */
        AMOUNT("#,##0.00", "num"),
        /** A figure without a value, and the word that says why (不适用): text, aligned with the figures. */
        NO_FIGURE(null, "num"),
        DATE("yyyy-mm-dd", "when"),
        /** A Beijing date and time to the minute. */
        DATE_TIME("yyyy-mm-dd hh:mm", "when");

        private final String excelFormat;
        private final String styleClass;

        Kind(String excelFormat, String styleClass) {
            this.excelFormat = excelFormat;
            this.styleClass = styleClass;
        }

        public String excelFormat() {
            return excelFormat;
        }

        /**
         * The page's style class: {@code num} aligns a figure right, {@code when} keeps a date on one line,
         * {@code ident} an identifier, {@code unbroken} a short phrase; null for plain text.
         */
        public String styleClass() {
            return styleClass;
        }

        /** A figure, aligned right with its header. */
        public boolean numeric() {
            return "num".equals(styleClass);
        }

        /** A date or a date and time, which a page keeps on one line. */
        public boolean temporal() {
            return "when".equals(styleClass);
        }
    }

    public static Cell text(String text) {
        return new Cell(Kind.TEXT, text, null);
    }

    public static Cell text(String text, String href) {
        return new Cell(Kind.TEXT, text, href);
    }

    public static Cell identifier(String identifier, String href) {
        return new Cell(Kind.IDENTIFIER, identifier, href);
    }

    public static Cell unbroken(String text) {
        return new Cell(Kind.UNBROKEN, text, null);
    }

    public static Cell unbroken(String text, String href) {
        return new Cell(Kind.UNBROKEN, text, href);
    }

    public static Cell count(long count, String href) {
        return new Cell(Kind.COUNT, count, href);
    }

    /** The share {@code part / whole}; empty when the whole is zero, since there is nothing to share. */
    public static Cell share(long part, long whole, String href) {
        return new Cell(Kind.PERCENT, whole == 0 ? null : (double) part / whole, href);
    }

    public static Cell decimal1(Double value, String href) {
        return new Cell(Kind.DECIMAL_1, value, href);
    }

    public static Cell decimal2(Double value, String href) {
        return new Cell(Kind.DECIMAL_2, value, href);
    }

    /** An amount in yuan; the page shows it to the fen, rounded half up where it is finer. */
    public static Cell amount(BigDecimal yuan, String href) {
        return new Cell(Kind.AMOUNT, yuan, href);
    }

    /** A figure that has no value, with the word that says why, such as 不适用 for an indicator that does not apply. */
    public static Cell noFigure(String why) {
        return new Cell(Kind.NO_FIGURE, why, null);
    }

    public static Cell date(LocalDate date) {
        return new Cell(Kind.DATE, date, null);
    }

    public static Cell dateTime(LocalDateTime dateTime) {
        return new Cell(Kind.DATE_TIME, dateTime, null);
    }

    /** The text the page shows. */
    public String text() {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT, IDENTIFIER, UNBROKEN, NO_FIGURE -> (String) value;
            case COUNT -> Long.toString((Long) value);
            case PERCENT -> rounded((Double) value * 100, 1) + "%";
            case DECIMAL_1 -> rounded((Double) value, 1);
            case DECIMAL_2 -> rounded((Double) value, 2);
            case AMOUNT -> amountFormat().format(((BigDecimal) value).setScale(2, RoundingMode.HALF_UP));
            case DATE -> value.toString();
            case DATE_TIME -> DATE_TIME.format((LocalDateTime) value);
        };
    }

    public boolean numeric() {
        return kind.numeric();
    }

    public boolean temporal() {
        return kind.temporal();
    }

    /** The page's style class for the cell, as its kind says. */
    public String styleClass() {
        return kind.styleClass();
    }

    /** The amount's format, as its Excel format shows it; a DecimalFormat is not thread-safe, hence one per use. */
    private static DecimalFormat amountFormat() {
        return new DecimalFormat(Kind.AMOUNT.excelFormat(), DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static String rounded(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
