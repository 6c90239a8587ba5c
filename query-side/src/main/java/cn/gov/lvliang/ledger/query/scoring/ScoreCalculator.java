package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.CurveKind;
import cn.gov.lvliang.ledger.events.scoring.CurveStep;
import cn.gov.lvliang.ledger.events.scoring.PenaltyRule;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoreDirection;
import cn.gov.lvliang.ledger.events.scoring.ScoringCurve;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a subject's inputs into a score under a rubric, and ranks the subjects of a kind: pure arithmetic on exact
 * decimals, as docs/scoring.md, "Computing a score", sets it out. Nothing here reads the database or the clock.
 */
final class ScoreCalculator {

    static final int POINTS_SCALE = 2;
    private static final int SHARE_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoreCalculator() {
    }

    /** The subject's score, not yet ranked. */
    static SubjectScore score(RubricView rubric, ScoringPeriod period, ScoreInputs inputs, ScoredSubject subject,
                              String inputHash) {
        List<IndicatorScore> indicators = new ArrayList<>();
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (RubricIndicator indicator : rubric.indicatorsFor(inputs.subjectKind())) {
            MeasuredValue measured = Measures.measure(indicator.measure(), period, inputs);
            BigDecimal earned = measured.applicable() ? points(indicator, measured.value()) : BigDecimal.ZERO
                    .setScale(POINTS_SCALE);
            if (measured.applicable()) {
                points = points.add(earned);
                weights = weights.add(indicator.weight());
            }
            indicators.add(new IndicatorScore(indicator.code(), indicator.name(), indicator.measure(),
                    indicator.weight(), indicator.direction(), measured.applicable(), measured.value(),
                    measured.numerator(), measured.denominator(), earned, null, null));
        }
        List<PenaltyScore> penalties = new ArrayList<>();
        BigDecimal deducted = BigDecimal.ZERO.setScale(POINTS_SCALE);
        for (RubricPenalty penalty : rubric.penaltiesFor(inputs.subjectKind())) {
            List<String> cases = penalty.rule() == PenaltyRule.MAJOR_CASE_AFTER_CAMPAIGN_HANDLED_POORLY
                    ? Measures.majorCasesHandledPoorly(penalty, period, inputs)
                    : List.of();
            BigDecimal penaltyPoints = penalty.pointsEach().multiply(BigDecimal.valueOf(cases.size()))
                    .min(penalty.maxPoints()).setScale(POINTS_SCALE, RoundingMode.HALF_UP);
            deducted = deducted.add(penaltyPoints);
            penalties.add(new PenaltyScore(penalty.code(), penalty.name(), cases, penaltyPoints));
        }
        BigDecimal base = weights.signum() == 0 ? null
                : points.multiply(HUNDRED).divide(weights, POINTS_SCALE, RoundingMode.HALF_UP);
        BigDecimal total = base == null ? null : base.subtract(deducted).max(BigDecimal.ZERO.setScale(POINTS_SCALE));
        return new SubjectScore(inputs.subjectKind(), inputs.subjectCode(), subject.name(), subject.division(),
                period.code(),
                period.from(), period.to(), rubric.version(), inputHash, indicators, penalties, base, deducted, total,
                null, null);
    }

    /** The points an indicator's value earns: its weight times the curve's share, two decimals. */
    static BigDecimal points(RubricIndicator indicator, BigDecimal value) {
        return indicator.weight().multiply(share(indicator.curve(), indicator.direction(), value))
                .setScale(POINTS_SCALE, RoundingMode.HALF_UP);
    }

    /** The share of the points a value earns on a curve, between 0 and 1. */
    static BigDecimal share(ScoringCurve curve, ScoreDirection direction, BigDecimal value) {
        if (curve.kind() == CurveKind.LINEAR) {
            BigDecimal share = value.subtract(curve.zeroAt())
                    .divide(curve.fullAt().subtract(curve.zeroAt()), SHARE_SCALE, RoundingMode.HALF_UP);
            return share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
        }
        for (CurveStep step : curve.steps()) {
            int comparison = value.compareTo(step.reaching());
            if (direction == ScoreDirection.HIGHER_IS_BETTER ? comparison >= 0 : comparison <= 0) {
                return step.share();
            }
        }
        return BigDecimal.ZERO;
    }

    /**
     * The scores ranked: by total, highest first, and each indicator by value in its better direction among the
     * subjects it applies to. Equal values share a rank and the next is skipped (1, 2, 2, 4). Subjects without a
     * total are not ranked and come last; the order is otherwise kept.
     */
    static List<SubjectScore> rank(List<SubjectScore> scores) {
        Map<String, Integer> totalRanks = ranks(scores, SubjectScore::totalScore, ScoreDirection.HIGHER_IS_BETTER);
        int rankedSubjects = (int) scores.stream().filter(score -> score.totalScore() != null).count();
        Map<String, Map<String, Integer>> indicatorRanks = new HashMap<>();
        Map<String, Integer> indicatorCounts = new HashMap<>();
        if (!scores.isEmpty()) {
            for (IndicatorScore indicator : scores.get(0).indicators()) {
                String code = indicator.code();
                Function<SubjectScore, BigDecimal> value = score -> score.indicator(code)
                        .map(IndicatorScore::value).orElse(null);
                indicatorRanks.put(code, ranks(scores, value, indicator.direction()));
                indicatorCounts.put(code, (int) scores.stream().filter(score -> value.apply(score) != null).count());
            }
        }
        List<SubjectScore> ranked = new ArrayList<>();
        for (SubjectScore score : scores) {
            List<IndicatorScore> indicators = score.indicators().stream()
                    .map(indicator -> indicator.ranked(
                            indicatorRanks.getOrDefault(indicator.code(), Map.of()).get(score.subjectCode()),
                            indicatorCounts.get(indicator.code())))
                    .toList();
            ranked.add(score.ranked(totalRanks.get(score.subjectCode()), rankedSubjects, indicators));
        }
        ranked.sort(Comparator.comparing(SubjectScore::rank, Comparator.nullsLast(Comparator.naturalOrder())));
        return ranked;
    }

    /** Competition ranks (1, 2, 2, 4) of the subjects with a value, by subject code. */
    private static Map<String, Integer> ranks(List<SubjectScore> scores, Function<SubjectScore, BigDecimal> value,
                                              ScoreDirection direction) {
        Comparator<BigDecimal> better = direction == ScoreDirection.HIGHER_IS_BETTER
                ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<SubjectScore> valued = scores.stream().filter(score -> value.apply(score) != null)
                .sorted(Comparator.comparing(value, better)).toList();
        Map<String, Integer> ranks = new HashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < valued.size(); i++) {
            BigDecimal current = value.apply(valued.get(i));
            if (previous == null || current.compareTo(previous) != 0) {
                rank = i + 1;
            }
            ranks.put(valued.get(i).subjectCode(), rank);
            previous = current;
        }
        return ranks;
    }
}
