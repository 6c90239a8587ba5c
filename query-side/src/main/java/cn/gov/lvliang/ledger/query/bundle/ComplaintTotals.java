package cn.gov.lvliang.ledger.query.bundle;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Complaints lodged (办不成事反映), how many of them are resolved, and the seconds from lodging to resolution summed
 * over the resolved ones: what the dashboards show of complaints, added up from complaint rows.
 */
public record ComplaintTotals(long lodged, long resolved, long resolutionSeconds) {

    public static final ComplaintTotals NONE = new ComplaintTotals(0, 0, 0);

    /** These and one more complaint, lodged at {@code lodgedAt} and resolved at {@code resolvedAt} (null if not). */
    public ComplaintTotals plus(OffsetDateTime lodgedAt, OffsetDateTime resolvedAt) {
        return resolvedAt == null
                ? new ComplaintTotals(lodged + 1, resolved, resolutionSeconds)
                : new ComplaintTotals(lodged + 1, resolved + 1,
                        resolutionSeconds + Duration.between(lodgedAt, resolvedAt).toSeconds());
    }

    public ComplaintTotals plus(ComplaintTotals other) {
        return new ComplaintTotals(lodged + other.lodged, resolved + other.resolved,
                resolutionSeconds + other.resolutionSeconds);
    }

    /** Calendar days from lodging to resolution on average over the resolved complaints; null if none is. */
    public Double averageDaysToResolve() {
        return resolved == 0 ? null : resolutionSeconds / 86_400.0 / resolved;
    }
}
