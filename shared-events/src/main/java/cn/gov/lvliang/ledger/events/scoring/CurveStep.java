package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;

/**
 * One step of a {@link CurveKind#STEPS} curve.
 *
 * @param reaching the threshold the value must reach: at least it when higher is better, at most it when lower is
 * @param share    the share of the indicator's points it earns, between 0 and 1
 */
public record CurveStep(BigDecimal reaching, BigDecimal share) {
}
