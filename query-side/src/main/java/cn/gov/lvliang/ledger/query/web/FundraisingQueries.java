package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView;
import cn.gov.lvliang.ledger.query.fundraising.CountRiskCluesQuery;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCasePage;
import cn.gov.lvliang.ledger.query.fundraising.FindCampaignStandingQuery;
import cn.gov.lvliang.ledger.query.fundraising.FindFunnelQuery;
import cn.gov.lvliang.ledger.query.fundraising.FindLegacyCasesQuery;
import cn.gov.lvliang.ledger.query.fundraising.FindRecoveryQuery;
import cn.gov.lvliang.ledger.query.fundraising.FindRiskClueQuery;
import cn.gov.lvliang.ledger.query.fundraising.FindStatisticsTableQuery;
import cn.gov.lvliang.ledger.query.fundraising.FunnelView;
import cn.gov.lvliang.ledger.query.fundraising.LegacyCasesView;
import cn.gov.lvliang.ledger.query.fundraising.ListDisposalCasesQuery;
import cn.gov.lvliang.ledger.query.fundraising.ListRiskCluesQuery;
import cn.gov.lvliang.ledger.query.fundraising.RecoveryView;
import cn.gov.lvliang.ledger.query.fundraising.RiskClueCounts;
import cn.gov.lvliang.ledger.query.fundraising.RiskCluePage;
import cn.gov.lvliang.ledger.query.fundraising.RiskClueView;
import cn.gov.lvliang.ledger.query.fundraising.SortDirection;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTable;
import cn.gov.lvliang.ledger.query.fundraising.StatisticsTableKind;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The fundraising board's way to the campaign's read models: their own {@code @QueryHandler}s through the
 * {@link QueryGateway}, asked exactly as the fundraising REST API asks them, so that a figure on a page is the API's
 * answer to the same parameters.
 */
@Component
public class FundraisingQueries {

    /** The most clues or cases the list queries answer in one page. */
    public static final int MAX_PAGE_SIZE = 200;

    private final QueryGateway queryGateway;
    private final Clock clock;

    FundraisingQueries(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    /** Today in Beijing, by the query side's clock. */
    public LocalDate today() {
        return BusinessDay.today(clock);
    }

    /**
     * The board's filter for the request: its county, and its period, or else the campaign so far (from the
     * calendar's first day to today, within the campaign's dates), or the current year so far before a calendar is
     * published.
     */
    public FundraisingFilter resolve(FundraisingParams params, Optional<CampaignStandingView> standing) {
        LocalDate today = today();
        LocalDate defaultFrom = standing.map(CampaignStandingView::campaignFrom).orElse(today.withDayOfYear(1));
        LocalDate defaultTo = standing.map(s -> today.isAfter(s.campaignTo()) ? s.campaignTo() : today).orElse(today);
        LocalDate from = params.from() != null ? params.from() : defaultFrom;
        LocalDate to = params.to() != null ? params.to() : defaultTo;
        if (params.from() == null && from.isAfter(to)) {
            from = to;
        } else if (params.to() == null && to.isBefore(from)) {
            to = from;
        }
        return new FundraisingFilter(params.division(), from, to);
    }

    /** Where the campaign and each county (or one) stand today; empty before the calendar is published. */
    public Optional<CampaignStandingView> standing(String division) {
        return queryGateway.query(new FindCampaignStandingQuery(division),
                ResponseTypes.optionalInstanceOf(CampaignStandingView.class)).join();
    }

    public FunnelView funnel(FundraisingFilter filter) {
        return queryGateway.query(new FindFunnelQuery(filter.division(), filter.from(), filter.to()),
                ResponseTypes.instanceOf(FunnelView.class)).join();
    }

    /** Recovery and refunds as at the end of a day. */
    public RecoveryView recovery(String division, LocalDate asOf) {
        return queryGateway.query(new FindRecoveryQuery(division, asOf), ResponseTypes.instanceOf(RecoveryView.class))
                .join();
    }

    public LegacyCasesView legacyCases() {
        return queryGateway.query(new FindLegacyCasesQuery(), ResponseTypes.instanceOf(LegacyCasesView.class)).join();
    }

    public StatisticsTable statistics(StatisticsTableKind kind, FundraisingFilter filter) {
        return queryGateway.query(new FindStatisticsTableQuery(kind, filter.division(), filter.from(), filter.to()),
                ResponseTypes.instanceOf(StatisticsTable.class)).join();
    }

    /** One page of the clue ledger, newest first, as {@code GET /api/fundraising/clues} answers it. */
    public RiskCluePage clues(FundraisingClueFilter filter, int page, int size) {
        return queryGateway.query(new ListRiskCluesQuery(filter.division(), filter.sources(), filter.keyAreas(),
                        filter.outcomes(), filter.statuses(), filter.overdue(), filter.from(), filter.to(), filter.q(),
                        ListRiskCluesQuery.Sort.RECORDED_AT, SortDirection.DESC, page, size),
                ResponseTypes.instanceOf(RiskCluePage.class)).join();
    }

    /** One clue of the ledger, as {@code GET /api/fundraising/clues/{clueId}} answers it. */
    public Optional<RiskClueView> clue(String clueId) {
        return queryGateway.query(new FindRiskClueQuery(clueId), ResponseTypes.optionalInstanceOf(RiskClueView.class))
                .join();
    }

    /** How many clues the filter selects: the list's {@code total}, without a page of clues. */
    public long clueCount(FundraisingClueFilter filter) {
        return clues(filter, 0, 0).total();
    }

    /** The clues recorded in the board's county and period, counted per county, source, key area and status. */
    public RiskClueCounts clueCounts(FundraisingFilter filter) {
        return queryGateway.query(new CountRiskCluesQuery(filter.division(), filter.from(), filter.to()),
                ResponseTypes.instanceOf(RiskClueCounts.class)).join();
    }

    /** One page of the disposal cases, newest first, as {@code GET /api/fundraising/cases} answers it. */
    public DisposalCasePage cases(FundraisingCaseFilter filter, int page, int size) {
        return queryGateway.query(new ListDisposalCasesQuery(filter.division(), filter.statuses(), filter.level(),
                        filter.outcome(), filter.legacy(), filter.crossProvince(), filter.measureKind(),
                        filter.transferred(), filter.escalated(), filter.keyArea(), filter.from(), filter.to(),
                        filter.q(), ListDisposalCasesQuery.Sort.OPENED_AT, SortDirection.DESC, page, size),
                ResponseTypes.instanceOf(DisposalCasePage.class)).join();
    }

    /** How many cases the filter selects: the list's {@code total}, without a page of cases. */
    public long caseCount(FundraisingCaseFilter filter) {
        return cases(filter, 0, 0).total();
    }
}
