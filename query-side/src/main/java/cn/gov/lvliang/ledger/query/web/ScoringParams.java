package cn.gov.lvliang.ledger.query.web;

/**
 * The scoring pages' choices as request parameters, named as the API names them; empty means the default.
 *
 * @param kind          {@code counties} (default) or {@code lead-units}
 * @param period        the period's code; the last full year by default, the annual review
 * @param rubricVersion the rubric version; the latest by default
 */
public record ScoringParams(String kind, String period, Integer rubricVersion) {
}
