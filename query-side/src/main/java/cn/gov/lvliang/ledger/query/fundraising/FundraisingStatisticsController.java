package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign's statistics: the case progress funnel, recovery coverage and refund ratios, the campaign calendar and
 * where the counties stand against it, and the plan's three statistics tables. Every figure is defined in
 * docs/fundraising-statistics.md.
 */
@RestController
@RequestMapping("/api/fundraising")
@Tag(name = "Fundraising: statistics", description = "打击非法集资: funnel, recovery, calendar and statistics tables")
class FundraisingStatisticsController {

    private final QueryGateway queryGateway;
    private final Clock clock;

    FundraisingStatisticsController(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    @GetMapping("/funnel")
    @Operation(summary = "The case progress funnel of the clues recorded in a period",
            description = "Clues recorded in the period → verified with a risk → cases opened from them → "
                    + "determined → measures ordered → transferred to the police → closed, each stage as reached by "
                    + "the end of the period, for the whole city (or one county) and per county.")
    FunnelView funnel(
            @Parameter(description = "County-level division; none for the whole city", example = "141125")
            @RequestParam(required = false) String division,
            @Parameter(description = "First day of the period (Beijing time)", example = "2024-07-01", required = true)
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the period, included", example = "2024-12-31", required = true)
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        FundraisingParameters.period(from, to);
        return queryGateway.query(new FindFunnelQuery(FundraisingParameters.division(division), from, to),
                ResponseTypes.instanceOf(FunnelView.class)).join();
    }

    @GetMapping("/recovery")
    @Operation(summary = "Recovery coverage and refund ratios per case and per county, as at a day",
            description = "Recovered ÷ estimated amount (cases without an estimate left out of both sums), "
                    + "refunded ÷ recovered and refunded ÷ registered claims, exact quotients rounded half up to 4 "
                    + "places; amounts in fen and in yuan.")
    RecoveryView recovery(
            @Parameter(description = "County-level division; none for the whole city", example = "141125")
            @RequestParam(required = false) String division,
            @Parameter(description = "The day the figures are as at, at its end (Beijing time); today if absent",
                    example = "2025-06-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : BusinessDay.today(clock);
        return queryGateway.query(new FindRecoveryQuery(FundraisingParameters.division(division), day),
                ResponseTypes.instanceOf(RecoveryView.class)).join();
    }

    @GetMapping("/campaign/calendar")
    @Operation(summary = "The campaign calendar as published",
            description = "The campaign's dates, its five phases, the reporting deadlines and the statistical "
                    + "tables, as the command side published them. 404 before the first publication.")
    CampaignCalendar calendar() {
        Optional<CampaignCalendar> calendar = queryGateway.query(new FindCampaignCalendarQuery(),
                ResponseTypes.optionalInstanceOf(CampaignCalendar.class)).join();
        return calendar.orElseThrow(() -> new NotFoundException("No campaign calendar has been published yet"));
    }

    @GetMapping("/campaign")
    @Operation(summary = "Where the campaign and each county stand against the calendar today",
            description = "Today's phases, every reporting deadline with the days left or past, and each county's "
                    + "activity per phase. The ledger has no event for a report being submitted, so whether a "
                    + "county reported on time is not shown. 404 before the calendar is published.")
    CampaignStandingView campaign(
            @Parameter(description = "County-level division; none for every county", example = "141125")
            @RequestParam(required = false) String division) {
        Optional<CampaignStandingView> standing = queryGateway.query(
                new FindCampaignStandingQuery(FundraisingParameters.division(division)),
                ResponseTypes.optionalInstanceOf(CampaignStandingView.class)).join();
        return standing.orElseThrow(() -> new NotFoundException("No campaign calendar has been published yet"));
    }

    @GetMapping("/statistics")
    @Operation(summary = "The statistics tables of the plan",
            description = "The three tables of attachments 2–4 of 吕政办发〔2024〕20号, each with its name in the URL.")
    List<StatisticsTableLink> statistics() {
        return Arrays.stream(StatisticsTableKind.values())
                .map(kind -> new StatisticsTableLink(kind.path(), kind.attachment(), kind.title(),
                        "/api/fundraising/statistics/" + kind.path()))
                .toList();
    }

    @GetMapping("/statistics/{table}")
    @Operation(summary = "One statistics table for a county (or the whole city) and a period",
            description = "campaign-work (附件2 打击非法集资专项行动工作情况统计表), risk-clues (附件3 风险线索排查处置情况统计表) "
                    + "or cross-province (附件4 跨省（自治区、直辖市）案件（风险）信息统计表), also by attachment number. "
                    + "Answers {title, division, from, to, columns: [{key, header, group, kind}], rows, totals, "
                    + "notes}; 404 for another table name.")
    StatisticsTable table(
            @Parameter(description = "campaign-work, risk-clues or cross-province (or 2, 3, 4)")
            @PathVariable String table,
            @Parameter(description = "County-level division; none for the whole city", example = "141125")
            @RequestParam(required = false) String division,
            @Parameter(description = "First day of the period (Beijing time)", example = "2024-07-01", required = true)
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the period, included", example = "2024-12-31", required = true)
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StatisticsTableKind kind = StatisticsTableKind.ofPath(table).orElseThrow(() -> new NotFoundException(
                "No statistics table " + table + "; the tables are campaign-work, risk-clues and cross-province"));
        FundraisingParameters.period(from, to);
        return queryGateway.query(new FindStatisticsTableQuery(kind, FundraisingParameters.division(division), from,
                to), ResponseTypes.instanceOf(StatisticsTable.class)).join();
    }

    /** A statistics table and where to ask for it. */
    record StatisticsTableLink(String table, int attachment, String title, String href) {
    }
}
