package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;

/**
 * The issued score cards, by subject kind and then rank; every part of the filter is optional.
 *
 * @param period        the period's code
 * @param subjectKind   counties or lead units
 * @param rubricVersion the rubric version
 * @param division      the county the subject belongs to
 */
record ListScoreCardsQuery(String period, ScoredSubjectKind subjectKind, Integer rubricVersion, String division) {
}
