package cn.gov.lvliang.ledger.query.fundraising;

import java.util.List;

/**
 * One page of the disposal-case list.
 *
 * @param items the cases on this page
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total the number of cases matching the filters, on all pages
 */
public record DisposalCasePage(List<DisposalCaseSummary> items, int page, int size, long total) {
}
