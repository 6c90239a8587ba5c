package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a version of the campaign calendar (the phases and reporting deadlines of 吕政办发〔2024〕20号) into the ledger.
 * The same version with the same content changes nothing; the same version with other content is refused, since a
 * change is a new version.
 *
 * @param calendarId the calendar's identifier, {@value CampaignCalendarPublishedEvent#CALENDAR_ID}
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
public record PublishCampaignCalendarCommand(
        @TargetAggregateIdentifier String calendarId,
        int version,
        String contentHash,
        String source,
        LocalDate campaignFrom,
        LocalDate campaignTo,
        List<CampaignPhase> phases,
        List<ReportingDeadline> reportingDeadlines,
        List<StatisticalTable> tables,
        Instant businessTime) {

    public PublishCampaignCalendarCommand {
        phases = phases == null ? List.of() : List.copyOf(phases);
        reportingDeadlines = reportingDeadlines == null ? List.of() : List.copyOf(reportingDeadlines);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
