package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter.ComplaintFilter;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The case list page's filters as request parameters: those of {@code GET /api/bundle-cases} under the same names,
 * then the dashboards' own (see {@link CaseFilter}), then the page.
 */
public record CaseParams(
        String division,
        String bundle,
        String leadUnit,
        List<CaseStatus> status,
        Channel channel,
        Boolean overdue,
        Boolean atRisk,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
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
        Integer bundleYear,
        Integer page) {

    public CaseFilter toFilter() {
        EnumSet<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        if (status != null) {
            status.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return CaseFilter.builder()
                .division(division)
                .bundle(bundle)
                .leadUnit(leadUnit)
                .statuses(statuses)
                .channel(channel)
                .overdue(overdue)
                .atRisk(atRisk)
                .from(from)
                .to(to)
                .minVisits(minVisits)
                .maxVisits(maxVisits)
                .waived(waived)
                .waiverBasis(waiverBasis)
                .complaints(complaints)
                .rated(rated)
                .rating(rating)
                .transfer(transfer)
                .transferYear(transferYear)
                .item(item)
                .bundleYear(bundleYear)
                .build();
    }

    /** The page asked for, from 0. */
    public int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }
}
