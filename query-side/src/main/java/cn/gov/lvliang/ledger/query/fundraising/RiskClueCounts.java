package cn.gov.lvliang.ledger.query.fundraising;

import java.util.Collection;
import java.util.List;

/**
 * The answer to {@link CountRiskCluesQuery}: the clues of its county and period, counted per group. The codes are as
 * the read model stores them, so that a count here selects exactly what the list query's filters select.
 *
 * @param groups one entry per combination that has clues
 */
public record RiskClueCounts(List<Group> groups) {

    public RiskClueCounts {
        groups = List.copyOf(groups);
    }

    /**
     * How many clues of one combination.
     *
     * @param divisionCode the county, or null
     * @param source       the {@link cn.gov.lvliang.ledger.events.fundraising.ClueSource} name, or null
     * @param keyArea      the {@link cn.gov.lvliang.ledger.events.fundraising.KeyArea} name, or null
     * @param status       the {@link ClueStatus} name
     * @param overdue      whether a verification ever passed its due date
     * @param clues        how many clues
     */
    public record Group(String divisionCode, String source, String keyArea, String status, boolean overdue,
                        long clues) {
    }

    /**
     * How many clues match, as the list query's filters of the same names match them: null or an empty collection
     * matches any value, a collection any of its names.
     */
    public long count(String divisionCode, Collection<? extends Enum<?>> sources,
                      Collection<? extends Enum<?>> keyAreas, Collection<? extends Enum<?>> statuses, Boolean overdue) {
        return groups.stream()
                .filter(group -> divisionCode == null || divisionCode.equals(group.divisionCode()))
                .filter(group -> matches(sources, group.source()))
                .filter(group -> matches(keyAreas, group.keyArea()))
                .filter(group -> matches(statuses, group.status()))
                .filter(group -> overdue == null || overdue == group.overdue())
                .mapToLong(Group::clues)
                .sum();
    }

    private static boolean matches(Collection<? extends Enum<?>> values, String name) {
        return values == null || values.isEmpty() || values.stream().anyMatch(value -> value.name().equals(name));
    }
}
