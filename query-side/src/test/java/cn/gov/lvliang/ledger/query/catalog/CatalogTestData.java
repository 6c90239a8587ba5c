package cn.gov.lvliang.ledger.query.catalog;

import static cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent.CATALOG_ID;

import cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent;
import cn.gov.lvliang.ledger.events.catalog.BundleMark;
import cn.gov.lvliang.ledger.events.catalog.BundleSubject;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import cn.gov.lvliang.ledger.events.catalog.CatalogItem;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Small catalogs with bundles as the gazette prints them. Tests on the shared database publish versions from 900
 * up, which no real catalog uses.
 */
public final class CatalogTestData {

    /** The catalog version the bundle-case tests open their cases under. */
    public static final int CASE_CATALOG_VERSION = 901;
    public static final Instant PUBLISHED = Instant.parse("2025-01-02T00:00:00Z");

    private CatalogTestData() {
    }

    /** Two bundles, listed out of their printed order, one item with a co-unit. */
    public static BundleCatalogPublishedEvent small(int version) {
        return new BundleCatalogPublishedEvent(CATALOG_ID, version, "sha256-test-" + version,
                "“高效办成一件事”重点事项清单", "吕政发〔2024〕9号 附件",
                List.of(
                        new CatalogBundle("2024-13", 13, "新生儿出生", BundleMark.PROVINCIAL, 2024,
                                BundleSubject.PERSONAL, "市卫健委", List.of(
                                new CatalogItem(1, "出生医学证明办理", "市卫健委", List.of()),
                                new CatalogItem(2, "户口登记", "市公安局", List.of()),
                                new CatalogItem(3, "城乡居民医疗保险参保登记", "市医保局", List.of("市税务局")))),
                        new CatalogBundle("2024-01", 1, "企业开办", BundleMark.PROVINCIAL, 2024,
                                BundleSubject.ENTERPRISE, "市行政审批局", List.of(
                                new CatalogItem(1, "企业设立登记", "市行政审批局", List.of()),
                                new CatalogItem(2, "公章刻制备案", "市公安局", List.of()),
                                new CatalogItem(3, "发票领用", "市税务局", List.of())))),
                PUBLISHED);
    }

    /** Publishes {@link #CASE_CATALOG_VERSION} into a catalog read model on the given database, outside Spring. */
    public static void publish(JdbcClient jdbc) {
        Feed.into(new CatalogProjection(jdbc)).event(small(CASE_CATALOG_VERSION), PUBLISHED);
    }

    /** Publishes {@link #CASE_CATALOG_VERSION}; nothing happens if it is there. */
    public static void publish(ApplicationContext context) {
        Feed.into(context.getBean(CatalogProjection.class)).event(small(CASE_CATALOG_VERSION), PUBLISHED);
    }
}
