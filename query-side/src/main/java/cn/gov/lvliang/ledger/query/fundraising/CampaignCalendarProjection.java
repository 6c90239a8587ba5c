package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.Rows.date;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignPhase;
import cn.gov.lvliang.ledger.events.fundraising.ReportingDeadline;
import cn.gov.lvliang.ledger.events.fundraising.StatisticalTable;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign calendar read model: the latest published version of the calendar of 吕政办发〔2024〕20号, its phases,
 * reporting deadlines and statistical tables. {@link FundraisingStatistics} reads it through {@link #calendar()} to
 * place today in the campaign and to title the statistics tables.
 *
 * <p>The latest version wins: the same version again (a redelivery) or an older one changes nothing, so the handler is
 * idempotent. Writes go through {@link #sql}, so that a rebuild can run a second instance into shadow tables.
 */
@Component
@ProcessingGroup(CampaignCalendarProjection.PROCESSING_GROUP)
class CampaignCalendarProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "fundraising-campaign";

    /** Every table of this read model, the publication last. */
    static final List<String> TABLES = List.of("fundraising_calendar_phase", "fundraising_calendar_deadline",
            "fundraising_calendar_table", "fundraising_calendar");

    private final JdbcClient jdbc;
    private final ProjectionTables tables;

    @Autowired
    CampaignCalendarProjection(JdbcClient jdbc) {
        this(jdbc, ProjectionTables.LIVE);
    }

    private CampaignCalendarProjection(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new CampaignCalendarProjection(jdbc, tables);
    }

    @EventHandler
    void on(CampaignCalendarPublishedEvent event, @Timestamp Instant recordedAt) {
        Optional<Integer> current = sql("SELECT version FROM fundraising_calendar WHERE calendar_id = :id")
                .param("id", event.calendarId())
                .query(Integer.class)
                .optional();
        if (current.isPresent() && current.get() >= event.version()) {
            return;
        }
        tables.clear(jdbc, TABLES);
        int order = 0;
        for (CampaignPhase phase : event.phases()) {
            sql("""
                            INSERT INTO fundraising_calendar_phase (code, list_order, name, starts_on, ends_on,
                                continues_after, printed_as, version)
                            VALUES (:code, :order, :name, :from, :to, :continuesAfter, :printedAs, :version)""")
                    .param("code", phase.code())
                    .param("order", order++)
                    .param("name", phase.name())
                    .param("from", phase.from())
                    .param("to", phase.to())
                    .param("continuesAfter", phase.continuesAfter())
                    .param("printedAs", phase.printedAs())
                    .param("version", event.version())
                    .update();
        }
        order = 0;
        for (ReportingDeadline deadline : event.reportingDeadlines()) {
            sql("""
                            INSERT INTO fundraising_calendar_deadline (code, list_order, name, due_date, covers_from,
                                covers_to, recipient_unit, date_printed, attachments, version)
                            VALUES (:code, :order, :name, :dueDate, :coversFrom, :coversTo, :recipient, :datePrinted,
                                :attachments, :version)""")
                    .param("code", deadline.code())
                    .param("order", order++)
                    .param("name", deadline.name())
                    .param("dueDate", deadline.dueDate())
                    .param("coversFrom", deadline.coversFrom())
                    .param("coversTo", deadline.coversTo())
                    .param("recipient", deadline.recipientUnit())
                    .param("datePrinted", deadline.datePrinted())
                    .param("attachments", StringLists.toJson(deadline.tables().stream().map(String::valueOf)
                            .toList()))
                    .param("version", event.version())
                    .update();
        }
        for (StatisticalTable table : event.tables()) {
            sql("INSERT INTO fundraising_calendar_table (attachment, title, version) VALUES (:attachment, :title, "
                            + ":version)")
                    .param("attachment", table.attachment())
                    .param("title", table.title())
                    .param("version", event.version())
                    .update();
        }
        sql("""
                        INSERT INTO fundraising_calendar (calendar_id, version, content_hash, source, campaign_from,
                            campaign_to, published_at, recorded_at)
                        VALUES (:id, :version, :contentHash, :source, :from, :to, :publishedAt, :recordedAt)""")
                .param("id", event.calendarId())
                .param("version", event.version())
                .param("contentHash", event.contentHash())
                .param("source", event.source())
                .param("from", event.campaignFrom())
                .param("to", event.campaignTo())
                .param("publishedAt", utc(event.businessTime()))
                .param("recordedAt", utc(recordedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
    }

    @QueryHandler
    Optional<CampaignCalendar> handle(FindCampaignCalendarQuery query) {
        return calendar();
    }

    /** The calendar as last published, or empty before the command side has published one. */
    Optional<CampaignCalendar> calendar() {
        List<CampaignCalendar.CalendarPhase> phases = jdbc
                .sql("SELECT * FROM fundraising_calendar_phase ORDER BY list_order")
                .query((row, rowNumber) -> new CampaignCalendar.CalendarPhase(
                        row.getString("code"),
                        row.getString("name"),
                        date(row, "starts_on"),
                        date(row, "ends_on"),
                        row.getBoolean("continues_after"),
                        row.getString("printed_as")))
                .list();
        List<CampaignCalendar.CalendarDeadline> deadlines = jdbc
                .sql("SELECT * FROM fundraising_calendar_deadline ORDER BY list_order")
                .query((row, rowNumber) -> new CampaignCalendar.CalendarDeadline(
                        row.getString("code"),
                        row.getString("name"),
                        date(row, "due_date"),
                        date(row, "covers_from"),
                        date(row, "covers_to"),
                        row.getString("recipient_unit"),
                        row.getBoolean("date_printed"),
                        StringLists.fromJson(row.getString("attachments")).stream().map(Integer::valueOf).toList()))
                .list();
        List<CampaignCalendar.CalendarTable> statisticalTables = jdbc
                .sql("SELECT * FROM fundraising_calendar_table ORDER BY attachment")
                .query((row, rowNumber) -> new CampaignCalendar.CalendarTable(row.getInt("attachment"),
                        row.getString("title")))
                .list();
        return jdbc.sql("SELECT * FROM fundraising_calendar WHERE calendar_id = :id")
                .param("id", CampaignCalendarPublishedEvent.CALENDAR_ID)
                .query((row, rowNumber) -> new CampaignCalendar(
                        row.getString("calendar_id"),
                        row.getInt("version"),
                        row.getString("content_hash"),
                        row.getString("source"),
                        date(row, "campaign_from"),
                        date(row, "campaign_to"),
                        instant(row, "published_at"),
                        phases,
                        deadlines,
                        statisticalTables))
                .optional();
    }
}
