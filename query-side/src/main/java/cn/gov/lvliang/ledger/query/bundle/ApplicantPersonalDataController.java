package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.personaldata.Erasures;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.security.CurrentUser;
import cn.gov.lvliang.ledger.security.LedgerRole;
import cn.gov.lvliang.ledger.security.LedgerUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant of a bundle case unmasked, for the few who need the clear identity number and phone: the window clerks
 * and unit officers of a unit that took part in the case (in its county, which the county scope checks before this
 * runs), and auditors. Decrypted from the event store, never kept in a read model; every read is logged
 * ({@link cn.gov.lvliang.ledger.query.infra.ReadAccessLog}).
 */
@RestController
@Tag(name = "Bundle cases", description = "高效办成一件事: the case ledger")
class ApplicantPersonalDataController {

    private final EventStore eventStore;
    private final Erasures erasures;

    ApplicantPersonalDataController(EventStore eventStore, Erasures erasures) {
        this.eventStore = eventStore;
        this.erasures = erasures;
    }

    @GetMapping("/api/bundle-cases/{caseId}/personal-data")
    @Operation(summary = "The applicant's personal data, unmasked (个人信息查看)",
            description = "Name, identity number or credit code and phone in clear, decrypted from the case's stored "
                    + "submission. For window clerks and unit officers of a unit that took part in the case, and for "
                    + "auditors; every read is logged. Fields read as \"[erased]\" (erased: true) once the applicant's "
                    + "personal data was erased. 404 for a case the ledger does not know.")
    ApplicantPersonalData get(@Parameter(description = "The case id") @PathVariable String caseId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId, 0).asStream().toList();
        BundleCaseSubmittedEvent submission = events.stream()
                .filter(event -> event.getPayload() instanceof BundleCaseSubmittedEvent)
                .map(event -> (BundleCaseSubmittedEvent) event.getPayload())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No bundle case " + caseId));
        LedgerUser user = CurrentUser.require();
        if (user.role() != LedgerRole.AUDITOR && !unitsOf(submission, events).contains(user.unit())) {
            throw new AccessDeniedException("Unit " + user.unit() + " took no part in case " + caseId
                    + ": only the units that handle a case see its applicant unmasked");
        }
        Applicant applicant = submission.applicant();
        // This node may still hold a key in its cache that an erasure elsewhere destroyed: the table decides.
        boolean erased = erasures.erased(DataSubjectKind.APPLICANT, applicant.identifier());
        return erased
                ? new ApplicantPersonalData(caseId, applicant.kind(), PersonalData.ERASED, PersonalData.ERASED,
                        applicant.phone() == null ? null : PersonalData.ERASED, true)
                : new ApplicantPersonalData(caseId, applicant.kind(), applicant.name(), applicant.identifier(),
                        applicant.phone(), false);
    }

    /** The lead unit, the items' responsible units, and every unit whose user acted on the case. */
    private static Set<String> unitsOf(BundleCaseSubmittedEvent submission,
                                       List<? extends DomainEventMessage<?>> events) {
        Set<String> units = new HashSet<>();
        units.add(submission.leadUnit());
        submission.items().stream().map(CaseItem::responsibleUnit).forEach(units::add);
        events.stream()
                .map(event -> event.getMetaData().get(ActorMetadata.UNIT))
                .filter(unit -> unit instanceof String)
                .forEach(unit -> units.add((String) unit));
        return units;
    }

    /**
     * @param caseId     the case
     * @param kind       person or enterprise
     * @param name       the applicant's name
     * @param identifier the identity number or unified social credit code
     * @param phone      the contact phone, absent if none was given
     * @param erased     whether the applicant's personal data was erased
     */
    record ApplicantPersonalData(String caseId, ApplicantKind kind, String name, String identifier, String phone,
                                 boolean erased) {
    }
}
