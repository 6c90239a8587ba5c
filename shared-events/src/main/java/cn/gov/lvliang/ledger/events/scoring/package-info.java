/**
 * The message contract of the inspection teams' scoring (督导考核): versioned rubrics
 * ({@link cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent}) that name indicators, weights, scoring
 * curves and penalties, and the score cards issued under them
 * ({@link cn.gov.lvliang.ledger.events.scoring.ScoreCardEvent}) with the inspectors' adjustments and the assessed
 * subjects' appeals.
 *
 * <p>Scores are exact: values, points and totals are {@link java.math.BigDecimal}s with the scale the rubric's
 * engine gives them (ratios four decimals, points and totals two), never floating point, so that a score computed
 * again from the same events and the same rubric version is the same number. See docs/scoring.md.
 */
package cn.gov.lvliang.ledger.events.scoring;
