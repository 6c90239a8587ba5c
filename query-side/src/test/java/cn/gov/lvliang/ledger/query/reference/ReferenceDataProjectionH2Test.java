package cn.gov.lvliang.ledger.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.H2Database;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference data read model on its own H2 database, as the zero-install demo runs it. */
class ReferenceDataProjectionH2Test {

    JdbcClient jdbc;
    ReferenceDataProjection projection;
    Feed feed;

    @BeforeEach
    void freshDatabase() {
        jdbc = H2Database.migrated();
        projection = new ReferenceDataProjection(jdbc);
        feed = Feed.into(projection);
    }

    @Test
    void latestVersionWins_andAnOlderOrRepeatedVersionChangesNothing() {
        ReferenceDataPublishedEvent first = ReferenceTestData.lvliang(1);
        ReferenceDataPublishedEvent second = withoutUnit(ReferenceTestData.lvliang(2), "CITY_HRSS");

        feed.event(first, Instant.parse("2025-01-01T00:00:00Z"));
        feed.event(second, Instant.parse("2025-02-01T00:00:00Z"));
        feed.event(first, Instant.parse("2025-03-01T00:00:00Z"));
        feed.event(second, Instant.parse("2025-03-01T00:00:00Z"));

        List<UnitView> units = projection.handle(new FindUnitsQuery());
        assertThat(units).extracting(UnitView::code).doesNotContain("CITY_HRSS").contains("CITY_APPROVAL");
        assertThat(units).extracting(UnitView::version).containsOnly(2);
        assertThat(projection.handle(new FindDivisionsQuery())).extracting(DivisionView::version).containsOnly(2);
        assertThat(jdbc.sql("SELECT version FROM reference_publication").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void queries_answerInPublishedOrder_hallsWithWindows() {
        feed.event(ReferenceTestData.lvliang(1), ReferenceTestData.PUBLISHED);

        assertThat(projection.handle(new FindDivisionsQuery())).extracting(DivisionView::name)
                .containsExactly("离石区", "文水县", "吕梁经济技术开发区");
        assertThat(projection.handle(new FindUnitsQuery()).get(0).aliases())
                .containsExactly("市审批局", "吕梁市行政审批服务管理局");
        List<HallView> halls = projection.handle(new FindHallsQuery());
        assertThat(halls).extracting(HallView::divisionName).containsExactly(null, "离石区", "文水县");
        assertThat(halls.get(0).windows()).extracting(HallView.WindowView::code)
                .containsExactly("CITY-HALL-W01", "CITY-HALL-W09", "CITY-HALL-W10");
    }

    @Test
    void reset_clearsEveryTable() {
        feed.event(ReferenceTestData.lvliang(1), ReferenceTestData.PUBLISHED);

        feed.reset();

        for (String table : List.of("reference_publication", "reference_division", "reference_unit",
                "reference_hall", "reference_window")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
        feed.event(ReferenceTestData.lvliang(1), ReferenceTestData.PUBLISHED);
        assertThat(projection.handle(new FindDivisionsQuery())).hasSize(3);
    }

    private static ReferenceDataPublishedEvent withoutUnit(ReferenceDataPublishedEvent event, String unitCode) {
        return new ReferenceDataPublishedEvent(event.referenceId(), event.version(), event.contentHash(),
                event.divisions(), event.units().stream().filter(unit -> !unit.code().equals(unitCode)).toList(),
                event.halls(), event.businessTime());
    }
}
