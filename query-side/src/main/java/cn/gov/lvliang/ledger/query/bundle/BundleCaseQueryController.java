package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bundle cases as read from the read model.
 */
@RestController
@RequestMapping("/api/bundle-cases")
@Tag(name = "Bundle cases", description = "高效办成一件事: case views")
class BundleCaseQueryController {

    static final int MAX_PAGE_SIZE = 200;

    private final QueryGateway queryGateway;

    BundleCaseQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One bundle case in full",
            description = "The case with its items (due dates and states), materials (submitted and waived), "
                    + "visits, complaints, rating, transfers, assisted handling and supplement requests, the "
                    + "Chinese names of its bundle, lead unit, division and hall, and whether it is at risk or "
                    + "overdue. 404 until the query side has processed the case's first event.")
    BundleCaseView get(@Parameter(description = "The case id") @PathVariable String caseId) {
        Optional<BundleCaseView> view = queryGateway.query(
                new FindBundleCaseQuery(caseId), ResponseTypes.optionalInstanceOf(BundleCaseView.class)).join();
        return view.orElseThrow(() -> new NotFoundException("No bundle case " + caseId));
    }

    @GetMapping
    @Operation(summary = "Bundle cases, filtered, sorted and paged",
            description = "Filters combine with AND. At risk means accepted, running, not overdue, not paused for "
                    + "supplementary materials, and today (Beijing time) is on or after the case's at-risk date. "
                    + "Answers {items, page, size, total}; a parameter that is not understood is a 400 problem "
                    + "naming it.")
    BundleCasePage list(
            @Parameter(description = "Division now handling the case (GB/T 2260 code)", example = "141102")
            @RequestParam(required = false) String division,
            @Parameter(description = "Bundle code", example = "2024-01")
            @RequestParam(required = false) String bundle,
            @Parameter(description = "Lead unit code", example = "CITY_APPROVAL")
            @RequestParam(required = false) String leadUnit,
            @Parameter(description = "Status; repeat the parameter (or separate with commas) for any of several")
            @RequestParam(required = false) List<CaseStatus> status,
            @Parameter(description = "How the application arrived")
            @RequestParam(required = false) Channel channel,
            @Parameter(description = "true: only overdue cases; false: only cases not overdue")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "true: only cases at risk today; false: only cases not at risk")
            @RequestParam(required = false) Boolean atRisk,
            @Parameter(description = "Submitted on or after this day (Beijing time)", example = "2025-03-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Submitted on or before this day (Beijing time)", example = "2025-03-31")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Sort key", schema = @Schema(allowableValues = {"submittedAt", "dueDate",
                    "status"}, defaultValue = "submittedAt"))
            @RequestParam(defaultValue = "submittedAt") String sort,
            @Parameter(description = "Sort direction", schema = @Schema(allowableValues = {"asc", "desc"},
                    defaultValue = "desc"))
            @RequestParam(defaultValue = "desc") String direction,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Cases per page", schema = @Schema(minimum = "1", maximum = "200",
                    defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after to (" + from + " > " + to + ")");
        }
        ListBundleCasesQuery.Sort sortKey = ListBundleCasesQuery.Sort.ofParameter(sort).orElseThrow(
                () -> new InvalidParameterException("sort", "has an invalid value '" + sort
                        + "'; expected one of submittedAt, dueDate, status"));
        ListBundleCasesQuery query = new ListBundleCasesQuery(
                blankToNull(division),
                blankToNull(bundle),
                blankToNull(leadUnit),
                statuses(status),
                channel,
                overdue,
                atRisk,
                from,
                to,
                sortKey,
                direction(direction),
                page,
                size,
                null);
        return queryGateway.query(query, ResponseTypes.instanceOf(BundleCasePage.class)).join();
    }

    private static ListBundleCasesQuery.Direction direction(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "asc" -> ListBundleCasesQuery.Direction.ASC;
            case "desc" -> ListBundleCasesQuery.Direction.DESC;
            default -> throw new InvalidParameterException("direction", "has an invalid value '" + value
                    + "'; expected asc or desc");
        };
    }

    /** An empty {@code status=} converts to a null element, which filters nothing. */
    private static Set<CaseStatus> statuses(List<CaseStatus> values) {
        EnumSet<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return statuses;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
