package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.fundraising.ClueStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The clue list page's filters as request parameters, those of {@code GET /api/fundraising/clues} under the same
 * names (a repeated or comma-separated parameter matches any of its values), then the page.
 */
public record FundraisingClueParams(
        String division,
        List<ClueSource> source,
        List<KeyArea> keyArea,
        List<VerificationOutcome> outcome,
        List<ClueStatus> status,
        Boolean overdue,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String q,
        Integer page) {

    public FundraisingClueFilter toFilter() {
        return new FundraisingClueFilter(division, FundraisingClueFilter.ordered(ClueSource.class, source),
                FundraisingClueFilter.ordered(KeyArea.class, keyArea),
                FundraisingClueFilter.ordered(VerificationOutcome.class, outcome),
                FundraisingClueFilter.ordered(ClueStatus.class, status), overdue, from, to, q);
    }

    /** The page asked for, from 0. */
    public int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }
}
