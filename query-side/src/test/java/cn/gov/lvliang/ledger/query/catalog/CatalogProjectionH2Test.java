package cn.gov.lvliang.ledger.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.H2Database;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog read model on its own H2 database, as the zero-install demo runs it. */
class CatalogProjectionH2Test {

    JdbcClient jdbc;
    CatalogProjection projection;
    Feed feed;

    @BeforeEach
    void freshDatabase() {
        jdbc = H2Database.migrated();
        projection = new CatalogProjection(jdbc);
        feed = Feed.into(projection);
    }

    @Test
    void nothingPublished_answersNothing() {
        assertThat(projection.handle(new FindCatalogQuery(null))).isEmpty();
        assertThat(projection.handle(new FindCatalogQuery(1))).isEmpty();
    }

    @Test
    void everyVersionIsKept_andTheLatestAnswersByDefault() {
        feed.event(CatalogTestData.small(1), CatalogTestData.PUBLISHED);
        feed.event(CatalogTestData.small(2), CatalogTestData.PUBLISHED);

        assertThat(projection.handle(new FindCatalogQuery(null))).get().extracting(CatalogView::version).isEqualTo(2);
        CatalogView first = projection.handle(new FindCatalogQuery(1)).orElseThrow();
        assertThat(first.bundles()).extracting(CatalogView.BundleView::code).containsExactly("2024-01", "2024-13");
        assertThat(first.bundles().get(1).items().get(2).coUnits()).containsExactly("市税务局");
    }

    @Test
    void redeliveredVersion_changesNothing() {
        feed.event(CatalogTestData.small(1), CatalogTestData.PUBLISHED);

        feed.event(CatalogTestData.small(1), CatalogTestData.PUBLISHED.plusSeconds(60));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_item").query(Long.class).single()).isEqualTo(6);
        assertThat(projection.handle(new FindCatalogQuery(1)).orElseThrow().publishedAt())
                .isEqualTo(CatalogTestData.PUBLISHED);
    }

    @Test
    void reset_clearsEveryTable() {
        feed.event(CatalogTestData.small(1), CatalogTestData.PUBLISHED);

        feed.reset();

        for (String table : List.of("catalog_publication", "catalog_bundle", "catalog_item")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }
}
