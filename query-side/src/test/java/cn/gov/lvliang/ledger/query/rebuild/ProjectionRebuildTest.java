package cn.gov.lvliang.ledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Rebuilds on PostgreSQL, as in production: shadow tables renamed into place in one transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${LEDGER_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/ledger_test}?currentSchema="
                + RebuildTestConfiguration.SCHEMA,
        "spring.flyway.schemas=" + RebuildTestConfiguration.SCHEMA,
        "ledger.projections.initial-segment-count=2",
        "ledger.rebuild.batch-size=7",
        // Three transactions at once per batch here, the default two on H2.
        "ledger.rebuild.workers=3"})
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, RebuildTestConfiguration.class})
class ProjectionRebuildTest extends RebuildContract {

    /**
     * The replay updates a case row once per batch, so without compaction the switched table would hold dead row
     * versions and no planner statistics at all ({@code reltuples} -1 for a table never analyzed). The shadow tables
     * are unlogged while the replay fills them; {@code SET LOGGED} rewrites them with the live rows only, and
     * {@code ANALYZE} counts them. A switched table, and its indexes, must be logged, as the migrations made them, or
     * a crash of the database would empty it.
     */
    @Test
    void theSwitchedTables_areCompacted_counted_andLogged() {
        JsonNode rebuild = rebuildAndWait(BUNDLE_CASES, false);
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : BUNDLE_TABLES) {
            Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            Float counted = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)",
                    Float.class, table);
            assertThat(counted).as("rows the statistics of %s count", table).isEqualTo(rows.floatValue());
        }
        assertThat(jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relname LIKE 'bundle_case%' AND c.relpersistence <> 'p'""",
                String.class)).as("tables and indexes not logged").isEmpty();
        assertThat(analyzedColumns(jdbc, "bundle_case")).as("every column's statistics, for the live queries")
                .containsExactlyInAnyOrderElementsOf(shadowTables.structure("bundle_case").columns().stream()
                        .map(ShadowTables.Column::name).toList());
    }

    /**
     * While the replay fills a shadow table, its statistics are gathered for the columns rows are found by, the keys
     * and indexes, and no others: the rest would cost several times as much and serve no lookup of the replay.
     */
    @Test
    void whileTheReplayFills_onlyTheKeyAndIndexColumns_areAnalyzed() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ProjectionTables shadow = shadowTables.create(List.of("bundle_case"));
        try {
            jdbc.execute("INSERT INTO " + shadow.name("bundle_case") + " SELECT * FROM bundle_case");

            shadowTables.analyze(List.of("bundle_case"));

            ShadowTables.Structure live = shadowTables.structure("bundle_case");
            assertThat(live.indexes()).as("an index besides the primary key").isNotEmpty();
            assertThat(analyzedColumns(jdbc, shadow.name("bundle_case")))
                    .containsExactlyInAnyOrderElementsOf(live.indexedColumns())
                    .containsAll(live.primaryKey())
                    .hasSizeLessThan(live.columns().size());
        } finally {
            shadowTables.drop(List.of("bundle_case"));
        }
    }

    private static List<String> analyzedColumns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = ?",
                String.class, table);
    }

    /** A partial index (the cases that may be at risk, V65) comes back partial, with the predicate it was made with. */
    @Test
    void aPartialIndex_keepsItsPredicate_throughTheSwitch() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String sql = "SELECT pg_get_indexdef(to_regclass('idx_bundle_case_at_risk'))";
        String before = jdbc.queryForObject(sql, String.class);
        assertThat(before).contains("WHERE").contains("supplement_pending");

        JsonNode rebuild = rebuildAndWait(BUNDLE_CASES, false);
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");

        assertThat(jdbc.queryForObject(sql, String.class)).isEqualTo(before);
    }
}
