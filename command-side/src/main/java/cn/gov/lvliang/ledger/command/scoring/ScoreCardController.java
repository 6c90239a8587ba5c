package cn.gov.lvliang.ledger.command.scoring;

import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CommandReceipt;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.scoring.ScoreCardRequests.Adjustment;
import cn.gov.lvliang.ledger.command.scoring.ScoreCardRequests.Appeal;
import cn.gov.lvliang.ledger.command.scoring.ScoreCardRequests.Decision;
import cn.gov.lvliang.ledger.command.scoring.ScoreCardRequests.IssueCard;
import cn.gov.lvliang.ledger.command.scoring.ScoreCardRequests.PenaltyLine;
import cn.gov.lvliang.ledger.events.scoring.AdjustScoreCardCommand;
import cn.gov.lvliang.ledger.events.scoring.DecideScoreCardAppealCommand;
import cn.gov.lvliang.ledger.events.scoring.IssueScoreCardCommand;
import cn.gov.lvliang.ledger.events.scoring.LodgeScoreCardAppealCommand;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection team's score cards over REST. Every step is a POST with the client's {@code requestId}; a repeat
 * answers with the first outcome (and {@code Idempotent-Replayed: true}) and stores nothing new. Who acts is always the
 * signed-in user.
 */
@RestController
@RequestMapping("/api/scoring/score-cards")
@Tag(name = "Scoring: score cards", description = "督导考核: issued score cards, adjustments and appeals")
class ScoreCardController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentCommandGateway commands;
    private final BusinessTimePolicy businessTime;

    ScoreCardController(IdempotentCommandGateway commands, BusinessTimePolicy businessTime) {
        this.commands = commands;
        this.businessTime = businessTime;
    }

    @PostMapping
    @Operation(summary = "Issue a score card (签发)", description = "By an inspector, after the period has ended: the "
            + "body is the query side's score of the subject (GET /api/scoring/{counties|lead-units}/{code}?period&"
            + "rubricVersion on port 8081) with a requestId. The card is frozen with its input hash; the query side "
            + "can compute it again and compare (GET /api/scoring/cards/{cardId}/verification). One card per "
            + "subject, period and rubric version: the same card again changes nothing, other numbers are a 409.")
    ResponseEntity<CardReceipt> issue(@Valid @RequestBody IssueCard request) {
        String period = ScoringPeriod.parse(request.period()).code();
        String cardId = ScoreCardIssuedEvent.cardId(request.subjectKind(), request.subjectCode().trim(), period,
                request.rubricVersion());
        List<ScoredPenalty> penalties = request.penalties().stream()
                .map(PenaltyLine::toPenalty).toList();
        CommandReceipt receipt = commands.create(request.requestId(), cardId, new IssueScoreCardCommand(cardId,
                request.subjectKind(), request.subjectCode().trim(), request.subjectName(), request.subjectDivision(),
                period, request.from(), request.to(), request.rubricVersion(), request.inputHash(),
                request.indicators(), penalties, request.baseScore(), request.penaltyPoints(), request.totalScore(),
                request.rank(), request.rankedAmong(), businessTime.resolve(request.businessTime())));
        return ResponseEntity.created(URI.create("/api/scoring/cards/" + cardId))
                .header(REPLAYED, String.valueOf(receipt.repeated()))
                .body(CardReceipt.of(receipt));
    }

    @PostMapping("/{cardId}/adjustments")
    @Operation(summary = "Adjust an issued card by hand (人工调整)", description = "By an inspector, with the reason "
            + "and at least one piece of evidence; for the card or one indicator. The total must stay within 0 to "
            + "100. The result is the adjustment's id.")
    ResponseEntity<CardReceipt> adjust(@PathVariable String cardId, @Valid @RequestBody Adjustment request) {
        CommandReceipt receipt = commands.send(request.requestId(), cardId, new AdjustScoreCardCommand(cardId,
                UUID.randomUUID().toString(), request.indicatorCode(), request.pointsDelta(), request.reason(),
                request.evidence(), businessTime.resolve(request.businessTime())));
        return respond(HttpStatus.OK, receipt);
    }

    @PostMapping("/{cardId}/appeals")
    @Operation(summary = "Appeal against an issued card (申诉)", description = "By the assessed subject: for a county, "
            + "its own supervisors or government office (a county-scoped SUPERVISOR or CAMPAIGN_OFFICER of that "
            + "county); for a lead unit, its own staff (WINDOW_CLERK or UNIT_OFFICER of that unit). The result is the "
            + "appeal's id.")
    ResponseEntity<CardReceipt> appeal(@PathVariable String cardId, @Valid @RequestBody Appeal request) {
        CommandReceipt receipt = commands.send(request.requestId(), cardId, new LodgeScoreCardAppealCommand(cardId,
                UUID.randomUUID().toString(), request.indicatorCode(), request.grounds(),
                request.evidence() == null ? List.of() : request.evidence(),
                businessTime.resolve(request.businessTime())));
        return respond(HttpStatus.CREATED, receipt);
    }

    @PostMapping("/{cardId}/appeals/{appealId}/decision")
    @Operation(summary = "Decide an appeal", description = "By an inspector, once, with reasons: GRANTED corrects the "
            + "score by pointsDelta (the total stays within 0 to 100), DISMISSED leaves it as it is.")
    ResponseEntity<CardReceipt> decide(@PathVariable String cardId, @PathVariable String appealId,
                                       @Valid @RequestBody Decision request) {
        CommandReceipt receipt = commands.send(request.requestId(), cardId, new DecideScoreCardAppealCommand(cardId,
                appealId, request.outcome(), request.pointsDelta(), request.reason(),
                businessTime.resolve(request.businessTime())));
        return respond(HttpStatus.OK, receipt);
    }

    private static ResponseEntity<CardReceipt> respond(HttpStatus status, CommandReceipt receipt) {
        return ResponseEntity.status(status).header(REPLAYED, String.valueOf(receipt.repeated()))
                .body(CardReceipt.of(receipt));
    }

    /**
     * What the command side answers once a step on a card is stored.
     *
     * @param cardId    the card
     * @param requestId the request that stored it
     * @param result    the new adjustment's or appeal's id; absent otherwise
     */
    record CardReceipt(String cardId, String requestId, String result) {

        static CardReceipt of(CommandReceipt receipt) {
            return new CardReceipt(receipt.aggregateId(), receipt.requestId(), receipt.result());
        }
    }
}
