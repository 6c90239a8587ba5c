package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The score of one county or lead unit for one period under one rubric version, computed from the ledger.
 *
 * @param subjectKind   county or lead unit
 * @param subjectCode   the division or unit code
 * @param subjectName   its name
 * @param subjectDivision the county it belongs to: itself for a county, {@code null} for a city unit
 * @param period        the period's code
 * @param from          the period's first day
 * @param to            the period's last day
 * @param rubricVersion the rubric version
 * @param inputHash     the SHA-256 of the canonical JSON of the facts it was computed from, with the rubric version
 * @param indicators    every indicator of the rubric for the subject's kind, in the rubric's order
 * @param penalties     the deductions, in the rubric's order
 * @param baseScore     the indicators' points brought to a scale of 100; {@code null} when none applies
 * @param penaltyPoints the points deducted
 * @param totalScore    base less deductions, not below 0; {@code null} when no indicator applies
 * @param rank          its rank by total among the subjects of its kind, or {@code null}
 * @param rankedAmong   how many subjects were ranked
 */
public record SubjectScore(
        ScoredSubjectKind subjectKind,
        String subjectCode,
        String subjectName,
        String subjectDivision,
        String period,
        LocalDate from,
        LocalDate to,
        int rubricVersion,
        String inputHash,
        List<IndicatorScore> indicators,
        List<PenaltyScore> penalties,
        BigDecimal baseScore,
        BigDecimal penaltyPoints,
        BigDecimal totalScore,
        Integer rank,
        Integer rankedAmong) {

    public SubjectScore {
        indicators = List.copyOf(indicators);
        penalties = List.copyOf(penalties);
    }

    public Optional<IndicatorScore> indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst();
    }

    SubjectScore ranked(Integer newRank, Integer among, List<IndicatorScore> rankedIndicators) {
        return new SubjectScore(subjectKind, subjectCode, subjectName, subjectDivision, period, from, to, rubricVersion, inputHash,
                rankedIndicators, penalties, baseScore, penaltyPoints, totalScore, newRank, among);
    }
}
