package cn.gov.lvliang.ledger.query.bundle;

import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.ACCEPTED;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.AT_RISK_AFTER_PAUSE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.AT_RISK_FROM;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.CONCLUDED;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.COUNTY_APPROVAL;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.DUE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.DUE_AFTER_PAUSE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.ITEM_DUE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.ITEM_DUE_AFTER_PAUSE;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.SUBMITTED;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.SUPPLEMENT_REQUESTED;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.SUPPLEMENT_SUPPLIED;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.accepted;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.at;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.dispatched;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.happyPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.newCaseId;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.refusedPath;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.submitted;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.supplementRequested;
import static cn.gov.lvliang.ledger.query.bundle.BundleCaseTestData.troubledPath;
import static cn.gov.lvliang.ledger.query.support.FixedClockConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ComplaintFollowedUpEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDeadline;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ComplaintView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemStatus;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialDisposition;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.SupplementView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.TransferView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.VisitView;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Feed;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Feeds events to the bundle-case projection on PostgreSQL, then asks its query handler. */
@QuerySideTest
class BundleCaseProjectionTest {

    @Autowired
    BundleCaseProjection projection;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void publishNames() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
    }

    @Test
    void everyBundleCaseEvent_hasAnEventHandler_andTheSamplePathsUseEveryOne() {
        Set<Class<?>> handled = Arrays.stream(BundleCaseProjection.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
        Set<Class<?>> sampled = Stream.of(happyPath("a"), troubledPath("b"), refusedPath("c"))
                .flatMap(List::stream)
                .map(Object::getClass)
                .collect(Collectors.toSet());

        assertThat(handled).containsAll(List.of(BundleCaseEvent.class.getPermittedSubclasses()));
        assertThat(sampled).containsExactlyInAnyOrder(BundleCaseEvent.class.getPermittedSubclasses());
    }

    @Test
    void happyPath_showsEveryStepOfTheCase() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(happyPath(caseId));

        BundleCaseView view = find(caseId);
        assertThat(view.bundleCode()).isEqualTo("2024-01");
        assertThat(view.bundleName()).isEqualTo("企业开办");
        assertThat(view.catalogVersion()).isEqualTo(CatalogTestData.CASE_CATALOG_VERSION);
        assertThat(view.leadUnit()).isEqualTo("CITY_APPROVAL");
        assertThat(view.leadUnitName()).isEqualTo("市行政审批局");
        assertThat(view.applicantKind()).isEqualTo(ApplicantKind.ENTERPRISE);
        assertThat(view.applicantName()).isEqualTo("吕梁示范商贸有限公司");
        assertThat(view.applicantIdMasked()).isEqualTo("9114**********DE12");
        assertThat(view.applicantPhoneMasked()).isEqualTo("139****5678");
        assertThat(view.divisionName()).isEqualTo("离石区");
        assertThat(view.hallName()).isEqualTo("离石区政务服务中心");
        assertThat(view.channel()).isEqualTo(Channel.WINDOW);
        assertThat(view.windowName()).isEqualTo("高效办成一件事专窗");

        assertThat(view.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(view.supplementPending()).isFalse();
        assertThat(view.atRisk()).isFalse();
        assertThat(view.overdue()).isFalse();
        assertThat(view.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(view.acceptedAt()).isEqualTo(ACCEPTED);
        assertThat(view.acceptedBy()).isEqualTo(COUNTY_APPROVAL);
        assertThat(view.timeLimitWorkingDays()).isEqualTo(5);
        assertThat(view.dueDate()).isEqualTo(DUE_AFTER_PAUSE);
        assertThat(view.atRiskFrom()).isEqualTo(AT_RISK_AFTER_PAUSE);
        assertThat(view.pausedWorkingDays()).isEqualTo(2);
        assertThat(view.concludedAt()).isEqualTo(CONCLUDED);
        assertThat(view.concludedBy()).isEqualTo(COUNTY_APPROVAL);
        assertThat(view.outcome()).isEqualTo(CaseOutcome.APPROVED);
        assertThat(view.approvedItems()).isEqualTo(3);
        assertThat(view.rejectedItems()).isZero();
        assertThat(view.deliveredAt()).isEqualTo(at("2025-03-07T09:00:00Z"));
        assertThat(view.deliveryMethod()).isEqualTo(DeliveryMethod.ELECTRONIC);
        assertThat(view.refusedAt()).isNull();
        assertThat(view.withdrawnAt()).isNull();
        assertThat(view.transferCount()).isZero();

        assertThat(view.items())
                .extracting(ItemView::seq, ItemView::name, ItemView::responsibleUnitName, ItemView::status,
                        ItemView::dueDate, ItemView::result)
                .containsExactly(
                        tuple(1, "企业设立登记", "市行政审批局", ItemStatus.APPROVED, ITEM_DUE_AFTER_PAUSE,
                                "91141100MA0ABCDE12"),
                        tuple(2, "公章刻制备案", "市公安局", ItemStatus.APPROVED, ITEM_DUE_AFTER_PAUSE,
                                "GZ-2025-000123"),
                        tuple(3, "发票领用", "市税务局", ItemStatus.APPROVED, ITEM_DUE_AFTER_PAUSE, "FP-2025-000456"));
        assertThat(view.items().get(0).dispatchedAt()).isEqualTo(at("2025-03-03T03:00:00Z"));
        assertThat(view.items().get(0).decidedAt()).isEqualTo(at("2025-03-07T02:00:00Z"));
        assertThat(view.items().get(0).decidingUnit()).isEqualTo("CITY_APPROVAL");
        assertThat(view.items().get(0).timeLimitWorkingDays()).isEqualTo(3);

        assertThat(view.materialsSubmitted()).isEqualTo(2);
        assertThat(view.materialsWaived()).isEqualTo(2);
        assertThat(view.materials())
                .extracting(MaterialView::name, MaterialView::disposition, MaterialView::waiverBasis)
                .containsExactly(
                        tuple("公司登记（备案）申请书", MaterialDisposition.SUBMITTED, null),
                        tuple("公司章程", MaterialDisposition.SUBMITTED, null),
                        tuple("法定代表人身份证", MaterialDisposition.WAIVED, WaiverBasis.E_LICENCE),
                        tuple("住所使用证明", MaterialDisposition.WAIVED, WaiverBasis.DATA_SHARING));

        assertThat(view.visitCount()).isEqualTo(2);
        assertThat(view.visits())
                .extracting(VisitView::number, VisitView::purpose, VisitView::hallName, VisitView::visitedAt)
                .containsExactly(
                        tuple(1, VisitPurpose.SUBMISSION, "离石区政务服务中心", SUBMITTED),
                        tuple(2, VisitPurpose.COLLECTION, "离石区政务服务中心", at("2025-03-10T02:00:00Z")));

        assertThat(view.assistanceCount()).isEqualTo(1);
        assertThat(view.assistance()).singleElement().satisfies(assistance -> {
            assertThat(assistance.assistant()).isEqualTo("LS-BB-017");
            assertThat(assistance.steps()).containsExactly("填写申请表", "材料预审");
        });

        assertThat(view.supplements()).singleElement().satisfies(supplement -> {
            assertThat(supplement.requestedAt()).isEqualTo(SUPPLEMENT_REQUESTED);
            assertThat(supplement.materials()).containsExactly("公司章程（全体股东签字）");
            assertThat(supplement.reason()).isEqualTo("章程缺少股东签字");
            assertThat(supplement.suppliedAt()).isEqualTo(SUPPLEMENT_SUPPLIED);
            assertThat(supplement.pausedWorkingDays()).isEqualTo(2);
        });

        assertThat(view.complaintsTotal()).isEqualTo(1);
        assertThat(view.complaintsResolved()).isEqualTo(1);
        assertThat(view.complaints()).singleElement().satisfies(complaint -> {
            assertThat(complaint.content()).isEqualTo("领取证照时排队时间过长");
            assertThat(complaint.followUps()).isEqualTo(1);
            assertThat(complaint.lastNote()).isEqualTo("已增开取件窗口");
            assertThat(complaint.resolvedAt()).isEqualTo(at("2025-03-11T02:00:00Z"));
            assertThat(complaint.resolution()).isEqualTo("已向申请人致歉并优化取件流程");
            assertThat(complaint.resolvingUnit()).isEqualTo(COUNTY_APPROVAL);
        });

        assertThat(view.rating()).isNotNull();
        assertThat(view.rating().score()).isEqualTo(5);
        assertThat(view.rating().reasons()).containsExactly("办事效率高", "服务态度好");
        assertThat(view.rating().comment()).isEqualTo("一次办好");

        assertThat(view.firstRecordedAt()).isEqualTo(SUBMITTED.plusSeconds(1));
        assertThat(view.lastRecordedAt()).isEqualTo(at("2025-03-11T03:00:01Z"));
        assertThat(view.lastEventSequence()).isEqualTo(happyPath(caseId).size() - 1);
    }

    @Test
    void refusal_endsTheCaseWithItsReason_andAnOutstandingSupplementNoLongerPausesIt() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(refusedPath(caseId));

        BundleCaseView view = find(caseId);
        assertThat(view.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(view.refusedAt()).isEqualTo(at("2025-03-05T02:00:00Z"));
        assertThat(view.refusedBy()).isEqualTo(COUNTY_APPROVAL);
        assertThat(view.refusalReason()).isEqualTo("经营范围涉及前置审批，须先取得许可");
        assertThat(view.supplementPending()).isFalse();
        assertThat(view.supplements()).singleElement().extracting(SupplementView::suppliedAt).isNull();
        assertThat(view.acceptedAt()).isNull();
        assertThat(view.items()).extracting(ItemView::status).containsOnly(ItemStatus.PENDING);
    }

    @Test
    void supplementRequest_pausesTheCase_andItsSupplyMovesTheCaseAndRunningItemDueDates() {
        String caseId = newCaseId();
        CaseEvents events = CaseEvents.into(projection).apply(
                submitted(caseId),
                accepted(caseId, DUE, AT_RISK_FROM),
                dispatched(caseId, 1, "CITY_APPROVAL"),
                dispatched(caseId, 2, "CITY_POLICE"),
                supplementRequested(caseId));

        BundleCaseView paused = find(caseId);
        assertThat(paused.supplementPending()).isTrue();
        assertThat(paused.atRisk()).as("paused, although today is past the at-risk date").isFalse();
        assertThat(paused.supplements()).singleElement().extracting(SupplementView::suppliedAt).isNull();

        events.apply(new SupplementSuppliedEvent(caseId, List.of("公司章程（全体股东签字）"), 2, DUE_AFTER_PAUSE,
                AT_RISK_AFTER_PAUSE, List.of(new ItemDeadline(1, ITEM_DUE_AFTER_PAUSE),
                new ItemDeadline(2, ITEM_DUE_AFTER_PAUSE)), SUPPLEMENT_SUPPLIED));

        BundleCaseView resumed = find(caseId);
        assertThat(resumed.supplementPending()).isFalse();
        assertThat(resumed.dueDate()).isEqualTo(DUE_AFTER_PAUSE);
        assertThat(resumed.atRiskFrom()).isEqualTo(AT_RISK_AFTER_PAUSE);
        assertThat(resumed.pausedWorkingDays()).isEqualTo(2);
        assertThat(resumed.atRisk()).as("running again and today is past the moved at-risk date").isTrue();
        assertThat(resumed.items())
                .extracting(ItemView::seq, ItemView::status, ItemView::dueDate)
                .containsExactly(
                        tuple(1, ItemStatus.DISPATCHED, ITEM_DUE_AFTER_PAUSE),
                        tuple(2, ItemStatus.DISPATCHED, ITEM_DUE_AFTER_PAUSE),
                        tuple(3, ItemStatus.PENDING, null));
        assertThat(resumed.supplements()).singleElement().satisfies(supplement -> {
            assertThat(supplement.suppliedAt()).isEqualTo(SUPPLEMENT_SUPPLIED);
            assertThat(supplement.materialsSupplied()).containsExactly("公司章程（全体股东签字）");
        });
    }

    @Test
    void rejectedItem_isShownWithItsReason_andTheConclusionIsPartlyApproved() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(
                submitted(caseId),
                accepted(caseId, DUE, AT_RISK_FROM),
                dispatched(caseId, 1, "CITY_APPROVAL"),
                dispatched(caseId, 2, "CITY_POLICE"),
                dispatched(caseId, 3, "CITY_TAX"),
                new ItemApprovedEvent(caseId, "CITY_APPROVAL", 1, "91141100MA0ABCDE12", at("2025-03-05T02:00:00Z")),
                new ItemRejectedEvent(caseId, "CITY_POLICE", 2, "印章样式不符合规定", at("2025-03-05T03:00:00Z")),
                new ItemApprovedEvent(caseId, "CITY_TAX", 3, "FP-2025-000456", at("2025-03-05T04:00:00Z")),
                new BundleCaseConcludedEvent(caseId, COUNTY_APPROVAL, CaseOutcome.PARTIALLY_APPROVED, 2, 1,
                        at("2025-03-06T02:00:00Z")));

        BundleCaseView view = find(caseId);
        assertThat(view.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(view.outcome()).isEqualTo(CaseOutcome.PARTIALLY_APPROVED);
        assertThat(view.approvedItems()).isEqualTo(2);
        assertThat(view.rejectedItems()).isEqualTo(1);
        assertThat(view.items())
                .extracting(ItemView::seq, ItemView::status, ItemView::result, ItemView::rejectionReason,
                        ItemView::decidingUnit)
                .containsExactly(
                        tuple(1, ItemStatus.APPROVED, "91141100MA0ABCDE12", null, "CITY_APPROVAL"),
                        tuple(2, ItemStatus.REJECTED, null, "印章样式不符合规定", "CITY_POLICE"),
                        tuple(3, ItemStatus.APPROVED, "FP-2025-000456", null, "CITY_TAX"));
    }

    @Test
    void withdrawal_endsTheCase_andAWithdrawnCaseIsNeverAtRisk() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(
                submitted(caseId),
                accepted(caseId, DUE, AT_RISK_FROM),
                new BundleCaseWithdrawnEvent(caseId, "申请人决定暂缓开办", at("2025-03-05T02:00:00Z")));

        BundleCaseView view = find(caseId);
        assertThat(view.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(view.withdrawnAt()).isEqualTo(at("2025-03-05T02:00:00Z"));
        assertThat(view.withdrawalReason()).isEqualTo("申请人决定暂缓开办");
        assertThat(view.atRisk()).isFalse();
    }

    @Test
    void transfers_moveTheCaseToTheirHall_countAndFlagTheirModes() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(
                submitted(caseId),
                new BundleCaseTransferredEvent(caseId, "141102", "141102-HALL", "141102", "CITY-HALL",
                        TransferMode.CITY_WIDE, "申请人在市政务服务中心办理", at("2025-03-04T02:00:00Z")),
                new BundleCaseTransferredEvent(caseId, "141102", "CITY-HALL", "141121", "141121-HALL",
                        TransferMode.CROSS_CITY, null, at("2025-03-05T02:00:00Z")));

        BundleCaseView view = find(caseId);
        assertThat(view.divisionCode()).isEqualTo("141121");
        assertThat(view.divisionName()).isEqualTo("文水县");
        assertThat(view.hallCode()).isEqualTo("141121-HALL");
        assertThat(view.hallName()).isEqualTo("文水县政务服务中心");
        assertThat(view.transferCount()).isEqualTo(2);
        assertThat(view.transferredCityWide()).isTrue();
        assertThat(view.transferredCrossCity()).isTrue();
        assertThat(view.transfers())
                .extracting(TransferView::fromDivisionName, TransferView::fromHallCode, TransferView::toHallName,
                        TransferView::mode, TransferView::reason)
                .containsExactly(
                        tuple("离石区", "141102-HALL", "吕梁市政务服务中心", TransferMode.CITY_WIDE, "申请人在市政务服务中心办理"),
                        tuple("离石区", "CITY-HALL", "文水县政务服务中心", TransferMode.CROSS_CITY, null));
    }

    @Test
    void complaints_countTheirFollowUpsAndKeepTheLatestNote_andResolutionsCountSeparately() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(
                submitted(caseId),
                new ComplaintLodgedEvent(caseId, "C-1", "窗口要求重复提交材料", at("2025-03-04T02:00:00Z")),
                new ComplaintFollowedUpEvent(caseId, "C-1", COUNTY_APPROVAL, "已核实情况", at("2025-03-04T03:00:00Z")),
                new ComplaintLodgedEvent(caseId, "C-2", "电话无人接听", at("2025-03-04T04:00:00Z")),
                new ComplaintFollowedUpEvent(caseId, "C-1", "CITY_APPROVAL", "已约谈窗口负责人",
                        at("2025-03-05T02:00:00Z")),
                new ComplaintResolvedEvent(caseId, "C-2", COUNTY_APPROVAL, "已回电说明", at("2025-03-05T03:00:00Z")));

        BundleCaseView view = find(caseId);
        assertThat(view.complaintsTotal()).isEqualTo(2);
        assertThat(view.complaintsResolved()).isEqualTo(1);
        assertThat(view.complaints())
                .extracting(ComplaintView::complaintId, ComplaintView::followUps, ComplaintView::lastNote,
                        ComplaintView::lastFollowUpUnit, ComplaintView::resolution, ComplaintView::resolvingUnit)
                .containsExactly(
                        tuple("C-1", 2, "已约谈窗口负责人", "CITY_APPROVAL", null, null),
                        tuple("C-2", 0, null, null, "已回电说明", COUNTY_APPROVAL));
        assertThat(view.complaints().get(1).resolvedAt()).isEqualTo(at("2025-03-05T03:00:00Z"));
    }

    @Test
    void overdueEvents_flagTheCaseAndTheItem_andAnOverdueCaseIsNoLongerAtRisk() {
        String caseId = newCaseId();

        CaseEvents.into(projection).apply(
                submitted(caseId),
                accepted(caseId, DUE, AT_RISK_FROM),
                dispatched(caseId, 1, "CITY_APPROVAL"),
                dispatched(caseId, 2, "CITY_POLICE"),
                new ItemBecameOverdueEvent(caseId, 2, "CITY_POLICE", ITEM_DUE, at("2025-03-06T16:00:00Z")),
                BundleCaseTestData.overdue(caseId));

        BundleCaseView view = find(caseId);
        assertThat(view.overdue()).isTrue();
        assertThat(view.overdueAt()).isEqualTo(at("2025-03-10T16:00:00Z"));
        assertThat(view.atRisk()).isFalse();
        assertThat(view.items())
                .extracting(ItemView::seq, ItemView::overdue, ItemView::overdueAt)
                .containsExactly(
                        tuple(1, false, null),
                        tuple(2, true, at("2025-03-06T16:00:00Z")),
                        tuple(3, false, null));
    }

    @Test
    void acceptedCase_isAtRiskFromItsAtRiskDate_inBeijingTime() {
        String fromToday = newCaseId();
        String fromTomorrow = newCaseId();
        String notAccepted = newCaseId();

        CaseEvents.into(projection).apply(submitted(fromToday), accepted(fromToday, TODAY.plusDays(1), TODAY));
        CaseEvents.into(projection).apply(submitted(fromTomorrow),
                accepted(fromTomorrow, TODAY.plusDays(2), TODAY.plusDays(1)));
        CaseEvents.into(projection).apply(submitted(notAccepted));

        assertThat(find(fromToday).atRisk()).isTrue();
        assertThat(find(fromTomorrow).atRisk()).isFalse();
        assertThat(find(notAccepted).atRisk()).isFalse();
    }

    @Test
    void redeliveryOfEveryEvent_changesNothing() {
        List<String> caseIds = List.of(newCaseId(), newCaseId(), newCaseId());
        List<CaseEvents> feeds = List.of(
                CaseEvents.into(projection).apply(happyPath(caseIds.get(0))),
                CaseEvents.into(projection).apply(troubledPath(caseIds.get(1))),
                CaseEvents.into(projection).apply(refusedPath(caseIds.get(2))));
        List<BundleCaseView> before = caseIds.stream().map(this::find).toList();

        feeds.forEach(CaseEvents::redeliverAll);

        assertThat(caseIds.stream().map(this::find).toList()).isEqualTo(before);
    }

    @Test
    void eventOfACaseNeverSubmitted_writesNothing() {
        String caseId = newCaseId();

        Feed.into(projection).domainEvent(CaseEvents.AGGREGATE_TYPE, caseId, 1, accepted(caseId, DUE, AT_RISK_FROM),
                ACCEPTED);

        assertThat(projection.handle(new FindBundleCaseQuery(caseId))).isEmpty();
    }

    @Test
    void unknownCase_isEmpty() {
        assertThat(projection.handle(new FindBundleCaseQuery("no-such-case"))).isEmpty();
    }

    @Test
    void reset_clearsEveryTableOfTheCase() {
        List<String> caseIds = List.of(newCaseId(), newCaseId());
        CaseEvents.into(projection).apply(happyPath(caseIds.get(0)));
        CaseEvents.into(projection).apply(troubledPath(caseIds.get(1)));

        Feed.into(projection).reset();

        for (String table : List.of("bundle_case", "bundle_case_item", "bundle_case_material", "bundle_case_visit",
                "bundle_case_complaint", "bundle_case_assistance", "bundle_case_transfer",
                "bundle_case_supplement")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE case_id IN (:caseIds)")
                    .param("caseIds", caseIds).query(Long.class).single()).as(table).isZero();
        }
        assertThat(projection.handle(new FindBundleCaseQuery(caseIds.get(0)))).isEmpty();
    }

    private BundleCaseView find(String caseId) {
        return projection.handle(new FindBundleCaseQuery(caseId)).orElseThrow();
    }
}
