package cn.gov.lvliang.ledger.query.infra;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The read models' column values as SQL binds them and Java holds them, the same way on PostgreSQL and H2: instants
 * as {@code TIMESTAMP WITH TIME ZONE} in UTC, enums by name. Null stays null either way.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant as a timestamp column is bound: at UTC. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A timestamp column of the current row, as an instant. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The constant of {@code type} a column holds the name of. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
