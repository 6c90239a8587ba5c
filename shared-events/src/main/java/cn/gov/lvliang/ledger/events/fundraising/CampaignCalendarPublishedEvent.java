package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version of the campaign calendar was published, so that read models can place facts in the campaign's phases and
 * measure reports against their deadlines.
 *
 * @param calendarId the calendar's identifier
 * @param version the calendar version
 * @param contentHash the SHA-256 of the data file the version was read from
 * @param source the document it comes from
 * @param campaignFrom the campaign's first day
 * @param campaignTo the campaign's last day
 * @param phases the five phases
 * @param reportingDeadlines the reporting deadlines
 * @param tables the statistical tables the reports carry
 * @param businessTime when the version was published
 */
@Revision("1")
public record CampaignCalendarPublishedEvent(
        String calendarId,
        int version,
        String contentHash,
        String source,
        LocalDate campaignFrom,
        LocalDate campaignTo,
        List<CampaignPhase> phases,
        List<ReportingDeadline> reportingDeadlines,
        List<StatisticalTable> tables,
        Instant businessTime) {

    /** The one campaign calendar the ledger keeps. */
    public static final String CALENDAR_ID = "fundraising-campaign-calendar";

    public CampaignCalendarPublishedEvent {
        phases = phases == null ? List.of() : List.copyOf(phases);
        reportingDeadlines = reportingDeadlines == null ? List.of() : List.copyOf(reportingDeadlines);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
