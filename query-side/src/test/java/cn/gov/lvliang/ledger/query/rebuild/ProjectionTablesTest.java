package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A projection's statements on a rebuild's tables: only whole table names change. */
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
}
