package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.personaldata.Erasures;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.security.CurrentUser;
import cn.gov.lvliang.ledger.security.LedgerRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter of a risk clue unmasked, for the campaign officers of the clue's county (who must be able to reach a
 * named reporter) and for auditors. An anonymous reporter stays anonymous to officers (举报人保护): only auditors see
 * its handle. Decrypted from the event store, never kept in a read model; every read is logged.
 */
@RestController
@Tag(name = "Fundraising: risk clues", description = "打击非法集资: the risk-clue ledger")
class ReporterPersonalDataController {

    private final EventStore eventStore;
    private final Erasures erasures;

    ReporterPersonalDataController(EventStore eventStore, Erasures erasures) {
        this.eventStore = eventStore;
        this.erasures = erasures;
    }

    @GetMapping("/api/fundraising/clues/{clueId}/reporter")
    @Operation(summary = "The clue's reporter, unmasked (举报人信息查看)",
            description = "The reporter's handle and contact in clear, decrypted from the clue's stored recording. For "
                    + "campaign officers of the clue's county, not for an anonymous reporter; and for auditors. Every "
                    + "read is logged. Fields read as \"[erased]\" (erased: true) once the reporter's personal data "
                    + "was erased. 404 for a clue the ledger does not know or one without a reporter.")
    ReporterPersonalData get(@Parameter(description = "The clue id") @PathVariable String clueId) {
        RiskClueRecordedEvent recorded = eventStore.readEvents(clueId, 0).asStream()
                .map(event -> event.getPayload())
                .filter(RiskClueRecordedEvent.class::isInstance)
                .map(RiskClueRecordedEvent.class::cast)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No risk clue " + clueId));
        Reporter reporter = recorded.reporter();
        if (reporter == null) {
            throw new NotFoundException("Risk clue " + clueId + " has no reporter");
        }
        if (reporter.anonymous() && CurrentUser.require().role() != LedgerRole.AUDITOR) {
            throw new AccessDeniedException("The reporter of clue " + clueId + " chose to stay anonymous "
                    + "(举报人保护): only auditors see the handle");
        }
        boolean erased = erasures.erased(DataSubjectKind.REPORTER, reporter.handle());
        return erased
                ? new ReporterPersonalData(clueId, reporter.anonymous(), PersonalData.ERASED,
                        reporter.contact() == null ? null : PersonalData.ERASED, true)
                : new ReporterPersonalData(clueId, reporter.anonymous(), reporter.handle(), reporter.contact(), false);
    }

    /**
     * @param clueId    the clue
     * @param anonymous whether the reporter chose to stay anonymous
     * @param handle    the reporting channel's reference for the reporter
     * @param contact   the named reporter's phone or e-mail, absent if none
     * @param erased    whether the reporter's personal data was erased
     */
    record ReporterPersonalData(String clueId, boolean anonymous, String handle, String contact, boolean erased) {
    }
}
