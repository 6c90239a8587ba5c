package cn.gov.lvliang.ledger.command.personaldata;

import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CommandReceipt;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.infra.IdentityNumbers;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.ErasePersonalDataCommand;
import cn.gov.lvliang.ledger.events.personaldata.ErasureBasis;
import cn.gov.lvliang.ledger.personaldata.SubjectReferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a data subject's personal data (PIPL art. 47) by crypto-shredding. The administrator records a deletion
 * decision taken by the personal-information protection officer; the identifier in the request only names the
 * subject, is turned into its reference at once and is stored nowhere.
 */
@RestController
@RequestMapping("/api/personal-data")
@Tag(name = "Personal data", description = "个人信息删除: crypto-shredding a data subject's personal data")
class PersonalDataController {

    private final IdempotentCommandGateway commands;
    private final SubjectReferences subjects;
    private final BusinessTimePolicy businessTime;

    PersonalDataController(IdempotentCommandGateway commands, SubjectReferences subjects,
                           BusinessTimePolicy businessTime) {
        this.commands = commands;
        this.subjects = subjects;
        this.businessTime = businessTime;
    }

    @PostMapping("/erasures")
    @Operation(summary = "Erase a data subject's personal data (删除个人信息)", description = "Destroys every key the "
            + "subject's data was encrypted under and records PersonalDataErasedEvent: the subject's identifiers, names "
            + "and contacts read as erased in every event, read model and export from then on, history included, "
            + "while the rest of each case stays as it was. Irreversible. 409 when the ledger holds no readable "
            + "personal data of the subject.")
    ResponseEntity<ErasureReceipt> erase(@Valid @RequestBody ErasureRequest request) {
        IdentityNumbers.requireNone(request.decisionReference(), "decisionReference");
        String subject = subjects.of(request.subjectKind(), request.identifier());
        CommandReceipt receipt = commands.send(request.requestId(), subject, new ErasePersonalDataCommand(subject,
                request.subjectKind(), request.basis(), request.decisionReference(),
                businessTime.resolve(request.businessTime())));
        return ResponseEntity.ok()
                .header("Idempotent-Replayed", String.valueOf(receipt.repeated()))
                .body(new ErasureReceipt(receipt.aggregateId(), receipt.requestId()));
    }

    /**
     * @param requestId         the client's id of this request
     * @param subjectKind       what kind of identifier names the subject
     * @param identifier        the applicant's identity number or credit code, or the reporter's handle
     * @param basis             the ground of PIPL art. 47 the decision rests on
     * @param decisionReference the number of the deletion decision or request, never an identity number
     * @param businessTime      when the erasure was decided, default now
     */
    record ErasureRequest(
            @NotBlank @Size(max = 64) String requestId,
            @NotNull DataSubjectKind subjectKind,
            @NotBlank @Size(max = 64) String identifier,
            @NotNull ErasureBasis basis,
            @NotBlank @Size(max = 64) String decisionReference,
            Instant businessTime) {
    }

    /**
     * @param subjectReference the subject's pseudonymous reference, as the erasure event records it
     * @param requestId        the client's id of the request
     */
    record ErasureReceipt(String subjectReference, String requestId) {
    }
}
