package cn.gov.lvliang.ledger.query.scoring;

/**
 * A county or lead unit the ledger scores.
 *
 * @param code     the division or unit code
 * @param name     its name
 * @param division the county it belongs to: itself for a county, a county unit's division, {@code null} for a city
 *                 unit
 */
public record ScoredSubject(String code, String name, String division) {
}
