package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingResponses.created;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingResponses.ok;

import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Closure;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.CrossProvince;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Determination;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Escalation;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.LegacyImport;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Measure;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Milestone;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.OpenCase;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.ParticipantBatch;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Petition;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.PetitionHandling;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Plan;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.PoliceTransfer;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Recovery;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.RefundRound;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.Scale;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingRequests.UnitNote;
import cn.gov.lvliang.ledger.command.fundraising.FundraisingResponses.CaseReceipt;
import cn.gov.lvliang.ledger.command.fundraising.LegacyCases.FilingDate;
import cn.gov.lvliang.ledger.command.fundraising.LegacyCases.LegacyCase;
import cn.gov.lvliang.ledger.command.infra.Actors;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CommandReceipt;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.events.fundraising.AdoptDisposalPlanCommand;
import cn.gov.lvliang.ledger.events.fundraising.CloseDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.CompleteMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.CompletePlanMilestoneCommand;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DetermineDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.EscalateDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.FollowUpMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.HandlePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.ImportLegacyCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.MarkCaseCrossProvinceCommand;
import cn.gov.lvliang.ledger.events.fundraising.OpenDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.OrderMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.PayRefundRoundCommand;
import cn.gov.lvliang.ledger.events.fundraising.PlannedMilestone;
import cn.gov.lvliang.ledger.events.fundraising.ReceivePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordAssetRecoveryCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordCriminalMilestoneCommand;
import cn.gov.lvliang.ledger.events.fundraising.RegisterParticipantsCommand;
import cn.gov.lvliang.ledger.events.fundraising.ResponsiblePerson;
import cn.gov.lvliang.ledger.events.fundraising.ReviseCaseScaleCommand;
import cn.gov.lvliang.ledger.events.fundraising.TransferCaseToPoliceCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disposal cases (案件处置) over REST, including the import of the plan's legacy cases. Every step is a POST with the
 * client's {@code requestId}; a repeat answers with the first outcome (and {@code Idempotent-Replayed: true}) and
 * stores nothing new.
 */
@RestController
@RequestMapping("/api/fundraising")
@Tag(name = "Fundraising: disposal cases", description = "打击非法集资: determination, measures, the criminal path, "
        + "recovery and refunds, petitions, closure")
class DisposalCaseController {

    private final IdempotentCommandGateway commands;
    private final BusinessTimePolicy businessTime;
    private final LegacyCases legacyCases;

    private final Actors actors;

    DisposalCaseController(IdempotentCommandGateway commands, BusinessTimePolicy businessTime,
                           LegacyCases legacyCases, Actors actors) {
        this.actors = actors;
        this.commands = commands;
        this.businessTime = businessTime;
        this.legacyCases = legacyCases;
    }

    @PostMapping("/cases")
    @Operation(summary = "Open a disposal case from risk clues", description = "By the lead department of the "
            + "division. Every clue must be verified as a risk and not yet in a case; the clues are taken into the case "
            + "in the same transaction. A case whose estimates reach ledger.fundraising.escalation is escalated to the "
            + "city at once.")
    ResponseEntity<CaseReceipt> open(@Valid @RequestBody OpenCase request) {
        actors.requireCovers(request.divisionCode());
        String caseId = UUID.randomUUID().toString();
        CommandReceipt receipt = commands.create(request.requestId(), caseId, new OpenDisposalCaseCommand(
                caseId,
                actors.actingUnit(request.actingUnit()),
                request.divisionCode(),
                request.name(),
                request.subject().toSubject(),
                request.keyArea(),
                request.clueIds(),
                Yuan.toFen(request.estimatedAmountYuan(), "estimatedAmountYuan"),
                request.estimatedParticipants(),
                request.crossProvince(),
                request.provinces(),
                businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/fundraising/cases/" + receipt.aggregateId(), CaseReceipt.of(receipt));
    }

    @PostMapping("/legacy-cases/{code}/import")
    @Operation(summary = "Import one of the plan's six legacy cases (陈案积案)", description = "From "
            + "fundraising/legacy-cases-v1.json. The case keeps its original filing date as data; the business time "
            + "is the import. A case is imported once: its id is legacy-<code>, and a second import is a 409.")
    ResponseEntity<CaseReceipt> importLegacy(@PathVariable String code, @Valid @RequestBody LegacyImport request) {
        LegacyCase legacyCase = legacyCases.find(code).orElseThrow(
                () -> new AggregateNotFoundException(code, "No legacy case " + code));
        actors.requireCovers(legacyCase.divisionCode());
        FilingDate filed = legacyCases.filingDate(legacyCase, request.originalFilingDate());
        CriminalMilestone stage = request.stageAtImport() != null ? request.stageAtImport()
                : CriminalMilestone.POLICE_FILED;
        CommandReceipt receipt = commands.create(request.requestId(), legacyCase.caseId(), new ImportLegacyCaseCommand(
                legacyCase.caseId(),
                legacyCase.code(),
                legacyCases.version(),
                actors.actingUnit(request.actingUnit()),
                legacyCase.divisionCode(),
                legacyCase.name(),
                legacyCase.printedAs(),
                legacyCase.subject(),
                legacyCase.filingAge(),
                filed.date(),
                filed.approximate(),
                stage,
                businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/fundraising/cases/" + receipt.aggregateId(), CaseReceipt.of(receipt));
    }

    @PostMapping("/cases/{caseId}/scale")
    @Operation(summary = "Revise the estimated amount and participants", description = "Before the determination, "
            + "reaching a threshold escalates the case to the city.")
    ResponseEntity<CaseReceipt> scale(@PathVariable String caseId, @Valid @RequestBody Scale request) {
        return caseStep(request.requestId(), caseId, new ReviseCaseScaleCommand(caseId, actors.actingUnit(request.actingUnit()),
                Yuan.toFen(request.estimatedAmountYuan(), "estimatedAmountYuan"), request.estimatedParticipants(),
                request.note(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/escalation")
    @Operation(summary = "Escalate a complex or disputed case to the city (逐级上报)")
    ResponseEntity<CaseReceipt> escalate(@PathVariable String caseId, @Valid @RequestBody Escalation request) {
        return caseStep(request.requestId(), caseId, new EscalateDisposalCaseCommand(caseId, actors.actingUnit(request.actingUnit()),
                request.reasons(), request.note(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/determination")
    @Operation(summary = "Determine the case (研判定性)", description = "By the county lead department, or by "
            + "CITY_GOV_OFFICE once the case is escalated; once, with its basis.")
    ResponseEntity<CaseReceipt> determine(@PathVariable String caseId, @Valid @RequestBody Determination request) {
        return caseStep(request.requestId(), caseId, new DetermineDisposalCaseCommand(caseId, actors.actingUnit(request.actingUnit()),
                request.outcome(), request.basis(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/cross-province")
    @Operation(summary = "Record the other provinces a case reaches (跨省)")
    ResponseEntity<CaseReceipt> crossProvince(@PathVariable String caseId, @Valid @RequestBody CrossProvince request) {
        return caseStep(request.requestId(), caseId, new MarkCaseCrossProvinceCommand(caseId, actors.actingUnit(request.actingUnit()),
                request.provinces(), request.note(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/measures")
    @Operation(summary = "Order an administrative measure", description = "Warning talk, rectification order, "
            + "seizure, supervised refund, fine or warning. Answers with the measure's id; the measure is open until "
            + "completed.")
    ResponseEntity<CaseReceipt> orderMeasure(@PathVariable String caseId, @Valid @RequestBody Measure request) {
        String measureId = UUID.randomUUID().toString();
        CommandReceipt receipt = send(request.requestId(), caseId, new OrderMeasureCommand(caseId, measureId,
                request.kind(), request.orderingUnit(), request.dueDate(), Yuan.toFen(request.amountYuan(),
                "amountYuan"), request.description(), businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/fundraising/cases/" + caseId + "/measures/" + receipt.result(),
                CaseReceipt.of(receipt));
    }

    @PostMapping("/cases/{caseId}/measures/{measureId}/follow-ups")
    @Operation(summary = "Follow up an open measure", description = "By the ordering unit.")
    ResponseEntity<CaseReceipt> followUp(@PathVariable String caseId, @PathVariable String measureId,
                                         @Valid @RequestBody UnitNote request) {
        return caseStep(request.requestId(), caseId, new FollowUpMeasureCommand(caseId, measureId,
                actors.actingUnit(request.actingUnit()), request.text(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/measures/{measureId}/completion")
    @Operation(summary = "Complete a measure", description = "By the ordering unit, once.")
    ResponseEntity<CaseReceipt> completeMeasure(@PathVariable String caseId, @PathVariable String measureId,
                                                @Valid @RequestBody UnitNote request) {
        return caseStep(request.requestId(), caseId, new CompleteMeasureCommand(caseId, measureId,
                actors.actingUnit(request.actingUnit()), request.text(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/police-transfer")
    @Operation(summary = "Transfer the case to the police (移送公安)", description = "Once the case is determined as "
            + "SUSPECTED_CRIME.")
    ResponseEntity<CaseReceipt> transfer(@PathVariable String caseId, @Valid @RequestBody PoliceTransfer request) {
        return caseStep(request.requestId(), caseId, new TransferCaseToPoliceCommand(caseId, actors.actingUnit(request.actingUnit()),
                request.policeUnit(), request.note(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/criminal-milestones")
    @Operation(summary = "Record the next milestone of the criminal path", description = "In order: POLICE_FILED, "
            + "PROSECUTION_REVIEW, INDICTED, FIRST_INSTANCE_JUDGMENT, SECOND_INSTANCE_JUDGMENT (may be skipped), "
            + "ENFORCEMENT; each by the police, procuratorate or court it belongs to.")
    ResponseEntity<CaseReceipt> milestone(@PathVariable String caseId, @Valid @RequestBody Milestone request) {
        return caseStep(request.requestId(), caseId, new RecordCriminalMilestoneCommand(caseId, request.milestone(),
                actors.actingUnit(request.actingUnit()), request.documentNumber(), request.note(),
                businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/plan")
    @Operation(summary = "Adopt the disposal plan (处置方案)", description = "Responsible official, summary, and "
            + "milestones with due dates; once. Legacy and escalated cases are closed only with a plan carried out.")
    ResponseEntity<CaseReceipt> plan(@PathVariable String caseId, @Valid @RequestBody Plan request) {
        List<PlannedMilestone> milestones = new ArrayList<>();
        request.milestones().forEach(step -> milestones.add(new PlannedMilestone(step.name(), step.dueDate())));
        return caseStep(request.requestId(), caseId, new AdoptDisposalPlanCommand(caseId, actors.actingUnit(request.actingUnit()),
                new ResponsiblePerson(request.responsiblePerson().name(), request.responsiblePerson().role()),
                request.summary(), milestones, businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/plan/milestones/{seq}/completion")
    @Operation(summary = "Record a plan milestone as reached")
    ResponseEntity<CaseReceipt> completeMilestone(@PathVariable String caseId, @PathVariable int seq,
                                                  @Valid @RequestBody UnitNote request) {
        return caseStep(request.requestId(), caseId, new CompletePlanMilestoneCommand(caseId, seq,
                actors.actingUnit(request.actingUnit()), request.text(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/recoveries")
    @Operation(summary = "Record assets recovered (追赃挽损)")
    ResponseEntity<CaseReceipt> recover(@PathVariable String caseId, @Valid @RequestBody Recovery request) {
        return caseStep(request.requestId(), caseId, new RecordAssetRecoveryCommand(caseId, actors.actingUnit(request.actingUnit()),
                request.kind(), Yuan.toFen(request.amountYuan(), "amountYuan"), request.description(),
                businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/participant-batches")
    @Operation(summary = "Register a batch of participants (集资参与人登记)", description = "By register number and "
            + "confirmed claim; no names or identity numbers.")
    ResponseEntity<CaseReceipt> register(@PathVariable String caseId, @Valid @RequestBody ParticipantBatch request) {
        List<ParticipantClaim> claims = new ArrayList<>();
        for (int i = 0; i < request.participants().size(); i++) {
            var participant = request.participants().get(i);
            claims.add(new ParticipantClaim(participant.participantReference(),
                    Yuan.toFen(participant.claimYuan(), "participants[" + i + "].claimYuan")));
        }
        return caseStep(request.requestId(), caseId, new RegisterParticipantsCommand(caseId, actors.actingUnit(request.actingUnit()),
                claims, businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/refund-rounds")
    @Operation(summary = "Pay a refund round (清退)", description = "Shared pro rata to the claims by the "
            + "largest-remainder method, exact to the fen. Never more than recovered and not yet refunded (409). "
            + "Answers with the round's number.")
    ResponseEntity<CaseReceipt> refund(@PathVariable String caseId, @Valid @RequestBody RefundRound request) {
        CommandReceipt receipt = send(request.requestId(), caseId, new PayRefundRoundCommand(caseId,
                actors.actingUnit(request.actingUnit()), Yuan.toFen(request.roundTotalYuan(), "roundTotalYuan"), request.note(),
                businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/fundraising/cases/" + caseId + "/refund-rounds/" + receipt.result(),
                CaseReceipt.of(receipt));
    }

    @PostMapping("/cases/{caseId}/petitions")
    @Operation(summary = "Link a petition (信访) to the case", description = "Also on a closed case. Answers with the "
            + "petition's id.")
    ResponseEntity<CaseReceipt> petition(@PathVariable String caseId, @Valid @RequestBody Petition request) {
        String petitionId = UUID.randomUUID().toString();
        CommandReceipt receipt = send(request.requestId(), caseId, new ReceivePetitionCommand(caseId,
                petitionId, actors.actingUnit(request.actingUnit()), request.petitionReference(), request.petitioners(),
                request.summary(), businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/fundraising/cases/" + caseId + "/petitions/" + receipt.result(),
                CaseReceipt.of(receipt));
    }

    @PostMapping("/cases/{caseId}/petitions/{petitionId}/handling")
    @Operation(summary = "Record how a petition was handled", description = "Closes the petition.")
    ResponseEntity<CaseReceipt> handlePetition(@PathVariable String caseId, @PathVariable String petitionId,
                                               @Valid @RequestBody PetitionHandling request) {
        return caseStep(request.requestId(), caseId, new HandlePetitionCommand(caseId, petitionId,
                actors.actingUnit(request.actingUnit()), request.outcome(), request.note(), businessTime.resolve(request.businessTime())));
    }

    @PostMapping("/cases/{caseId}/closure")
    @Operation(summary = "Close the case (结案)", description = "Refused (409, naming them) while measures, plan "
            + "milestones or petitions are open; the resolution must fit the case.")
    ResponseEntity<CaseReceipt> close(@PathVariable String caseId, @Valid @RequestBody Closure request) {
        return caseStep(request.requestId(), caseId, new CloseDisposalCaseCommand(caseId, actors.actingUnit(request.actingUnit()),
                request.resolution(), request.mergedIntoCaseId(), request.note(),
                businessTime.resolve(request.businessTime())));
    }

    private ResponseEntity<CaseReceipt> caseStep(String requestId, String caseId, Object command) {
        CommandReceipt receipt = send(requestId, caseId, command);
        return ok(receipt, CaseReceipt.of(receipt));
    }

    private CommandReceipt send(String requestId, String caseId, Object command) {
        return commands.send(requestId, caseId, command);
    }
}
