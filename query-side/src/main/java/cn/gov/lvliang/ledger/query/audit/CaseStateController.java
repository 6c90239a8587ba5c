package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case (a bundle case, a risk clue or a disposal case) as it stood at any past instant, and what changed between
 * two, replayed from the case's own events.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Audit", description = "Case histories for auditors")
class CaseStateController {

    private static final String CASE_ID = "The id of the bundle case, risk clue or disposal case";

    private static final String AXIS = "recorded: what the ledger had recorded by then (events by Axon timestamp, in "
            + "sequence order); business: how things stood by then (events by their business time, then sequence), "
            + "which counts back-dated events from when they happened";

    private final CaseStates states;
    private final Clock clock;

    CaseStateController(CaseStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @GetMapping("/{caseId}/state")
    @Operation(summary = "A case, clue or disposal case as it stood at an instant",
            description = "Folded from the case's own events that stood at asOf on the chosen axis (never from a "
                    + "read model or snapshot); kind says which state it is. BUNDLE_CASE: status, items and their "
                    + "states and due dates, overdue, paused, visits, materials, complaints, rating, division and "
                    + "hall. RISK_CLUE: status, verification and its due date, overdue, outcome, duplicate, reward "
                    + "and the case it went into. DISPOSAL_CASE: status, scale, escalations, determination, "
                    + "provinces, measures, police transfer and criminal milestones, plan and its milestones, money "
                    + "(exact, in fen and yuan), recoveries, refund rounds, petitions and closure. state is null if "
                    + "the case did not exist yet. 404 for an unknown case or one of another kind, 400 for a "
                    + "malformed instant or axis.")
    CaseStateView state(
            @Parameter(description = CASE_ID) @PathVariable String caseId,
            @Parameter(description = "The instant; now if absent", example = "2025-03-05T09:00:00+08:00")
            @RequestParam(required = false) String asOf,
            @Parameter(description = AXIS, schema = @Schema(allowableValues = {"recorded", "business"},
                    defaultValue = "recorded"))
            @RequestParam(required = false) String axis) {
        TimeAxis timeAxis = TimeAxis.ofParameter("axis", axis);
        Instant instant = TimeParameters.instant("asOf", asOf);
        return states.asOf(caseId, timeAxis, instant == null ? clock.instant() : instant);
    }

    @GetMapping("/{caseId}/diff")
    @Operation(summary = "What changed in a case, clue or disposal case between two instants",
            description = "Every field whose value at to differs from its value at from, named by its path "
                    + "(items[seq=2].status, measures[measureId=M1].completedAt, money.recoveredFen), and the "
                    + "events in between; both states folded from the case's own events on the chosen axis. 404 for "
                    + "an unknown case or one of another kind, 400 if from is after to or a parameter is "
                    + "malformed.")
    CaseDiffView diff(
            @Parameter(description = CASE_ID) @PathVariable String caseId,
            @Parameter(description = "The earlier instant", example = "2025-03-03T00:00:00Z")
            @RequestParam String from,
            @Parameter(description = "The later instant", example = "2025-03-07T16:00:00Z")
            @RequestParam String to,
            @Parameter(description = AXIS, schema = @Schema(allowableValues = {"recorded", "business"},
                    defaultValue = "recorded"))
            @RequestParam(required = false) String axis) {
        TimeAxis timeAxis = TimeAxis.ofParameter("axis", axis);
        Instant start = required("from", TimeParameters.instant("from", from));
        Instant end = required("to", TimeParameters.instant("to", to));
        if (start.isAfter(end)) {
            throw new InvalidParameterException("from", "must not be after to (" + from + " > " + to + ")");
        }
        return states.diff(caseId, timeAxis, start, end);
    }

    private static Instant required(String name, Instant value) {
        if (value == null) {
            throw new InvalidParameterException(name, "is required");
        }
        return value;
    }
}
