package cn.gov.lvliang.ledger.query.fundraising;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading and writing the column types the fundraising read models share, the same way on PostgreSQL and H2. */
public final class Rows {

    private Rows() {
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer intOrNull(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static Boolean booleanOrNull(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A LIKE pattern for "contains", with the caller's wildcards taken literally. */
    static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Enum names, sorted, for an IN list. */
    static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    /**
     * One page of a list and the list's total: the rows {@code where} selects from {@code from}, counted, and then,
     * unless the page has size 0 (the total alone is wanted, as the fundraising board's figures want it), read
     * through {@code select} in the given order.
     */
    static <T> Paged<T> paged(JdbcClient jdbc, String from, String select, String where, String orderBy,
                              Map<String, Object> params, int page, int size, RowMapper<T> mapper) {
        long total = jdbc.sql("SELECT COUNT(*) FROM " + from + " " + where)
                .params(params)
                .query(Long.class)
                .single();
        if (size == 0) {
            return new Paged<>(List.of(), total);
        }
        Map<String, Object> paging = new HashMap<>(params);
        paging.put("limit", size);
        paging.put("offset", (long) page * size);
        List<T> items = jdbc.sql(select + " " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(paging)
                .query(mapper)
                .list();
        return new Paged<>(items, total);
    }

    /** A page's rows and the total of the list it is a page of. */
    record Paged<T>(List<T> items, long total) {
    }
}
