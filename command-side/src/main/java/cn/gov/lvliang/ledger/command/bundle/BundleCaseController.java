package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bundle-case commands over REST.
 */
@RestController
@RequestMapping("/api/bundle-cases")
@Tag(name = "Bundle cases", description = "高效办成一件事: the life of a bundle case")
class BundleCaseController {

    private final CommandGateway commandGateway;
    private final BundleCatalog catalog;
    private final SubmitBundleCaseRequestValidator submitValidator;
    private final Clock clock;

    BundleCaseController(CommandGateway commandGateway, BundleCatalog catalog,
                         SubmitBundleCaseRequestValidator submitValidator, Clock clock) {
        this.commandGateway = commandGateway;
        this.catalog = catalog;
        this.submitValidator = submitValidator;
        this.clock = clock;
    }

    @InitBinder("submitBundleCaseRequest")
    void registerSubmitValidator(WebDataBinder binder) {
        binder.addValidators(submitValidator);
    }

    @PostMapping
    @Operation(summary = "Submit a bundle case", description = "Opens a case for one bundle of the catalog.")
    ResponseEntity<CaseAccepted> submit(@Valid @RequestBody SubmitBundleCaseRequest request) {
        String caseId = UUID.randomUUID().toString();
        var applicant = request.applicant();
        commandGateway.sendAndWait(new SubmitBundleCaseCommand(
                caseId,
                request.bundleCode(),
                catalog.version(),
                new Applicant(applicant.kind(), applicant.name(), applicant.identifier(), applicant.phone()),
                request.divisionCode(),
                request.hallCode(),
                request.channel(),
                request.windowCode(),
                request.businessTime() != null ? request.businessTime() : clock.instant()));
        return ResponseEntity.created(URI.create("/api/bundle-cases/" + caseId))
                .body(new CaseAccepted(caseId, request.requestId()));
    }

    /** What the command side answers when it has stored a case's first event. */
    record CaseAccepted(String caseId, String requestId) {
    }
}
