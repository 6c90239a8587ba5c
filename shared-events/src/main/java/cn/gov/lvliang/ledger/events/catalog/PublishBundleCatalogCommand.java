package cn.gov.lvliang.ledger.events.catalog;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a version of the bundle catalog into the ledger. Publishing a version that is already published with
 * the same content changes nothing; the same version with other content is refused, since a change to the catalog
 * is a new version, never an edit.
 *
 * @param catalogId    the catalog's identifier, {@value BundleCatalogPublishedEvent#CATALOG_ID}
 * @param version      the catalog version
 * @param contentHash  the SHA-256 of the data file the version was read from
 * @param title        the list's title as printed
 * @param source       the document it comes from
 * @param bundles      every bundle with its items
 * @param businessTime when the version was published
 */
public record PublishBundleCatalogCommand(
        @TargetAggregateIdentifier String catalogId,
        int version,
        String contentHash,
        String title,
        String source,
        List<CatalogBundle> bundles,
        Instant businessTime) {

    public PublishBundleCatalogCommand {
        bundles = List.copyOf(bundles);
    }
}
