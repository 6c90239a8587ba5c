package cn.gov.lvliang.ledger.events.catalog;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version of the bundle catalog was published. Cases record the version they were opened under; the content hash
 * says exactly which content that version stands for.
 *
 * @param catalogId    the catalog's identifier
 * @param version      the catalog version
 * @param contentHash  the SHA-256 of the data file the version was read from
 * @param title        the list's title as printed
 * @param source       the document it comes from
 * @param bundles      every bundle with its items, names exactly as printed
 * @param businessTime when the version was published
 */
@Revision("1")
public record BundleCatalogPublishedEvent(
        String catalogId,
        int version,
        String contentHash,
        String title,
        String source,
        List<CatalogBundle> bundles,
        Instant businessTime) {

    /** The one bundle catalog the ledger keeps. */
    public static final String CATALOG_ID = "bundle-catalog";

    public BundleCatalogPublishedEvent {
        bundles = List.copyOf(bundles);
    }
}
