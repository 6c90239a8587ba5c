package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
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
 * The risk-clue ledger (风险线索台账) as read from its read model.
 */
@RestController
@RequestMapping("/api/fundraising/clues")
@Tag(name = "Fundraising: risk clues", description = "打击非法集资: the risk-clue ledger")
class RiskClueQueryController {

    private final QueryGateway queryGateway;

    RiskClueQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{clueId}")
    @Operation(summary = "One clue of the risk-clue ledger",
            description = "The clue with its source, key area, subject, verification (assignment, due date, "
                    + "outcome), overdue flag, duplicate, reward and the case it was taken into. The reporter shows "
                    + "only as present and anonymous or not. 404 until the query side has processed the clue's "
                    + "recording.")
    RiskClueView get(@Parameter(description = "The clue id") @PathVariable String clueId) {
        Optional<RiskClueView> view = queryGateway.query(new FindRiskClueQuery(clueId),
                ResponseTypes.optionalInstanceOf(RiskClueView.class)).join();
        return view.orElseThrow(() -> new NotFoundException("No risk clue " + clueId));
    }

    @GetMapping
    @Operation(summary = "The risk-clue ledger, filtered, sorted and paged",
            description = "Filters combine with AND; a repeated parameter (or a comma-separated list) matches any "
                    + "of its values. Overdue means a verification of the clue passed its due date without an "
                    + "outcome at some time; combine with status=VERIFYING for the clues overdue now. Answers "
                    + "{items, page, size, total}; a parameter that is not understood is a 400 problem naming it.")
    RiskCluePage list(
            @Parameter(description = "County-level division the clue concerns (GB/T 2260 code)", example = "141125")
            @RequestParam(required = false) String division,
            @Parameter(description = "Where the clue came from; repeat for any of several")
            @RequestParam(required = false) List<ClueSource> source,
            @Parameter(description = "Key area; repeat for any of several")
            @RequestParam(required = false) List<KeyArea> keyArea,
            @Parameter(description = "Verification outcome; repeat for any of several")
            @RequestParam(required = false) List<VerificationOutcome> outcome,
            @Parameter(description = "Where the clue stands; repeat for any of several")
            @RequestParam(required = false) List<ClueStatus> status,
            @Parameter(description = "true: only clues whose verification was ever overdue; false: only the others")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "Recorded on or after this day (Beijing time)", example = "2024-07-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Recorded on or before this day (Beijing time)", example = "2024-12-31")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "The subject's name or the summary contains this text (at most 100 characters)")
            @RequestParam(required = false) String q,
            @Parameter(description = "Sort key", schema = @Schema(allowableValues = {"recordedAt", "dueDate",
                    "estimatedAmount", "status"}, defaultValue = "recordedAt"))
            @RequestParam(defaultValue = "recordedAt") String sort,
            @Parameter(description = "Sort direction", schema = @Schema(allowableValues = {"asc", "desc"},
                    defaultValue = "desc"))
            @RequestParam(defaultValue = "desc") String direction,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Clues per page", schema = @Schema(minimum = "1", maximum = "200",
                    defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        FundraisingParameters.paging(page, size);
        FundraisingParameters.period(from, to);
        ListRiskCluesQuery.Sort sortKey = ListRiskCluesQuery.Sort.ofParameter(sort).orElseThrow(
                () -> new InvalidParameterException("sort", "has an invalid value '" + sort + "'; expected one of "
                        + ListRiskCluesQuery.Sort.ALLOWED));
        ListRiskCluesQuery query = new ListRiskCluesQuery(
                FundraisingParameters.division(division),
                FundraisingParameters.set(ClueSource.class, source),
                FundraisingParameters.set(KeyArea.class, keyArea),
                FundraisingParameters.set(VerificationOutcome.class, outcome),
                FundraisingParameters.set(ClueStatus.class, status),
                overdue,
                from,
                to,
                FundraisingParameters.text(q),
                sortKey,
                SortDirection.ofParameter(direction),
                page,
                size);
        return queryGateway.query(query, ResponseTypes.instanceOf(RiskCluePage.class)).join();
    }
}
