package cn.gov.lvliang.ledger.events.fundraising;

/**
 * The official answerable for a disposal plan (责任人). An official acting in office, not a citizen, so the name is
 * kept.
 *
 * @param name the official's name
 * @param role the official's post, e.g. 县政府分管副县长
 */
public record ResponsiblePerson(
        String name,
        String role) {
}
