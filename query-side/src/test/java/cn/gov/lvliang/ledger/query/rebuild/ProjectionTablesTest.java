package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.query.support.H2Database;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase;
import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection's statements on a rebuild's tables: only whole table names change. Many rows go in multi-row
 * statements, or on PostgreSQL as one array per column.
 */
class ProjectionTablesTest {

    final ProjectionTables shadow = ProjectionTables.withSuffix(List.of("bundle_case_item", "bundle_case"), "__next");

    @Test
    void tableNames_areReplaced_wholeWordsOnly() {
        assertThat(shadow.sql("""
                UPDATE bundle_case SET last_event_sequence = :sequence
                WHERE case_id = :caseId AND NOT EXISTS (SELECT 1 FROM bundle_case_item i WHERE i.case_id = :caseId)"""))
                .isEqualTo("""
                        UPDATE bundle_case__next SET last_event_sequence = :sequence
                        WHERE case_id = :caseId AND NOT EXISTS (SELECT 1 FROM bundle_case__next_item i \
                        WHERE i.case_id = :caseId)""".replace("bundle_case__next_item", "bundle_case_item__next"));
        assertThat(shadow.sql("SELECT c.bundle_code, c.bundle_case_count FROM bundle_case c"))
                .isEqualTo("SELECT c.bundle_code, c.bundle_case_count FROM bundle_case__next c");
        assertThat(shadow.sql("DELETE FROM bundle_case_visit")).as("not one of this set's tables")
                .isEqualTo("DELETE FROM bundle_case_visit");
        assertThat(shadow.name("bundle_case")).isEqualTo("bundle_case__next");
    }

    @Test
    void aStatementOfManyRows_hasItsHeadAndTailRewritten_andItsRowsLeftAsTheyAre() {
        assertThat(shadow.rows("INSERT INTO bundle_case (case_id) VALUES ", "(?), (?), (?)",
                " ON CONFLICT (case_id) DO UPDATE SET n = bundle_case.n + EXCLUDED.n"))
                .isEqualTo("INSERT INTO bundle_case__next (case_id) VALUES (?), (?), (?)"
                        + " ON CONFLICT (case_id) DO UPDATE SET n = bundle_case__next.n + EXCLUDED.n");
    }

    @Test
    void liveTables_leaveStatementsAsTheyAre() {
        String statement = "INSERT INTO bundle_case (case_id) VALUES (:caseId)";

        assertThat(ProjectionTables.LIVE.sql(statement)).isSameAs(statement);
        assertThat(ProjectionTables.LIVE.name("bundle_case")).isEqualTo("bundle_case");
    }

    @Test
    void onlyPlainLowerCaseNames_areAccepted() {
        assertThatThrownBy(() -> ProjectionTables.withSuffix(List.of("bundle_case; DROP TABLE x"), "__next"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyRows_goInOneInsertPerChunk_intoTheSetsTable() {
        JdbcClient jdbc = H2Database.migrated();
        jdbc.sql("CREATE TABLE multi_row__next (n INT PRIMARY KEY, label VARCHAR(20), at TIMESTAMP WITH TIME ZONE)")
                .update();
        ProjectionTables tables = ProjectionTables.withSuffix(List.of("multi_row"), "__next");
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        // 3,400 rows of three values: more than one statement's worth of parameters.
        List<Object[]> rows = IntStream.range(0, 3_400)
                .mapToObj(n -> new Object[] {n, n % 2 == 0 ? "row " + n : null, at.plusMinutes(n)})
                .toList();

        tables.insert(jdbc, "multi_row", List.of("n", "label", "at"), rows);

        assertThat(jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT n), COUNT(label), MAX(n) FROM multi_row__next")
                .query((row, i) -> List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)))
                .single()).containsExactly(3_400L, 3_400L, 1_700L, 3_399L);
        assertThat(jdbc.sql("SELECT label, at FROM multi_row__next WHERE n = 3398")
                .query((row, i) -> row.getString(1) + " " + row.getObject(2, OffsetDateTime.class).toInstant())
                .single()).isEqualTo("row 3398 " + at.plusMinutes(3_398).toInstant());
    }

    @Test
    void rowsAsArrays_arriveAsTheyWere_whateverTheirTextHolds() {
        try (ScratchDatabase database = ScratchDatabase.open(Kind.POSTGRESQL, "projection_tables_test_")) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            jdbc.sql("""
                    CREATE TABLE arrays__next (n INT PRIMARY KEY, label VARCHAR(40), big BIGINT, on_time BOOLEAN,
                        due DATE, at TIMESTAMP WITH TIME ZONE, amount NUMERIC(12, 2))""").update();
            ProjectionTables tables = ProjectionTables.withSuffix(List.of("arrays"), "__next");
            Map<String, String> types = Map.of("n", "int4", "label", "varchar", "big", "int8", "on_time", "bool",
                    "due", "date", "at", "timestamptz", "amount", "numeric");
            List<String> columns = List.of("n", "label", "big", "on_time", "due", "at", "amount");
            OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 123_456_700, ZoneOffset.ofHours(8));
            List<String> labels = List.of("a, b", "{braces}", "\"quoted\"", "back\\slash", "NULL", "", " padded ",
                    "吕梁市\n离石区", "'; DROP TABLE arrays; --");
            List<Object[]> rows = IntStream.range(0, labels.size())
                    .mapToObj(n -> new Object[] {n, labels.get(n), 5_000_000_000L + n, n % 2 == 0,
                            LocalDate.of(2026, 3, 2).plusDays(n), at.plusDays(n), new BigDecimal("1234.5" + n)})
                    .collect(Collectors.toCollection(ArrayList::new));
            rows.add(new Object[] {99, null, null, null, null, null, null});

            tables.insertUnnested(jdbc, "arrays", columns, types::get, rows);

            assertThat(jdbc.sql("SELECT label FROM arrays__next ORDER BY n").query(String.class).list())
                    .containsExactlyElementsOf(Stream.concat(labels.stream(), Stream.of((String) null)).toList());
            assertThat(jdbc.sql("SELECT n, big, on_time, due, at, amount FROM arrays__next WHERE n = 3")
                    .query((row, i) -> List.of(row.getInt(1), row.getLong(2), row.getBoolean(3),
                            row.getObject(4, LocalDate.class), row.getObject(5, OffsetDateTime.class).toInstant(),
                            row.getBigDecimal(6)))
                    .single()).containsExactly(3, 5_000_000_003L, false, LocalDate.of(2026, 3, 5),
                    at.plusDays(3).toInstant().plusNanos(300), new BigDecimal("1234.53"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM arrays__next WHERE n = 99 AND label IS NULL AND big IS NULL"
                    + " AND on_time IS NULL AND due IS NULL AND at IS NULL AND amount IS NULL").query(Long.class)
                    .single()).isEqualTo(1);

            tables.updateUnnested(jdbc, "arrays", List.of("n"), List.of("n", "label"), types::get,
                    List.of(new Object[] {1, "改\"了"}, new Object[] {99, "{\"x\"}"}, new Object[] {100, "none"}));

            assertThat(jdbc.sql("SELECT n, label, big FROM arrays__next WHERE n IN (1, 99, 100) ORDER BY n")
                    .query((row, i) -> row.getInt(1) + " " + row.getString(2) + " " + row.getObject(3))
                    .list()).containsExactly("1 改\"了 5000000001", "99 {\"x\"} null");
        }
    }

    @Test
    void aRowOfTheWrongLength_isRefused_beforeAnythingIsWritten() {
        JdbcClient jdbc = H2Database.migrated();
        jdbc.sql("CREATE TABLE multi_row (n INT PRIMARY KEY, label VARCHAR(20))").update();

        assertThatThrownBy(() -> ProjectionTables.LIVE.insert(jdbc, "multi_row", List.of("n", "label"),
                List.of(new Object[] {1, "one"}, new Object[] {2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A row of 1 values for the 2 columns");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM multi_row").query(Long.class).single()).isZero();
    }
}
