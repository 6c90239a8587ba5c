package cn.gov.lvliang.ledger.query.catalog;

import cn.gov.lvliang.ledger.events.catalog.BundleMark;
import cn.gov.lvliang.ledger.events.catalog.BundleSubject;
import java.time.Instant;
import java.util.List;

/**
 * One published version of the bundle catalog ("高效办成一件事"重点事项清单), names exactly as printed.
 *
 * @param version     the catalog version
 * @param title       the list's title as printed
 * @param source      the document it comes from
 * @param contentHash the SHA-256 of the data file the version was read from
 * @param publishedAt when the version was published
 * @param bundles     its bundles ordered by their printed number
 */
public record CatalogView(
        int version, String title, String source, String contentHash, Instant publishedAt, List<BundleView> bundles) {

    /**
     * One "thing" (一件事).
     *
     * @param code     e.g. {@code 2024-01}
     * @param seq      the number as printed
     * @param name     the name as printed, without its mark
     * @param mark     State Council (●), provincial (▲) or city
     * @param year     the year by which it is to be done
     * @param subject  enterprise or personal
     * @param leadUnit the lead unit (★) as printed
     * @param items    its items in printed order
     */
    public record BundleView(
            String code, int seq, String name, BundleMark mark, int year, BundleSubject subject, String leadUnit,
            List<ItemView> items) {
    }

    /**
     * One government item of a bundle.
     *
     * @param seq     its position within the bundle, from 1
     * @param name    the item's name as printed
     * @param unit    the responsible unit as printed
     * @param coUnits further units printed beside the item
     */
    public record ItemView(int seq, String name, String unit, List<String> coUnits) {
    }
}
