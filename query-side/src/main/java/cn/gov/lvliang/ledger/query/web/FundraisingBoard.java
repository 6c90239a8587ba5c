package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.fundraising.CampaignStandingView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the fundraising board (打击非法集资) shows: its filter, where the campaign stands today, and its tables in page
 * order.
 *
 * @param filter       the county and period the board is cut to
 * @param scopeName    the county's name, or 全市
 * @param today        today in Beijing, by the query side's clock
 * @param standing     where the campaign stands, or null before the calendar is published
 * @param tables       every table of the board by id, in page order
 * @param periods      periods a reader often wants (the campaign so far, each report's period), as board links
 */
public record FundraisingBoard(FundraisingFilter filter, String scopeName, LocalDate today,
                               CampaignStandingView standing, Map<String, Table> tables, List<Shortcut> periods) {

    /** A period to cut the board to, with the board's link for it. */
    public record Shortcut(String label, String href, boolean active) {
    }
}
