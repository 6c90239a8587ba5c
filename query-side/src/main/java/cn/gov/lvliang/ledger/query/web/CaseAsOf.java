package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.query.audit.BundleCaseAsOf;
import cn.gov.lvliang.ledger.query.audit.BundleCaseState;
import cn.gov.lvliang.ledger.query.audit.CaseStates;
import cn.gov.lvliang.ledger.query.audit.TimeAxis;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.AssistanceView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ComplaintView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialDisposition;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.RatingView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.SupplementView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.TransferView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.VisitView;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.reference.DivisionView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A bundle case as it stood at a past instant, in the shape of the case page: the state auditors replay from the
 * case's own events ({@link CaseStates}), named as the page names the case today. Names are not part of the events;
 * a division's comes from the reference data, the bundle's, the units' and the halls' from the case's current view.
 * The applicant is the current view's, masked or erased as it is there.
 */
@Component
class CaseAsOf {

    private final CaseStates states;
    private final LedgerQueries ledger;

    CaseAsOf(CaseStates states, LedgerQueries ledger) {
        this.states = states;
        this.ledger = ledger;
    }

    /**
     * The case as it stood at {@code asOf} on {@code axis}.
     *
     * @param now the case as the read model holds it now, for its names and applicant
     */
    Past of(BundleCaseView now, TimeAxis axis, Instant asOf) {
        BundleCaseAsOf past = states.bundleCaseAsOf(now.caseId(), axis, asOf);
        return new Past(past, past.state() == null ? null : view(past, now));
    }

    /**
     * A case at a past instant.
     *
     * @param replayed what the audit fold gave: the instant, its axis and the events the state is made of
     * @param view     the case as the page shows one; {@code null} if it had not been submitted by then
     */
    record Past(BundleCaseAsOf replayed, BundleCaseView view) {
    }

    private BundleCaseView view(BundleCaseAsOf past, BundleCaseView now) {
        BundleCaseState s = past.state();
        Names names = new Names(now, ledger.divisions());
        LocalDate day = LocalDate.ofInstant(past.asOf(), BusinessDay.ZONE);
        boolean atRisk = s.status() == CaseStatus.ACCEPTED && !s.paused() && !s.overdue() && s.atRiskFrom() != null
                && !day.isBefore(s.atRiskFrom());
        List<BundleCaseAsOf.Event> events = past.events();
        return new BundleCaseView(
                s.caseId(), s.bundleCode(), same(s.bundleCode(), now.bundleCode(), now.bundleName()),
                s.catalogVersion() != null ? s.catalogVersion() : now.catalogVersion(),
                s.leadUnit(), same(s.leadUnit(), now.leadUnit(), now.leadUnitName()),
                now.applicantKind(), now.applicantName(), now.applicantIdMasked(), now.applicantPhoneMasked(),
                s.divisionCode(), names.division(s.divisionCode()), s.hallCode(), names.hall(s.hallCode()),
                s.channel(), s.windowCode(), same(s.windowCode(), now.windowCode(), now.windowName()),
                s.status(), s.paused(), atRisk, s.overdue(), s.submittedAt(), s.acceptedAt(), s.acceptedBy(),
                s.timeLimitWorkingDays(), s.dueDate(), s.atRiskFrom(), s.pausedWorkingDays(), s.overdueAt(),
                s.refusedAt(), s.refusedBy(), s.refusalReason(), s.concludedAt(), s.concludedBy(), s.outcome(),
                s.approvedItems(), s.rejectedItems(), s.deliveredAt(), s.deliveryMethod(), s.withdrawnAt(),
                s.withdrawalReason(),
                s.transfers().size(),
                s.transfers().stream().anyMatch(transfer -> transfer.mode() == TransferMode.CITY_WIDE),
                s.transfers().stream().anyMatch(transfer -> transfer.mode() == TransferMode.CROSS_CITY),
                s.visits().size(),
                (int) s.materials().stream().filter(m -> m.disposition() == MaterialDisposition.SUBMITTED).count(),
                (int) s.materials().stream().filter(m -> m.disposition() == MaterialDisposition.WAIVED).count(),
                s.assistance().size(),
                s.complaints().size(),
                (int) s.complaints().stream().filter(complaint -> complaint.resolvedAt() != null).count(),
                s.rating() == null ? null : new RatingView(s.rating().score(), s.rating().reasons(),
                        s.rating().comment(), s.rating().ratedAt()),
                events.stream().map(BundleCaseAsOf.Event::recordedAt).min(Instant::compareTo).orElse(null),
                events.stream().map(BundleCaseAsOf.Event::recordedAt).max(Instant::compareTo).orElse(null),
                events.stream().mapToLong(BundleCaseAsOf.Event::sequence).max().orElse(-1),
                s.items().stream().map(item -> new ItemView(item.seq(), item.name(), item.responsibleUnit(),
                        names.unit(item.responsibleUnit()), item.status(), item.dispatchedAt(),
                        item.timeLimitWorkingDays(), item.dueDate(), item.overdue(), item.overdueAt(),
                        item.decidedAt(), item.decidingUnit(), item.result(), item.rejectionReason())).toList(),
                s.materials().stream().map(material -> new MaterialView(material.name(), material.disposition(),
                        material.waiverBasis(), material.recordedAt())).toList(),
                s.visits().stream().map(visit -> new VisitView(visit.number(), visit.hallCode(),
                        names.hall(visit.hallCode()), visit.windowCode(), visit.purpose(), visit.visitedAt()))
                        .toList(),
                s.complaints().stream().map(complaint -> new ComplaintView(complaint.complaintId(),
                        complaint.content(), complaint.lodgedAt(), complaint.followUps(), complaint.lastNote(),
                        complaint.lastFollowedUpAt(), complaint.lastFollowUpUnit(), complaint.resolvedAt(),
                        complaint.resolution(), complaint.resolvingUnit())).toList(),
                s.transfers().stream().map(transfer -> new TransferView(transfer.fromDivisionCode(),
                        names.division(transfer.fromDivisionCode()), transfer.fromHallCode(),
                        transfer.toDivisionCode(), names.division(transfer.toDivisionCode()), transfer.toHallCode(),
                        names.hall(transfer.toHallCode()), transfer.mode(), transfer.reason(),
                        transfer.transferredAt())).toList(),
                s.assistance().stream().map(help -> new AssistanceView(help.assistant(), help.kind(), help.steps(),
                        help.assistedAt())).toList(),
                s.supplements().stream().map(supplement -> new SupplementView(supplement.requestedAt(),
                        supplement.requestedBy(), supplement.materials(), supplement.reason(),
                        supplement.suppliedAt(), supplement.materialsSupplied(), supplement.pausedWorkingDays()))
                        .toList());
    }

    /** The name the current view gives a code, if the code is the same one. */
    private static String same(String code, String currentCode, String currentName) {
        return Objects.equals(code, currentCode) ? currentName : null;
    }

    /** Names of the divisions, halls and units a case's past may mention, as the page knows them now. */
    private static final class Names {

        private final Map<String, String> divisions;
        private final Map<String, String> halls = new HashMap<>();
        private final Map<String, String> units = new HashMap<>();

        Names(BundleCaseView now, List<DivisionView> divisions) {
            this.divisions = divisions.stream().collect(Collectors.toMap(DivisionView::code, DivisionView::name,
                    (first, second) -> first));
            put(halls, now.hallCode(), now.hallName());
            now.visits().forEach(visit -> put(halls, visit.hallCode(), visit.hallName()));
            now.transfers().forEach(transfer -> put(halls, transfer.toHallCode(), transfer.toHallName()));
            now.items().forEach(item -> put(units, item.responsibleUnit(), item.responsibleUnitName()));
        }

        String division(String code) {
            return lookUp(divisions::get, code);
        }

        String hall(String code) {
            return lookUp(halls::get, code);
        }

        String unit(String code) {
            return lookUp(units::get, code);
        }

        private static String lookUp(Function<String, String> names, String code) {
            return code == null ? null : names.apply(code);
        }

        private static void put(Map<String, String> names, String code, String name) {
            if (code != null && name != null) {
                names.putIfAbsent(code, name);
            }
        }
    }
}
