package cn.gov.lvliang.ledger.query.fundraising;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The case progress funnel of the clues recorded in a period: how many were verified with a risk, how many cases were
 * opened from them, and how far those cases got by the end of the period. Stages 1–2 count clues, stages 3–7 count
 * cases; each rate is the stage's count divided by its base stage's (scale 4, half up). See
 * docs/fundraising-statistics.md, "Funnel".
 *
 * @param division     the county, or {@code null} for the whole city
 * @param divisionName that county's name, or 全市
 * @param from         the first day of the period
 * @param to           the last day, included
 * @param stages       the funnel of the whole scope
 * @param counties     the funnel of each county in the scope
 */
public record FunnelView(
        String division,
        String divisionName,
        LocalDate from,
        LocalDate to,
        List<FunnelStage> stages,
        List<FunnelCounty> counties) {

    /**
     * One stage.
     *
     * @param key   e.g. {@code CASES_OPENED}
     * @param label its Chinese label
     * @param unit  {@code CLUES} or {@code CASES}
     * @param count how many reached it
     * @param base  the stage its rate is measured against, or {@code null} (no rate)
     * @param rate  count ÷ the base stage's count, or {@code null}
     */
    public record FunnelStage(String key, String label, String unit, long count, String base, BigDecimal rate) {
    }

    /** One county's funnel. */
    public record FunnelCounty(String divisionCode, String divisionName, List<FunnelStage> stages) {
    }
}
