package cn.gov.lvliang.ledger.events.catalog;

import java.util.List;

/**
 * One government item of a bundle.
 *
 * @param seq     its position within the bundle, from 1
 * @param name    the item's name exactly as the list prints it
 * @param unit    the responsible unit's name exactly as the list prints it; this unit decides the item
 * @param coUnits further units printed beside the item, which take part in it without deciding it; usually empty
 */
public record CatalogItem(int seq, String name, String unit, List<String> coUnits) {

    public CatalogItem {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }
}
