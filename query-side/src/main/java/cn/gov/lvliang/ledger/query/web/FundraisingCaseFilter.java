package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseStatus;
import java.time.LocalDate;
import java.util.Set;

/**
 * The disposal cases a figure of the board counts, as the filters of {@code GET /api/fundraising/cases} select them,
 * under the same names. Every part is optional; they combine with AND.
 *
 * @param division      the county that handles the case
 * @param statuses      any of these statuses (now)
 * @param level         determined at this level
 * @param outcome       determined with this outcome
 * @param legacy        a legacy case (陈案积案) or not
 * @param crossProvince reaching into other provinces or not
 * @param measureKind   with at least one measure of this kind
 * @param transferred   with the police or not
 * @param escalated     escalated to the city or not
 * @param keyArea       in this key area
 * @param from          opened (or imported) on or after this day (Beijing time)
 * @param to            opened (or imported) on or before this day
 * @param q             the case's or the subject's name contains this
 */
public record FundraisingCaseFilter(
        String division,
        Set<DisposalCaseStatus> statuses,
        DeterminationLevel level,
        DeterminationOutcome outcome,
        Boolean legacy,
        Boolean crossProvince,
        MeasureKind measureKind,
        Boolean transferred,
        Boolean escalated,
        KeyArea keyArea,
        LocalDate from,
        LocalDate to,
        String q) {

    public FundraisingCaseFilter {
        division = FundraisingFilter.division(division);
        q = FundraisingFilter.blankToNull(q);
        statuses = FundraisingClueFilter.ordered(DisposalCaseStatus.class, statuses);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to (" + from + " > " + to + ")");
        }
        if (q != null && q.length() > FundraisingClueFilter.MAX_TEXT) {
            throw new IllegalArgumentException("q must be at most " + FundraisingClueFilter.MAX_TEXT + " characters");
        }
    }

    /** Every case of a county (or the city). */
    public static FundraisingCaseFilter in(String division) {
        return new FundraisingCaseFilter(division, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public FundraisingCaseFilter withDivision(String code) {
        return new FundraisingCaseFilter(code, statuses, level, outcome, legacy, crossProvince, measureKind,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withStatuses(DisposalCaseStatus... values) {
        return new FundraisingCaseFilter(division, Set.of(values), level, outcome, legacy, crossProvince, measureKind,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withLevel(DeterminationLevel value) {
        return new FundraisingCaseFilter(division, statuses, value, outcome, legacy, crossProvince, measureKind,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withOutcome(DeterminationOutcome value) {
        return new FundraisingCaseFilter(division, statuses, level, value, legacy, crossProvince, measureKind,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withLegacy(Boolean value) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, value, crossProvince, measureKind,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withCrossProvince(Boolean value) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, value, measureKind,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withMeasureKind(MeasureKind value) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, crossProvince, value,
                transferred, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withTransferred(Boolean value) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, crossProvince, measureKind,
                value, escalated, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withEscalated(Boolean value) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, crossProvince, measureKind,
                transferred, value, keyArea, from, to, q);
    }

    public FundraisingCaseFilter withKeyArea(KeyArea value) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, crossProvince, measureKind,
                transferred, escalated, value, from, to, q);
    }

    public FundraisingCaseFilter withPeriod(LocalDate first, LocalDate last) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, crossProvince, measureKind,
                transferred, escalated, keyArea, first, last, q);
    }

    public FundraisingCaseFilter withQ(String text) {
        return new FundraisingCaseFilter(division, statuses, level, outcome, legacy, crossProvince, measureKind,
                transferred, escalated, keyArea, from, to, text);
    }
}
