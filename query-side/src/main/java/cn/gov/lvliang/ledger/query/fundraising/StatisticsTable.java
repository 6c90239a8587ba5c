package cn.gov.lvliang.ledger.query.fundraising;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One statistics table, ready to render and export: its printed title, the scope and period it covers, its columns in
 * order (with the Chinese headers a campaign office prints and the English keys of the values), its rows and its
 * totals. Every row and the totals map column keys to values: a count is a whole number, an amount a decimal in yuan
 * with 2 places, a ratio a decimal with 4 places (or {@code null} when its denominator is 0), a date an ISO date.
 * Rows may carry keys that are not columns ({@code divisionCode}, {@code caseId}) for links. Unlike the rest of the
 * API, a table writes its {@code null}s, so that every row and the totals have every column's key. How every column
 * is computed is in docs/fundraising-statistics.md.
 *
 * @param table        the table's name in the URL
 * @param attachment   its attachment number in the plan
 * @param title        its title as printed
 * @param division     the county it covers, or {@code null} for the whole city
 * @param divisionName that county's name, or 全市
 * @param from         the first day of the period (business date, Beijing time)
 * @param to           the last day of the period, included
 * @param columns      the columns in order
 * @param rows         the rows
 * @param totals       the totals row (合计)
 * @param notes        what the reader of the printed table must know
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatisticsTable(
        String table,
        int attachment,
        String title,
        String division,
        String divisionName,
        LocalDate from,
        LocalDate to,
        List<StatisticsColumn> columns,
        @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
        List<Map<String, Object>> rows,
        @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
        Map<String, Object> totals,
        List<String> notes) {

    /**
     * A column.
     *
     * @param key    the English key of its values in rows and totals
     * @param header its header as printed, with its unit
     * @param group  the header of the column group above it, or {@code null}
     * @param kind   what its values are
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StatisticsColumn(String key, String header, String group, ColumnKind kind) {
    }

    /** What a column's values are, so that a renderer can align and format them. */
    public enum ColumnKind {
        /** Text. */
        TEXT,
        /** An ISO date. */
        DATE,
        /** A whole number that is not added up in the totals (a row number, a count of provinces). */
        NUMBER,
        /** A count, added up in the totals. */
        COUNT,
        /** An amount in yuan with 2 decimals, added up in the totals. */
        AMOUNT,
        /** A ratio with 4 decimals, recomputed from the totals' sums rather than added up. */
        RATIO
    }
}
