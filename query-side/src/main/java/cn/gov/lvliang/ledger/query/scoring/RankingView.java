package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.time.LocalDate;
import java.util.List;

/**
 * The scores of every subject of a kind for one period under one rubric version, ranked.
 *
 * @param subjectKind   counties or lead units
 * @param period        the period's code
 * @param from          its first day
 * @param to            its last day
 * @param rubricVersion the rubric version
 * @param rubricName    the rubric's title
 * @param indicators    the rubric's indicators for the kind, in order: the ranking's columns
 * @param subjects      the scores, best first; subjects without a score last
 */
public record RankingView(
        ScoredSubjectKind subjectKind,
        String period,
        LocalDate from,
        LocalDate to,
        int rubricVersion,
        String rubricName,
        List<RubricIndicator> indicators,
        List<SubjectScore> subjects) {

    public RankingView {
        indicators = List.copyOf(indicators);
        subjects = List.copyOf(subjects);
    }

    /** The ranking cut to the subjects of one county (all for {@code null}), each keeping its rank among all. */
    public RankingView within(String division) {
        if (division == null || division.isBlank()) {
            return this;
        }
        return new RankingView(subjectKind, period, from, to, rubricVersion, rubricName, indicators,
                subjects.stream().filter(score -> division.trim().equals(score.subjectDivision())).toList());
    }
}
