package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignPhase;
import cn.gov.lvliang.ledger.events.fundraising.PublishCampaignCalendarCommand;
import cn.gov.lvliang.ledger.events.fundraising.ReportingDeadline;
import cn.gov.lvliang.ledger.events.fundraising.StatisticalTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The campaign's phases and reporting deadlines, loaded from the versioned data file transcribed from
 * 吕政办发〔2024〕20号. A broken file fails the start-up and names itself.
 */
@Component
public class CampaignCalendar {

    static final String RESOURCE = "fundraising/campaign-calendar-v1.json";

    private final CalendarFile content;
    private final String contentHash;

    public CampaignCalendar(ObjectMapper objectMapper, ReferenceData referenceData) {
        VersionedDataFile<CalendarFile> file = VersionedDataFile.read(objectMapper, RESOURCE, CalendarFile.class);
        this.content = file.content();
        this.contentHash = file.contentHash();
        check(content, referenceData);
    }

    public int version() {
        return content.version();
    }

    String contentHash() {
        return contentHash;
    }

    /** The campaign's last day. */
    public LocalDate campaignTo() {
        return content.campaignTo();
    }

    List<CampaignPhase> phases() {
        return content.phases();
    }

    List<ReportingDeadline> reportingDeadlines() {
        return content.reportingDeadlines();
    }

    public PublishCampaignCalendarCommand publishCommand(Instant businessTime) {
        return new PublishCampaignCalendarCommand(CampaignCalendarPublishedEvent.CALENDAR_ID, content.version(),
                contentHash, content.source(), content.campaignFrom(), content.campaignTo(), content.phases(),
                content.reportingDeadlines(), content.tables(), businessTime);
    }

    private static void check(CalendarFile file, ReferenceData referenceData) {
        Set<String> codes = new HashSet<>();
        for (CampaignPhase phase : file.phases()) {
            require(codes.add(phase.code()), "phase " + phase.code() + " appears twice");
            require(!phase.to().isBefore(phase.from()), "phase " + phase.code() + " ends before it starts");
            require(within(file, phase.from()) && within(file, phase.to()), "phase " + phase.code()
                    + " lies outside the campaign");
        }
        Set<Integer> tables = new HashSet<>();
        file.tables().forEach(table -> tables.add(table.attachment()));
        for (ReportingDeadline deadline : file.reportingDeadlines()) {
            require(codes.add(deadline.code()), "code " + deadline.code() + " appears twice");
            require(within(file, deadline.dueDate()), "deadline " + deadline.code() + " lies outside the campaign");
            require(referenceData.unit(deadline.recipientUnit()).isPresent(), "deadline " + deadline.code()
                    + " goes to unknown unit " + deadline.recipientUnit());
            require(tables.containsAll(deadline.tables()), "deadline " + deadline.code() + " names an unknown table");
        }
    }

    private static boolean within(CalendarFile file, LocalDate date) {
        return !date.isBefore(file.campaignFrom()) && !date.isAfter(file.campaignTo());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(RESOURCE + ": " + problem);
        }
    }

    /** The shape of the data file. */
    record CalendarFile(int version, String source, LocalDate campaignFrom, LocalDate campaignTo,
                        List<CampaignPhase> phases, List<ReportingDeadline> reportingDeadlines,
                        List<StatisticalTable> tables) {

        CalendarFile {
            phases = List.copyOf(phases);
            reportingDeadlines = List.copyOf(reportingDeadlines);
            tables = List.copyOf(tables);
        }
    }
}
