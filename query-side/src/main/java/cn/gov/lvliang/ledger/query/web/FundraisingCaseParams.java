package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The disposal-case list page's filters as request parameters, those of {@code GET /api/fundraising/cases} under the
 * same names, then the page.
 */
public record FundraisingCaseParams(
        String division,
        List<DisposalCaseStatus> status,
        DeterminationLevel level,
        DeterminationOutcome outcome,
        Boolean legacy,
        Boolean crossProvince,
        MeasureKind measureKind,
        Boolean transferred,
        Boolean escalated,
        KeyArea keyArea,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String q,
        Integer page) {

    public FundraisingCaseFilter toFilter() {
        return new FundraisingCaseFilter(division, FundraisingClueFilter.ordered(DisposalCaseStatus.class, status),
                level, outcome, legacy, crossProvince, measureKind, transferred, escalated, keyArea, from, to, q);
    }

    /** The page asked for, from 0. */
    public int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }
}
