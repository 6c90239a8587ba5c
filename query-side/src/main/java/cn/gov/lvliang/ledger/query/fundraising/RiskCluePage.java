package cn.gov.lvliang.ledger.query.fundraising;

import java.util.List;

/**
 * One page of the risk-clue ledger.
 *
 * @param items the clues on this page
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total the number of clues matching the filters, on all pages
 */
public record RiskCluePage(List<RiskClueView> items, int page, int size, long total) {
}
