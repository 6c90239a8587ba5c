package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Assistance;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Complaint;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.ComplaintStep;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Delivery;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.ItemApproval;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Materials;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Rating;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Supplement;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.SupplementRequest;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Transfer;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.UnitStep;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.UnitStepWithReason;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Visit;
import cn.gov.lvliang.ledger.command.bundle.BundleCaseRequests.Withdrawal;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.infra.Actors;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CommandReceipt;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.events.bundle.AcceptBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApproveItemCommand;
import cn.gov.lvliang.ledger.events.bundle.ConcludeBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliverResultCommand;
import cn.gov.lvliang.ledger.events.bundle.DispatchItemCommand;
import cn.gov.lvliang.ledger.events.bundle.FollowUpComplaintCommand;
import cn.gov.lvliang.ledger.events.bundle.LodgeComplaintCommand;
import cn.gov.lvliang.ledger.events.bundle.RateServiceCommand;
import cn.gov.lvliang.ledger.events.bundle.RecordAssistanceCommand;
import cn.gov.lvliang.ledger.events.bundle.RecordMaterialsCommand;
import cn.gov.lvliang.ledger.events.bundle.RecordVisitCommand;
import cn.gov.lvliang.ledger.events.bundle.RefuseBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.RejectItemCommand;
import cn.gov.lvliang.ledger.events.bundle.RequestSupplementCommand;
import cn.gov.lvliang.ledger.events.bundle.ResolveComplaintCommand;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.SupplySupplementCommand;
import cn.gov.lvliang.ledger.events.bundle.TransferBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WithdrawBundleCaseCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bundle-case commands over REST. Every step is a POST with the client's {@code requestId}; a repeat of a request
 * answers with the first outcome (and the header {@code Idempotent-Replayed: true}) and stores nothing new.
 */
@RestController
@RequestMapping("/api/bundle-cases")
@Tag(name = "Bundle cases", description = "高效办成一件事: the life of a bundle case")
class BundleCaseController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentCommandGateway commands;
    private final BundleCatalog catalog;
    private final SubmitBundleCaseRequestValidator submitValidator;
    private final BusinessTimePolicy businessTime;

    private final Actors actors;

    BundleCaseController(IdempotentCommandGateway commands, BundleCatalog catalog,
                         SubmitBundleCaseRequestValidator submitValidator, BusinessTimePolicy businessTime,
                         Actors actors) {
        this.actors = actors;
        this.commands = commands;
        this.catalog = catalog;
        this.submitValidator = submitValidator;
        this.businessTime = businessTime;
    }

    @InitBinder("submitBundleCaseRequest")
    void registerSubmitValidator(WebDataBinder binder) {
        binder.addValidators(submitValidator);
    }

    @PostMapping
    @Operation(summary = "Submit a bundle case", description = "Opens a case for one bundle of the catalog. A "
            + "submission at a window also records the applicant's first visit.")
    ResponseEntity<CaseReceipt> submit(@Valid @RequestBody SubmitBundleCaseRequest request) {
        actors.requireCovers(request.divisionCode());
        var applicant = request.applicant();
        String caseId = UUID.randomUUID().toString();
        CommandReceipt receipt = commands.create(request.requestId(), caseId, new SubmitBundleCaseCommand(
                caseId,
                request.bundleCode(),
                catalog.version(),
                new Applicant(applicant.kind(), applicant.name(), applicant.identifier(), applicant.phone()),
                request.divisionCode(),
                request.hallCode(),
                request.channel(),
                request.windowCode(),
                businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/bundle-cases/" + receipt.aggregateId());
    }

    @PostMapping("/{caseId}/materials")
    @Operation(summary = "Record materials", description = "Which materials were submitted, and which were waived "
            + "because they were obtained through e-licences, data sharing or the Lvliang code.")
    ResponseEntity<CaseReceipt> recordMaterials(@PathVariable String caseId, @Valid @RequestBody Materials request) {
        List<WaivedMaterial> waived = request.waived() == null ? List.of()
                : request.waived().stream().map(w -> new WaivedMaterial(w.name(), w.basis())).toList();
        return ok(commands.send(request.requestId(), caseId, new RecordMaterialsCommand(caseId, request.submitted(),
                waived, businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/acceptance")
    @Operation(summary = "Accept the case (受理)", description = "Only the lead unit, or its counterpart in the case's "
            + "county, accepts. Starts the statutory clock.")
    ResponseEntity<CaseReceipt> accept(@PathVariable String caseId, @Valid @RequestBody UnitStep request) {
        return ok(commands.send(request.requestId(), caseId, new AcceptBundleCaseCommand(caseId,
                actors.actingUnit(request.actingUnit()), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/refusal")
    @Operation(summary = "Refuse to accept the case (不予受理)", description = "Recorded as an event; ends the case.")
    ResponseEntity<CaseReceipt> refuse(@PathVariable String caseId, @Valid @RequestBody UnitStepWithReason request) {
        return ok(commands.send(request.requestId(), caseId, new RefuseBundleCaseCommand(caseId,
                actors.actingUnit(request.actingUnit()), request.reason(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/supplement-requests")
    @Operation(summary = "Request supplementary materials (补正)", description = "Pauses the case's clock.")
    ResponseEntity<CaseReceipt> requestSupplement(@PathVariable String caseId,
                                                  @Valid @RequestBody SupplementRequest request) {
        return ok(commands.send(request.requestId(), caseId, new RequestSupplementCommand(caseId,
                actors.actingUnit(request.actingUnit()), request.materials(), request.reason(),
                businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/supplements")
    @Operation(summary = "Supply the requested materials", description = "Resumes the clock; every running due date "
            + "moves by the working days the case was paused.")
    ResponseEntity<CaseReceipt> supply(@PathVariable String caseId, @Valid @RequestBody Supplement request) {
        return ok(commands.send(request.requestId(), caseId, new SupplySupplementCommand(caseId,
                request.materials(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/items/{itemSeq}/dispatch")
    @Operation(summary = "Dispatch an item to its responsible unit", description = "By the lead unit; once per item.")
    ResponseEntity<CaseReceipt> dispatch(@PathVariable String caseId, @PathVariable int itemSeq,
                                         @Valid @RequestBody UnitStep request) {
        return ok(commands.send(request.requestId(), caseId, new DispatchItemCommand(caseId, actors.actingUnit(request.actingUnit()),
                itemSeq, businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/items/{itemSeq}/approval")
    @Operation(summary = "Approve an item", description = "Only the item's responsible unit decides it.")
    ResponseEntity<CaseReceipt> approve(@PathVariable String caseId, @PathVariable int itemSeq,
                                        @Valid @RequestBody ItemApproval request) {
        return ok(commands.send(request.requestId(), caseId, new ApproveItemCommand(caseId, actors.actingUnit(request.actingUnit()),
                itemSeq, request.result(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/items/{itemSeq}/rejection")
    @Operation(summary = "Reject an item", description = "Only the item's responsible unit decides it; recorded as "
            + "an event with the reason.")
    ResponseEntity<CaseReceipt> reject(@PathVariable String caseId, @PathVariable int itemSeq,
                                       @Valid @RequestBody UnitStepWithReason request) {
        return ok(commands.send(request.requestId(), caseId, new RejectItemCommand(caseId, actors.actingUnit(request.actingUnit()),
                itemSeq, request.reason(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/assistance")
    @Operation(summary = "Record assisted or proxy handling (帮办代办)")
    ResponseEntity<CaseReceipt> assist(@PathVariable String caseId, @Valid @RequestBody Assistance request) {
        return ok(commands.send(request.requestId(), caseId, new RecordAssistanceCommand(caseId, request.assistant(),
                request.kind(), request.steps(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/visits")
    @Operation(summary = "Record an in-person visit", description = "For the \"at most one visit\" figure. After a "
            + "case has ended only collection and complaint visits are recorded.")
    ResponseEntity<CaseReceipt> visit(@PathVariable String caseId, @Valid @RequestBody Visit request) {
        return ok(commands.send(request.requestId(), caseId, new RecordVisitCommand(caseId, request.hallCode(),
                request.windowCode(), request.purpose(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/conclusion")
    @Operation(summary = "Conclude the case", description = "By the lead unit, once every item is decided; the "
            + "outcome follows from the items' decisions.")
    ResponseEntity<CaseReceipt> conclude(@PathVariable String caseId, @Valid @RequestBody UnitStep request) {
        return ok(commands.send(request.requestId(), caseId, new ConcludeBundleCaseCommand(caseId,
                actors.actingUnit(request.actingUnit()), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/delivery")
    @Operation(summary = "Deliver the result", description = "Once, after conclusion.")
    ResponseEntity<CaseReceipt> deliver(@PathVariable String caseId, @Valid @RequestBody Delivery request) {
        return ok(commands.send(request.requestId(), caseId, new DeliverResultCommand(caseId, request.method(),
                businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/withdrawal")
    @Operation(summary = "Withdraw the case", description = "By the applicant; ends the case.")
    ResponseEntity<CaseReceipt> withdraw(@PathVariable String caseId, @Valid @RequestBody Withdrawal request) {
        return ok(commands.send(request.requestId(), caseId, new WithdrawBundleCaseCommand(caseId, request.reason(),
                businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/transfer")
    @Operation(summary = "Transfer the case to another hall", description = "For city-wide (全市通办) or cross-city "
            + "(跨市通办) handling.")
    ResponseEntity<CaseReceipt> transfer(@PathVariable String caseId, @Valid @RequestBody Transfer request) {
        return ok(commands.send(request.requestId(), caseId, new TransferBundleCaseCommand(caseId,
                request.toDivisionCode(), request.toHallCode(), request.mode(), request.reason(),
                businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/complaints")
    @Operation(summary = "Lodge a complaint (办不成事反映)", description = "Accepted in every state of the case. "
            + "Answers with the complaint's id.")
    ResponseEntity<CaseReceipt> complain(@PathVariable String caseId, @Valid @RequestBody Complaint request) {
        String complaintId = UUID.randomUUID().toString();
        CommandReceipt receipt = commands.send(request.requestId(), caseId, new LodgeComplaintCommand(caseId,
                complaintId, request.content(), businessTime.resolve(request.businessTime())));
        return created(receipt, "/api/bundle-cases/" + caseId + "/complaints/" + receipt.result());
    }

    @PostMapping("/{caseId}/complaints/{complaintId}/follow-ups")
    @Operation(summary = "Record the follow-up of a complaint")
    ResponseEntity<CaseReceipt> followUp(@PathVariable String caseId, @PathVariable String complaintId,
                                         @Valid @RequestBody ComplaintStep request) {
        return ok(commands.send(request.requestId(), caseId, new FollowUpComplaintCommand(caseId, complaintId,
                actors.actingUnit(request.actingUnit()), request.text(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/complaints/{complaintId}/resolution")
    @Operation(summary = "Resolve a complaint")
    ResponseEntity<CaseReceipt> resolve(@PathVariable String caseId, @PathVariable String complaintId,
                                        @Valid @RequestBody ComplaintStep request) {
        return ok(commands.send(request.requestId(), caseId, new ResolveComplaintCommand(caseId, complaintId,
                actors.actingUnit(request.actingUnit()), request.text(), businessTime.resolve(request.businessTime()))));
    }

    @PostMapping("/{caseId}/rating")
    @Operation(summary = "Rate the service (好差评)", description = "1 to 5, once per case, in every state.")
    ResponseEntity<CaseReceipt> rate(@PathVariable String caseId, @Valid @RequestBody Rating request) {
        return ok(commands.send(request.requestId(), caseId, new RateServiceCommand(caseId, request.score(),
                request.reasons(), request.comment(), businessTime.resolve(request.businessTime()))));
    }

    private static ResponseEntity<CaseReceipt> ok(CommandReceipt receipt) {
        return ResponseEntity.status(HttpStatus.OK)
                .header(REPLAYED, String.valueOf(receipt.repeated()))
                .body(CaseReceipt.of(receipt));
    }

    private static ResponseEntity<CaseReceipt> created(CommandReceipt receipt, String location) {
        return ResponseEntity.created(URI.create(location))
                .header(REPLAYED, String.valueOf(receipt.repeated()))
                .body(CaseReceipt.of(receipt));
    }

    /**
     * What the command side answers once a step is stored.
     *
     * @param caseId    the case
     * @param requestId the request that stored it
     * @param result    what the step produced, e.g. a new complaint's id; absent otherwise
     */
    record CaseReceipt(String caseId, String requestId, String result) {

        static CaseReceipt of(CommandReceipt receipt) {
            return new CaseReceipt(receipt.aggregateId(), receipt.requestId(), receipt.result());
        }
    }
}
