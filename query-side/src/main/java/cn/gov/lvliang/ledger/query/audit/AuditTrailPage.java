package cn.gov.lvliang.ledger.query.audit;

import java.util.List;

/**
 * One page of a case's audit trail.
 *
 * @param caseId the case
 * @param items  the events on this page, in sequence order
 * @param page   the page number, from 0
 * @param size   the page size asked for
 * @param total  the events matching the filters, on all pages
 */
public record AuditTrailPage(String caseId, List<AuditTrailEntry> items, int page, int size, long total) {
}
