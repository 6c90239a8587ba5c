package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an indicator's value earns points.
 *
 * @param kind   linear between two values, or steps
 * @param zeroAt {@link CurveKind#LINEAR}: the value that earns nothing (and anything worse)
 * @param fullAt {@link CurveKind#LINEAR}: the value that earns every point (and anything better); the target
 * @param steps  {@link CurveKind#STEPS}: the thresholds from the best down, each with its share
 */
public record ScoringCurve(CurveKind kind, BigDecimal zeroAt, BigDecimal fullAt, List<CurveStep> steps) {

    public ScoringCurve {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
