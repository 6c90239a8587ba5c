package cn.gov.lvliang.ledger.events.bundle;

/**
 * One item of a case, as the catalog version the case was opened under lists it.
 *
 * @param seq             the item's number within the bundle
 * @param name            the item's name as printed
 * @param responsibleUnit the code of the unit that decides it
 */
public record CaseItem(int seq, String name, String responsibleUnit) {
}
