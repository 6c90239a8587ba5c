package cn.gov.lvliang.ledger.query.dashboard;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which cases a drill-down lists. The first group of filters is the case list query's own ({@code GET
 * /api/bundle-cases}), with the same meaning; the rest are what the dashboards need beyond it, answered by
 * {@link DashboardQueries} with its own SQL. Every filter is optional and they combine with AND.
 *
 * @param division    the division now handling the case
 * @param bundle      the bundle code
 * @param leadUnit    the code of the bundle's lead unit
 * @param statuses    any of these statuses; empty for all
 * @param channel     how the application arrived
 * @param overdue     overdue or not
 * @param atRisk      at risk today or not
 * @param from        submitted on or after this day (Beijing time)
 * @param to          submitted on or before this day (Beijing time)
 * @param minVisits   at least this many visits in person
 * @param maxVisits   at most this many visits in person (最多跑一次 is {@code maxVisits=1})
 * @param waived      with (true) or without (false) materials the applicant did not have to submit
 * @param waiverBasis with a material waived on this basis
 * @param complaints  with a complaint, with a resolved one, or with one still unresolved
 * @param rated       rated (好差评) or not
 * @param rating      rated with this score
 * @param transfer    transferred with this mode (全市通办 or 跨市通办)
 * @param transferYear transferred (with {@code transfer}'s mode, if given) in this year (Beijing time)
 * @param item        one of the case's items has this name
 * @param bundleYear  the bundle is on this year's list of the latest catalog
 */
public record CaseFilter(
        String division,
        String bundle,
        String leadUnit,
        Set<CaseStatus> statuses,
        Channel channel,
        Boolean overdue,
        Boolean atRisk,
        LocalDate from,
        LocalDate to,
        Integer minVisits,
        Integer maxVisits,
        Boolean waived,
        WaiverBasis waiverBasis,
        ComplaintFilter complaints,
        Boolean rated,
        Integer rating,
        TransferMode transfer,
        Integer transferYear,
        String item,
        Integer bundleYear) {

    /** Which complaints (办不成事反映) a case must have. */
    public enum ComplaintFilter {
        /** At least one complaint. */
        ANY,
        /** At least one resolved complaint. */
        RESOLVED,
        /** At least one complaint not yet resolved. */
        UNRESOLVED
    }

    public CaseFilter {
        division = DashboardFilter.blankToNull(division);
        bundle = DashboardFilter.blankToNull(bundle);
        leadUnit = DashboardFilter.blankToNull(leadUnit);
        item = DashboardFilter.blankToNull(item);
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to (" + from + " > " + to + ")");
        }
    }

    /** True if the case list query alone can answer this filter; false if it needs the dashboards' own SQL. */
    public boolean listQueryAnswers() {
        return minVisits == null && maxVisits == null && waived == null && waiverBasis == null
                && complaints == null && rated == null && rating == null && transfer == null
                && transferYear == null && item == null && bundleYear == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change one filter at a time, as drill-down links do. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.division = division;
        builder.bundle = bundle;
        builder.leadUnit = leadUnit;
        builder.statuses = statuses.isEmpty() ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(statuses);
        builder.channel = channel;
        builder.overdue = overdue;
        builder.atRisk = atRisk;
        builder.from = from;
        builder.to = to;
        builder.minVisits = minVisits;
        builder.maxVisits = maxVisits;
        builder.waived = waived;
        builder.waiverBasis = waiverBasis;
        builder.complaints = complaints;
        builder.rated = rated;
        builder.rating = rating;
        builder.transfer = transfer;
        builder.transferYear = transferYear;
        builder.item = item;
        builder.bundleYear = bundleYear;
        return builder;
    }

    /** Builds a {@link CaseFilter}; unset filters select everything. */
    public static final class Builder {

        private String division;
        private String bundle;
        private String leadUnit;
        private Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        private Channel channel;
        private Boolean overdue;
        private Boolean atRisk;
        private LocalDate from;
        private LocalDate to;
        private Integer minVisits;
        private Integer maxVisits;
        private Boolean waived;
        private WaiverBasis waiverBasis;
        private ComplaintFilter complaints;
        private Boolean rated;
        private Integer rating;
        private TransferMode transfer;
        private Integer transferYear;
        private String item;
        private Integer bundleYear;

        private Builder() {
        }

        public Builder division(String value) {
            division = value;
            return this;
        }

        public Builder bundle(String value) {
            bundle = value;
            return this;
        }

        public Builder leadUnit(String value) {
            leadUnit = value;
            return this;
        }

        public Builder status(CaseStatus... values) {
            statuses = EnumSet.noneOf(CaseStatus.class);
            statuses.addAll(Set.of(values));
            return this;
        }

        public Builder statuses(Set<CaseStatus> values) {
            statuses = values == null || values.isEmpty() ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(values);
            return this;
        }

        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        public Builder overdue(Boolean value) {
            overdue = value;
            return this;
        }

        public Builder atRisk(Boolean value) {
            atRisk = value;
            return this;
        }

        public Builder from(LocalDate value) {
            from = value;
            return this;
        }

        public Builder to(LocalDate value) {
            to = value;
            return this;
        }

        public Builder minVisits(Integer value) {
            minVisits = value;
            return this;
        }

        public Builder maxVisits(Integer value) {
            maxVisits = value;
            return this;
        }

        public Builder waived(Boolean value) {
            waived = value;
            return this;
        }

        public Builder waiverBasis(WaiverBasis value) {
            waiverBasis = value;
            return this;
        }

        public Builder complaints(ComplaintFilter value) {
            complaints = value;
            return this;
        }

        public Builder rated(Boolean value) {
            rated = value;
            return this;
        }

        public Builder rating(Integer value) {
            rating = value;
            return this;
        }

        public Builder transfer(TransferMode value) {
            transfer = value;
            return this;
        }

        public Builder transferYear(Integer value) {
            transferYear = value;
            return this;
        }

        public Builder item(String value) {
            item = value;
            return this;
        }

        public Builder bundleYear(Integer value) {
            bundleYear = value;
            return this;
        }

        public CaseFilter build() {
            return new CaseFilter(division, bundle, leadUnit, statuses, channel, overdue, atRisk, from, to,
                    minVisits, maxVisits, waived, waiverBasis, complaints, rated, rating, transfer, transferYear,
                    item, bundleYear);
        }
    }
}
