package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingResponses.created;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingResponses.ok;

import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.AssignVerification;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Duplicate;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.RecordClue;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Reward;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Verification;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingResponses.ClueReceipt;
import cn.gov.lvliang.ledger.command.infra.Actors;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CommandReceipt;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.events.fundraising.AssignClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.MarkClueDuplicateCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordRiskClueCommand;
import cn.gov.lvliang.ledger.events.fundraising.RewardClueReporterCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk-clue ledger (风险线索台账) over REST. Every step is a POST with the client's {@code requestId}; a repeat
 * answers with the first outcome (and {@code Idempotent-Replayed: true}) and stores nothing new.
 */
@RestController
@RequestMapping("/api/fundraising/clues")
@Tag(name = "Fundraising: risk clues", description = "打击非法集资: the risk-clue ledger (风险线索台账)")
class RiskClueController {

    private final IdempotentCommandGateway commands;
    private final BusinessTimePolicy businessTime;

    private final Actors actors;

    RiskClueController(IdempotentCommandGateway commands, BusinessTimePolicy businessTime, Actors actors) {
        this.actors = actors;
        this.commands = commands;
        this.businessTime = businessTime;
    }

    @PostMapping
    @Operation(summary = "Record a risk clue", description = "From online monitoring, offline screening, a public "
            + "report (山西省非法集资线索举报小程序), a bank's abnormal-flow report, a grid worker or a petition. A public "
            + "report names its reporter by the channel's handle only; an anonymous reporter leaves no contact.")
    ResponseEntity<ClueReceipt> record(@Valid @RequestBody RecordClue request) {
        actors.requireCovers(request.divisionCode());
        String clueId = UUID.randomUUID().toString();
        CommandReceipt receipt = commands.create(request.requestId(), clueId, new RecordRiskClueCommand(
                clueId,
                actors.actingUnit(request.recordingUnit()),
                request.source(),
                request.divisionCode(),
                request.keyArea(),
                request.subject().toSubject(),
                request.summary(),
                Yuan.toFen(request.estimatedAmountYuan(), "estimatedAmountYuan"),
                request.estimatedParticipants(),
                request.reporter() == null ? null : request.reporter().toReporter(),
                businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/fundraising/clues/" + receipt.aggregateId(), ClueReceipt.of(receipt));
    }

    @PostMapping("/{clueId}/verification-assignment")
    @Operation(summary = "Assign the verification (核查) to a unit", description = "By the lead department; starts a "
            + "clock of ledger.fundraising.clue-verification.working-days working days. Assigning again hands the "
            + "clue to another unit with a new due date.")
    ResponseEntity<ClueReceipt> assign(@PathVariable String clueId, @Valid @RequestBody AssignVerification request) {
        return clueStep(request.requestId(), clueId, new AssignClueVerificationCommand(clueId, actors.actingUnit(request.actingUnit()),
                request.assignedUnit(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/{clueId}/verification")
    @Operation(summary = "Record the verification's outcome", description = "By the assigned unit, once. NO_RISK "
            + "ends the clue.")
    ResponseEntity<ClueReceipt> verify(@PathVariable String clueId, @Valid @RequestBody Verification request) {
        return clueStep(request.requestId(), clueId, new RecordClueVerificationCommand(clueId, actors.actingUnit(request.actingUnit()),
                request.outcome(), request.notes(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/{clueId}/duplicate")
    @Operation(summary = "Mark the clue a duplicate of another", description = "By the lead department; ends the "
            + "clue.")
    ResponseEntity<ClueReceipt> duplicate(@PathVariable String clueId, @Valid @RequestBody Duplicate request) {
        return clueStep(request.requestId(), clueId, new MarkClueDuplicateCommand(clueId, request.duplicateOfClueId(),
                actors.actingUnit(request.actingUnit()), request.note(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/{clueId}/reward")
    @Operation(summary = "Reward the reporter (举报奖励)", description = "Once, after a verification that found a "
            + "risk, for a clue with a reporter; an anonymous reporter claims it by handle.")
    ResponseEntity<ClueReceipt> reward(@PathVariable String clueId, @Valid @RequestBody Reward request) {
        return clueStep(request.requestId(), clueId, new RewardClueReporterCommand(clueId, actors.actingUnit(request.actingUnit()),
                Yuan.toFen(request.amountYuan(), "amountYuan"), request.note(),
                businessTime.resolve(request.businessTime())));
    }

    private ResponseEntity<ClueReceipt> clueStep(String requestId, String clueId, Object command) {
        CommandReceipt receipt = commands.send(requestId, clueId, command);
        return ok(receipt, ClueReceipt.of(receipt));
    }
}
