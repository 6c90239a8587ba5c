package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection teams' scoring (督导考核) over REST: the published rubric versions, and the scores of counties and
 * lead units for any period under any rubric version, ranked, with every indicator traced down to what it counted.
 * {@code kind} is {@code counties} or {@code lead-units}.
 */
@RestController
@RequestMapping("/api/scoring")
@Tag(name = "Scoring", description = "督导考核: rubrics, scores of counties and lead units, score cards")
class ScoringController {

    static final String KIND = "{kind:counties|lead-units}";
    private static final String PERIOD = "The period: a year (2025), half-year (2025-H1), quarter (2025-Q1) or month "
            + "(2025-03), in business dates of Lvliang";
    private static final String RUBRIC = "The rubric version; the latest published if absent";

    private final Scoring scoring;
    private final QueryGateway queryGateway;

    ScoringController(Scoring scoring, QueryGateway queryGateway) {
        this.scoring = scoring;
        this.queryGateway = queryGateway;
    }

    @GetMapping("/rubrics")
    @Operation(summary = "Every published rubric version",
            description = "Oldest first, each with its indicators (measure, weight, direction, curve, the clause it "
                    + "rests on) and penalties, exactly as published. Every version stays, since a score can be "
                    + "computed again under any of them.")
    List<RubricView> rubrics() {
        return scoring.rubrics();
    }

    @GetMapping("/rubrics/{version}")
    @Operation(summary = "One rubric version", description = "404 if the version has not been published.")
    RubricView rubric(@Parameter(description = "The rubric version", example = "1") @PathVariable int version) {
        return scoring.rubric(version);
    }

    @GetMapping("/" + KIND)
    @Operation(summary = "The ranking of counties or lead units for a period",
            description = "Every county (counties) or lead unit (lead-units) scored under the rubric version, best "
                    + "first: each indicator's value, the figures it divides, its points and rank, the penalties, "
                    + "the base and total scores, the rank, and the SHA-256 of the facts the score was computed "
                    + "from. Computed from the ledger as at the end of the period; see docs/scoring.md. A "
                    + "county-scoped user sees their own county's line, ranked among all.")
    RankingView ranking(
            @Parameter(description = "counties or lead-units") @PathVariable String kind,
            @Parameter(description = PERIOD, example = "2025-Q1") @RequestParam String period,
            @Parameter(description = RUBRIC, example = "1") @RequestParam(required = false) Integer rubricVersion,
            @Parameter(description = "Only the subjects of this county (GB/T 2260 code)")
            @RequestParam(required = false) String division) {
        return scoring.ranking(kind(kind), period(period), rubricVersion).within(division);
    }

    @GetMapping("/" + KIND + "/{code}")
    @Operation(summary = "One subject's score for a period",
            description = "As one line of the ranking: every indicator with its value, figures, points and rank, "
                    + "the penalties, base and total, the rank and the input hash. 404 for a subject the ledger "
                    + "does not score.")
    SubjectScore score(
            @Parameter(description = "counties or lead-units") @PathVariable String kind,
            @Parameter(description = "The division code or unit code", example = "141102") @PathVariable String code,
            @Parameter(description = PERIOD, example = "2025-Q1") @RequestParam String period,
            @Parameter(description = RUBRIC, example = "1") @RequestParam(required = false) Integer rubricVersion) {
        return scoring.score(kind(kind), code, period(period), rubricVersion);
    }

    @GetMapping("/" + KIND + "/{code}/indicators/{indicator}")
    @Operation(summary = "One indicator of a subject's score, down to the cases",
            description = "The indicator as scored and as the rubric defines it, with every case, complaint, bundle, "
                    + "clue or petition behind its two figures, each marked as counted or only in the base.")
    DrilldownView drilldown(
            @Parameter(description = "counties or lead-units") @PathVariable String kind,
            @Parameter(description = "The division code or unit code", example = "141102") @PathVariable String code,
            @Parameter(description = "The rubric's code of the indicator", example = "ON_TIME_CONCLUSION")
            @PathVariable String indicator,
            @Parameter(description = PERIOD, example = "2025-Q1") @RequestParam String period,
            @Parameter(description = RUBRIC, example = "1") @RequestParam(required = false) Integer rubricVersion) {
        return scoring.drilldown(kind(kind), code, period(period), rubricVersion, indicator);
    }

    @GetMapping("/" + KIND + "/{code}/inputs")
    @Operation(summary = "The facts a subject's score is computed from",
            description = "The inputs exactly as they are hashed: the facts of the subject as at the end of the "
                    + "period, in canonical order, with their SHA-256. Anyone can recompute the hash from them.")
    InputsView inputs(
            @Parameter(description = "counties or lead-units") @PathVariable String kind,
            @Parameter(description = "The division code or unit code", example = "141102") @PathVariable String code,
            @Parameter(description = PERIOD, example = "2025-Q1") @RequestParam String period,
            @Parameter(description = RUBRIC, example = "1") @RequestParam(required = false) Integer rubricVersion) {
        ScoreInputs inputs = scoring.inputs(kind(kind), code, period(period), rubricVersion);
        return new InputsView(InputHash.of(inputs), inputs);
    }

    @GetMapping("/cards")
    @Operation(summary = "The issued score cards",
            description = "By period (newest first), kind, rubric version and rank: each card's total as issued and "
                    + "now, its input hash, and how many adjustments and appeals (how many open) it has. A "
                    + "county-scoped user sees their own county's cards.")
    List<ScoreCardSummary> cards(
            @Parameter(description = PERIOD, example = "2025-Q1") @RequestParam(required = false) String period,
            @Parameter(description = "COUNTY or LEAD_UNIT") @RequestParam(required = false)
            ScoredSubjectKind subjectKind,
            @Parameter(description = "The rubric version") @RequestParam(required = false) Integer rubricVersion,
            @Parameter(description = "Only the cards of subjects in this county (GB/T 2260 code)")
            @RequestParam(required = false) String division) {
        return queryGateway.query(new ListScoreCardsQuery(period == null ? null : period(period).code(), subjectKind,
                        rubricVersion, division == null || division.isBlank() ? null : division.trim()),
                ResponseTypes.multipleInstancesOf(ScoreCardSummary.class)).join();
    }

    @GetMapping("/cards/{cardId}")
    @Operation(summary = "One issued score card",
            description = "The numbers frozen at issue (every indicator's value, figures, points and rank; the "
                    + "penalties; base, total, rank; the input hash and rubric version), the total now, the "
                    + "inspection team's adjustments with reasons, evidence and inspector, and the appeals with "
                    + "their decisions. Its audit trail is GET /api/cases/{cardId}/audit-trail.")
    ScoreCardView card(@Parameter(description = "The card id", example = "score-card-county-141102-2025-Q1-r1")
                       @PathVariable String cardId) {
        return findCard(cardId);
    }

    @GetMapping("/cards/{cardId}/verification")
    @Operation(summary = "Compute an issued card again and compare",
            description = "Computes the subject's score again now, from the ledger, under the card's rubric version, "
                    + "and compares it with the card: the input hash and every number. reproduced is true when all "
                    + "are the same; otherwise differences lists each, frozen and computed. A difference means the "
                    + "facts of the period changed after the card was issued (back-dated events).")
    VerificationView verification(@Parameter(description = "The card id") @PathVariable String cardId) {
        return scoring.verify(findCard(cardId));
    }

    private ScoreCardView findCard(String cardId) {
        return queryGateway.query(new FindScoreCardQuery(cardId), ResponseTypes.optionalInstanceOf(
                ScoreCardView.class)).join().orElseThrow(() -> new NotFoundException("No score card " + cardId));
    }

    /** The kind a path segment names. */
    static ScoredSubjectKind kind(String segment) {
        return segment.equals("lead-units") ? ScoredSubjectKind.LEAD_UNIT : ScoredSubjectKind.COUNTY;
    }

    /** The period a parameter names; a 400 naming {@code period} if it names none. */
    static ScoringPeriod period(String code) {
        try {
            return ScoringPeriod.parse(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("period",
                    e.getMessage().replaceFirst("^period: ", ""));
        }
    }

    /**
     * A subject's inputs and their hash.
     *
     * @param inputHash the SHA-256 of the canonical JSON of the inputs
     * @param inputs    the inputs
     */
    record InputsView(String inputHash, ScoreInputs inputs) {
    }
}
