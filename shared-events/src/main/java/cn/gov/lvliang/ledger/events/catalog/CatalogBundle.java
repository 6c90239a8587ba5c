package cn.gov.lvliang.ledger.events.catalog;

import java.util.List;

/**
 * One "thing" (一件事) of the catalog.
 *
 * @param code     the stable code, the list's year and number, e.g. {@code 2024-01}
 * @param seq      the number as printed within its year's list
 * @param name     the name exactly as printed, without its mark
 * @param mark     who put it on the list
 * @param year     the year by which it is to be done
 * @param subject  enterprise or personal
 * @param leadUnit the lead unit (★) exactly as printed
 * @param items    its items in printed order
 */
public record CatalogBundle(
        String code,
        int seq,
        String name,
        BundleMark mark,
        int year,
        BundleSubject subject,
        String leadUnit,
        List<CatalogItem> items) {

    public CatalogBundle {
        items = List.copyOf(items);
    }
}
