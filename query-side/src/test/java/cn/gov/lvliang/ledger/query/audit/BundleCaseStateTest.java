package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.AT_RISK_AFTER_PAUSE;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.COUNTY_APPROVAL;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.DUE;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.DUE_AFTER_PAUSE;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.ITEM_DUE;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.ITEM_DUE_AFTER_PAUSE;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.at;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.concluded;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.refused;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.audit.BundleCaseState.Item;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemStatus;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialDisposition;
import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The as-of fold: a bundle case as its own events make it, at every step of its life. */
class BundleCaseStateTest {

    static final String LEAD_UNIT = "CITY_APPROVAL";

    @Test
    void everyPermittedEventType_hasItsKind() {
        List<Class<?>> kinds = Arrays.stream(BundleEventKind.values()).<Class<?>>map(BundleEventKind::type).toList();

        assertThat(kinds).containsExactlyInAnyOrder(BundleCaseEvent.class.getPermittedSubclasses());
    }

    @Test
    void concludedCase_hasEverythingItsEventsSaid() {
        String caseId = newCaseId();

        BundleCaseState state = BundleCaseState.fold(concluded(caseId, LEAD_UNIT));

        assertThat(state.caseId()).isEqualTo(caseId);
        assertThat(state.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(state.outcome()).isEqualTo(CaseOutcome.APPROVED);
        assertThat(state.applicantIdMasked()).isEqualTo("9114**********DE12");
        assertThat(state.divisionCode()).isEqualTo("141102");
        assertThat(state.hallCode()).isEqualTo("141102-HALL");
        assertThat(state.acceptedBy()).isEqualTo(COUNTY_APPROVAL);
        assertThat(state.dueDate()).isEqualTo(DUE_AFTER_PAUSE);
        assertThat(state.atRiskFrom()).isEqualTo(AT_RISK_AFTER_PAUSE);
        assertThat(state.paused()).isFalse();
        assertThat(state.pausedWorkingDays()).isEqualTo(2);
        assertThat(state.overdue()).isFalse();
        assertThat(state.items()).extracting(Item::status).containsOnly(ItemStatus.APPROVED);
        assertThat(state.items()).extracting(Item::dueDate).containsOnly(ITEM_DUE_AFTER_PAUSE);
        assertThat(state.items().get(1).result()).isEqualTo("GZ-2025-000123");
        assertThat(state.materials()).hasSize(4);
        assertThat(state.materials().get(2).disposition()).isEqualTo(MaterialDisposition.WAIVED);
        assertThat(state.materials().get(2).waiverBasis()).isEqualTo(WaiverBasis.E_LICENCE);
        assertThat(state.visits()).extracting(BundleCaseState.Visit::number).containsExactly(1, 2);
        assertThat(state.assistance()).hasSize(1);
        assertThat(state.supplements().get(0).suppliedAt()).isEqualTo(CaseHistories.SUPPLEMENT_SUPPLIED);
        assertThat(state.complaints().get(0).followUps()).isEqualTo(1);
        assertThat(state.complaints().get(0).resolvedAt()).isEqualTo(at("2025-03-11T02:00:00Z"));
        assertThat(state.rating().score()).isEqualTo(5);
        assertThat(state.deliveredAt()).isEqualTo(at("2025-03-07T09:00:00Z"));
    }

    @Test
    void eachPrefixOfTheHistory_isTheCaseAtThatStep() {
        List<BundleCaseEvent> events = concluded(newCaseId(), LEAD_UNIT);

        BundleCaseState submitted = BundleCaseState.fold(events.subList(0, 1));
        BundleCaseState dispatched = BundleCaseState.fold(events.subList(0, 8));
        BundleCaseState paused = BundleCaseState.fold(events.subList(0, 9));
        BundleCaseState resumed = BundleCaseState.fold(events.subList(0, 10));

        assertThat(submitted.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(submitted.items()).extracting(Item::status).containsOnly(ItemStatus.PENDING);
        assertThat(submitted.materials()).isEmpty();
        assertThat(dispatched.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(dispatched.dueDate()).isEqualTo(DUE);
        assertThat(dispatched.items()).extracting(Item::status).containsOnly(ItemStatus.DISPATCHED);
        assertThat(dispatched.items()).extracting(Item::dueDate).containsOnly(ITEM_DUE);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.supplements().get(0).suppliedAt()).isNull();
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.dueDate()).isEqualTo(DUE_AFTER_PAUSE);
    }

    @Test
    void withdrawnCase_showsItsTransferOverdueAndDecisions() {
        BundleCaseState state = BundleCaseState.fold(withdrawn(newCaseId(), LEAD_UNIT));

        assertThat(state.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(state.overdue()).isTrue();
        assertThat(state.overdueAt()).isEqualTo(at("2025-03-10T16:00:00Z"));
        assertThat(state.hallCode()).isEqualTo("CITY-HALL");
        assertThat(state.transfers()).extracting(BundleCaseState.Transfer::mode)
                .containsExactly(TransferMode.CITY_WIDE);
        assertThat(state.items()).extracting(Item::status)
                .containsExactly(ItemStatus.APPROVED, ItemStatus.REJECTED, ItemStatus.PENDING);
        assertThat(state.items().get(1).overdue()).isTrue();
        assertThat(state.items().get(1).rejectionReason()).isEqualTo("印章样式不符合规定");
        assertThat(state.withdrawalReason()).isEqualTo("申请人决定暂缓开办");
    }

    @Test
    void refusalEndsThePause_ofAnOutstandingSupplement() {
        BundleCaseState state = BundleCaseState.fold(refused(newCaseId(), LEAD_UNIT));

        assertThat(state.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(state.paused()).isFalse();
        assertThat(state.refusalReason()).isEqualTo("经营范围涉及前置审批，须先取得许可");
    }

    @Test
    void fold_isAFunctionOfItsEventsOnly() {
        List<BundleCaseEvent> events = new ArrayList<>(concluded(newCaseId(), LEAD_UNIT));
        List<BundleCaseEvent> copy = List.copyOf(events);

        BundleCaseState first = BundleCaseState.fold(events);
        BundleCaseState second = BundleCaseState.fold(events);

        assertThat(second).isEqualTo(first);
        assertThat(events).isEqualTo(copy);
        assertThat(BundleCaseState.fold(List.of()).status()).isNull();
    }
}
