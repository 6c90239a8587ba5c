package cn.gov.lvliang.ledger.command.bundle;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The promised time limits of bundles and items, in working days, and how close to its due date a case counts as at
 * risk. Every bundle has the default unless it has its own entry; see docs/bundle-cases.md for the reasoning.
 *
 * @param defaultCaseWorkingDays the promised limit of a bundle case from acceptance to conclusion
 * @param defaultItemWorkingDays the limit of one item from dispatch to decision
 * @param atRiskWorkingDays      working days before the due date from which a case is at risk
 * @param caseWorkingDays        per-bundle limits by catalog code
 * @param itemWorkingDays        per-bundle item limits by catalog code
 */
@ConfigurationProperties("ledger.bundles.time-limits")
record TimeLimits(
        int defaultCaseWorkingDays,
        int defaultItemWorkingDays,
        int atRiskWorkingDays,
        Map<String, Integer> caseWorkingDays,
        Map<String, Integer> itemWorkingDays) {

    TimeLimits {
        caseWorkingDays = caseWorkingDays == null ? Map.of() : Map.copyOf(caseWorkingDays);
        itemWorkingDays = itemWorkingDays == null ? Map.of() : Map.copyOf(itemWorkingDays);
        if (defaultCaseWorkingDays < 1 || defaultItemWorkingDays < 1 || atRiskWorkingDays < 0) {
            throw new IllegalArgumentException("time limits must be at least one working day");
        }
    }

    int caseLimit(String bundleCode) {
        return caseWorkingDays.getOrDefault(bundleCode, defaultCaseWorkingDays);
    }

    int itemLimit(String bundleCode) {
        return itemWorkingDays.getOrDefault(bundleCode, defaultItemWorkingDays);
    }
}
