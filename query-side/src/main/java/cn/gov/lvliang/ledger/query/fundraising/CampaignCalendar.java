package cn.gov.lvliang.ledger.query.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The campaign calendar as last published: the campaign's dates, its five phases, the reporting deadlines and the
 * statistical tables the reports carry, in their published order.
 *
 * @param calendarId    the calendar's identifier
 * @param version       the published version
 * @param contentHash   the SHA-256 of the data file it was read from
 * @param source        the document it comes from
 * @param campaignFrom  the campaign's first day
 * @param campaignTo    the campaign's last day
 * @param publishedAt   when it was published
 * @param phases        the phases
 * @param deadlines     the reporting deadlines
 * @param tables        the statistical tables
 */
public record CampaignCalendar(
        String calendarId,
        int version,
        String contentHash,
        String source,
        LocalDate campaignFrom,
        LocalDate campaignTo,
        Instant publishedAt,
        List<CalendarPhase> phases,
        List<CalendarDeadline> deadlines,
        List<CalendarTable> tables) {

    /** A phase (实施步骤); {@code continuesAfter} when the plan says its work goes on afterwards. */
    public record CalendarPhase(String code, String name, LocalDate from, LocalDate to, boolean continuesAfter,
                                String printedAs) {
    }

    /**
     * A reporting deadline (信息报送).
     *
     * @param code          a stable code, e.g. WORK_PLAN
     * @param name          what is due
     * @param dueDate       the last day it is on time
     * @param coversFrom    the first day of the period it reports on, or {@code null}
     * @param coversTo      the last day of that period, or {@code null}
     * @param recipientUnit the unit it goes to
     * @param datePrinted   whether the plan prints the date (otherwise the ledger chose it)
     * @param attachments   the attachment numbers of the tables that go with it
     */
    public record CalendarDeadline(String code, String name, LocalDate dueDate, LocalDate coversFrom,
                                   LocalDate coversTo, String recipientUnit, boolean datePrinted,
                                   List<Integer> attachments) {
    }

    /** A statistical table attached to the plan. */
    public record CalendarTable(int attachment, String title) {
    }
}
