package cn.gov.lvliang.ledger.query.fundraising;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the campaign, and each county, stands against the published calendar today (by the query side's clock, in
 * Beijing). The ledger records no event for a report being submitted, so a deadline shows only its date and the days
 * left or past, never whether a county met it. See docs/fundraising-statistics.md, "Campaign calendar".
 *
 * @param today               today in Beijing
 * @param calendarVersion     the calendar version read
 * @param source              the document the calendar comes from
 * @param campaignFrom        the campaign's first day
 * @param campaignTo          the campaign's last day
 * @param campaignState       {@code BEFORE}, {@code RUNNING} or {@code ENDED}
 * @param daysLeftInCampaign  days from today to the last day, while it runs; {@code null} otherwise
 * @param currentPhases       the codes of the phases under way today (phases overlap)
 * @param phases              every phase with its state
 * @param deadlines           every reporting deadline with its state
 * @param nextDeadline        the code of the next deadline due today or later, or {@code null}
 * @param submissionsRecorded always {@code false}: the ledger has no event for a report being submitted
 * @param submissionNote      says so in words
 * @param counties            each county's activity, per phase and now
 */
public record CampaignStandingView(
        LocalDate today,
        int calendarVersion,
        String source,
        LocalDate campaignFrom,
        LocalDate campaignTo,
        String campaignState,
        Long daysLeftInCampaign,
        List<String> currentPhases,
        List<PhaseStanding> phases,
        List<DeadlineStanding> deadlines,
        String nextDeadline,
        boolean submissionsRecorded,
        String submissionNote,
        List<CountyStanding> counties) {

    /**
     * A phase and its state today: {@code UPCOMING}, {@code CURRENT}, {@code CONTINUING} (past its printed end, but the
     * plan says the work goes on while the campaign runs) or {@code ENDED}.
     *
     * @param daysLeft days from today to the phase's last day while it is current; {@code null} otherwise
     */
    public record PhaseStanding(String code, String name, String printedAs, LocalDate from, LocalDate to,
                                boolean continuesAfter, String state, Long daysLeft) {
    }

    /**
     * A reporting deadline and its state today: {@code UPCOMING}, {@code DUE_TODAY} or {@code PASSED}.
     *
     * @param daysLeft    calendar days from today to the due date, when it is today or later
     * @param daysPastDue calendar days since the due date, when it has passed; whether the report came is unknown
     * @param submission  always {@code NOT_RECORDED}
     */
    public record DeadlineStanding(String code, String name, LocalDate dueDate, boolean datePrinted,
                                   LocalDate coversFrom, LocalDate coversTo, String recipientUnit,
                                   List<CampaignCalendar.CalendarTable> tables, String state, Long daysLeft,
                                   Long daysPastDue, String submission) {
    }

    /**
     * A county's activity.
     *
     * @param divisionCode              the county
     * @param divisionName              its name
     * @param phases                    what happened in each phase's dates, up to today
     * @param cluesAwaitingVerification clues recorded and not yet verified (nor ended) today
     * @param cluesOverdue              of those, being verified past their due date
     * @param casesInProgress           cases opened or imported and not closed
     * @param casesClosed               cases closed
     * @param legacyCases               the plan's legacy cases of the county (and any other imported)
     * @param legacyResolved            of those, closed
     */
    public record CountyStanding(String divisionCode, String divisionName, List<PhaseActivity> phases,
                                 long cluesAwaitingVerification, long cluesOverdue, long casesInProgress,
                                 long casesClosed, long legacyCases, long legacyResolved) {
    }

    /** What a county did within a phase's dates: clues recorded, cases opened (not imported) and cases closed. */
    public record PhaseActivity(String phase, long cluesRecorded, long casesOpened, long casesClosed) {
    }
}
