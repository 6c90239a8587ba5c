package cn.gov.lvliang.ledger.events.fundraising;

import java.time.LocalDate;

/**
 * One of the campaign's five phases (实施步骤).
 *
 * @param code a stable code, e.g. {@code RISK_SCREENING}
 * @param name the name as printed, e.g. 风险排查
 * @param from the first day of the phase
 * @param to the last day of the phase
 * @param continuesAfter whether the plan says the work goes on after the phase (e.g. 常态化开展风险排查)
 * @param printedAs the heading as printed, with its dates
 */
public record CampaignPhase(
        String code,
        String name,
        LocalDate from,
        LocalDate to,
        boolean continuesAfter,
        String printedAs) {
}
