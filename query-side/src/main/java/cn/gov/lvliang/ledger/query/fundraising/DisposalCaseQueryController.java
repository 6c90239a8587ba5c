package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
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
 * Illegal-fundraising disposal cases, and the legacy cases against their target, as read from the read model.
 */
@RestController
@RequestMapping("/api/fundraising")
@Tag(name = "Fundraising: disposal cases", description = "打击非法集资: disposal cases and legacy cases")
class DisposalCaseQueryController {

    private final QueryGateway queryGateway;

    DisposalCaseQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/cases/{caseId}")
    @Operation(summary = "One disposal case in full",
            description = "The case with its scale and revisions, escalations, determination (level and outcome), "
                    + "provinces, measures (open and completed), police transfer and criminal milestones, plan and "
                    + "milestones, recoveries, refund rounds, petitions and closure, its money in fen and yuan and "
                    + "its recovery coverage and refund ratios (scale 4, half up). 404 until the query side has "
                    + "processed the case's opening or import.")
    DisposalCaseView get(@Parameter(description = "The case id") @PathVariable String caseId) {
        Optional<DisposalCaseView> view = queryGateway.query(new FindDisposalCaseQuery(caseId),
                ResponseTypes.optionalInstanceOf(DisposalCaseView.class)).join();
        return view.orElseThrow(() -> new NotFoundException("No disposal case " + caseId));
    }

    @GetMapping("/cases/{caseId}/participants")
    @Operation(summary = "A case's registered participants, paged",
            description = "Participants (集资参与人) by register reference, with their claims and what was refunded "
                    + "to them. 404 for an unknown case.")
    ParticipantPage participants(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Participants per page", schema = @Schema(minimum = "1", maximum = "200",
                    defaultValue = "50"))
            @RequestParam(defaultValue = "50") int size) {
        FundraisingParameters.paging(page, size);
        Optional<ParticipantPage> participants = queryGateway.query(new ListParticipantsQuery(caseId, page, size),
                ResponseTypes.optionalInstanceOf(ParticipantPage.class)).join();
        return participants.orElseThrow(() -> new NotFoundException("No disposal case " + caseId));
    }

    @GetMapping("/cases")
    @Operation(summary = "Disposal cases, filtered, sorted and paged",
            description = "Filters combine with AND. transferred=true means with the police: transferred by the "
                    + "ledger, or a legacy case filed as a crime before it. Answers {items, page, size, total}; a "
                    + "parameter that is not understood is a 400 problem naming it.")
    DisposalCasePage list(
            @Parameter(description = "County-level division that handles the case (GB/T 2260 code)",
                    example = "141125")
            @RequestParam(required = false) String division,
            @Parameter(description = "Where the case stands; repeat for any of several")
            @RequestParam(required = false) List<DisposalCaseStatus> status,
            @Parameter(description = "Determined by the county or the city")
            @RequestParam(required = false) DeterminationLevel level,
            @Parameter(description = "What the determination concluded (a legacy case counts as SUSPECTED_CRIME)")
            @RequestParam(required = false) DeterminationOutcome outcome,
            @Parameter(description = "true: only legacy cases (陈案积案); false: only the others")
            @RequestParam(required = false) Boolean legacy,
            @Parameter(description = "true: only cases reaching into other provinces; false: only the others")
            @RequestParam(required = false) Boolean crossProvince,
            @Parameter(description = "Only cases with at least one measure of this kind")
            @RequestParam(required = false) MeasureKind measureKind,
            @Parameter(description = "true: only cases with the police; false: only the others")
            @RequestParam(required = false) Boolean transferred,
            @Parameter(description = "true: only cases escalated to the city; false: only the others")
            @RequestParam(required = false) Boolean escalated,
            @Parameter(description = "Key area")
            @RequestParam(required = false) KeyArea keyArea,
            @Parameter(description = "Opened (or imported) on or after this day (Beijing time)",
                    example = "2024-09-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Opened (or imported) on or before this day (Beijing time)",
                    example = "2025-06-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "The case's or the subject's name contains this text (at most 100 characters)")
            @RequestParam(required = false) String q,
            @Parameter(description = "Sort key", schema = @Schema(allowableValues = {"openedAt", "estimatedAmount",
                    "recovered", "status"}, defaultValue = "openedAt"))
            @RequestParam(defaultValue = "openedAt") String sort,
            @Parameter(description = "Sort direction", schema = @Schema(allowableValues = {"asc", "desc"},
                    defaultValue = "desc"))
            @RequestParam(defaultValue = "desc") String direction,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Cases per page", schema = @Schema(minimum = "1", maximum = "200",
                    defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        FundraisingParameters.paging(page, size);
        FundraisingParameters.period(from, to);
        ListDisposalCasesQuery.Sort sortKey = ListDisposalCasesQuery.Sort.ofParameter(sort).orElseThrow(
                () -> new InvalidParameterException("sort", "has an invalid value '" + sort + "'; expected one of "
                        + ListDisposalCasesQuery.Sort.ALLOWED));
        ListDisposalCasesQuery query = new ListDisposalCasesQuery(
                FundraisingParameters.division(division),
                FundraisingParameters.set(DisposalCaseStatus.class, status),
                level,
                outcome,
                legacy,
                crossProvince,
                measureKind,
                transferred,
                escalated,
                keyArea,
                from,
                to,
                FundraisingParameters.text(q),
                sortKey,
                SortDirection.ofParameter(direction),
                page,
                size);
        return queryGateway.query(query, ResponseTypes.instanceOf(DisposalCasePage.class)).join();
    }

    @GetMapping("/legacy-cases")
    @Operation(summary = "The legacy cases against the 100% resolution target",
            description = "The six legacy cases (陈案积案) of 吕政办发〔2024〕20号 §四(八), with any other imported: county, "
                    + "name and the words the plan prints, stage, whether resolved (closed), and the resolution rate "
                    + "overall and per county. A case not yet imported counts as unresolved.")
    LegacyCasesView legacyCases() {
        return queryGateway.query(new FindLegacyCasesQuery(), ResponseTypes.instanceOf(LegacyCasesView.class))
                .join();
    }
}
