package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.AssistanceRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ComplaintFollowedUpEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDeadline;
import cn.gov.lvliang.ledger.events.bundle.ItemDispatchedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.ResultDeliveredEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementRequestedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Whole bundle-case histories as the command side records them: an enterprise opening (企业开办, bundle 2024-01) at
 * the one-thing window of the Lishi hall in March 2025, and the ways it can go. Times are UTC; Beijing is eight hours
 * ahead. Public, since the rebuild tests replay the same histories.
 */
public final class CaseHistories {

    public static final String AGGREGATE_TYPE = "BundleCase";
    public static final String COUNTY_APPROVAL = "141102_APPROVAL";
    public static final String LISHI = "141102";
    public static final String LISHI_HALL = "141102-HALL";
    public static final String ONE_THING_WINDOW = "141102-HALL-W04";

    /** Monday 3 March 2025, 09:30 in Beijing. */
    public static final Instant SUBMITTED = at("2025-03-03T01:30:00Z");
    public static final Instant ACCEPTED = at("2025-03-03T02:00:00Z");
    public static final Instant DISPATCHED = at("2025-03-03T03:00:00Z");
    public static final Instant SUPPLEMENT_REQUESTED = at("2025-03-04T02:00:00Z");
    public static final Instant SUPPLEMENT_SUPPLIED = at("2025-03-06T02:00:00Z");
    public static final Instant CONCLUDED = at("2025-03-07T08:00:00Z");
    public static final LocalDate DUE = LocalDate.of(2025, 3, 10);
    public static final LocalDate AT_RISK_FROM = LocalDate.of(2025, 3, 7);
    public static final LocalDate ITEM_DUE = LocalDate.of(2025, 3, 6);
    public static final LocalDate DUE_AFTER_PAUSE = LocalDate.of(2025, 3, 12);
    public static final LocalDate AT_RISK_AFTER_PAUSE = LocalDate.of(2025, 3, 11);
    public static final LocalDate ITEM_DUE_AFTER_PAUSE = LocalDate.of(2025, 3, 10);

    private CaseHistories() {
    }

    public static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** A submission at the one-thing window, for a lead unit of the caller's choosing. */
    public static BundleCaseSubmittedEvent submitted(String caseId, String leadUnit) {
        return new BundleCaseSubmittedEvent(caseId, "2024-01", CatalogTestData.CASE_CATALOG_VERSION, leadUnit,
                List.of(new CaseItem(1, "企业设立登记", "CITY_APPROVAL"),
                        new CaseItem(2, "公章刻制备案", "CITY_POLICE"),
                        new CaseItem(3, "发票领用", "CITY_TAX")),
                new Applicant(ApplicantKind.ENTERPRISE, "吕梁示范商贸有限公司", "91141100MA0ABCDE12", "13912345678"),
                LISHI, LISHI_HALL, Channel.WINDOW, ONE_THING_WINDOW, SUBMITTED);
    }

    /**
     * Every step of a smooth case: submitted with a visit, materials partly waived, assisted, accepted, items
     * dispatched, paused for a supplement and resumed, items approved, concluded, delivered, collected, complained
     * about (followed up and resolved) and rated.
     */
    public static List<BundleCaseEvent> concluded(String caseId, String leadUnit) {
        return List.of(
                submitted(caseId, leadUnit),
                new VisitRecordedEvent(caseId, 1, LISHI_HALL, ONE_THING_WINDOW, VisitPurpose.SUBMISSION, SUBMITTED),
                materials(caseId, at("2025-03-03T01:35:00Z")),
                new AssistanceRecordedEvent(caseId, "LS-BB-017", AssistanceKind.ASSISTED, List.of("填写申请表", "材料预审"),
                        at("2025-03-03T01:40:00Z")),
                accepted(caseId),
                dispatched(caseId, 1, "CITY_APPROVAL"),
                dispatched(caseId, 2, "CITY_POLICE"),
                dispatched(caseId, 3, "CITY_TAX"),
                supplementRequested(caseId),
                supplementSupplied(caseId),
                new ItemApprovedEvent(caseId, "CITY_APPROVAL", 1, "91141100MA0ABCDE12", at("2025-03-07T02:00:00Z")),
                new ItemApprovedEvent(caseId, "CITY_POLICE", 2, "GZ-2025-000123", at("2025-03-07T02:10:00Z")),
                new ItemApprovedEvent(caseId, "CITY_TAX", 3, "FP-2025-000456", at("2025-03-07T02:20:00Z")),
                new BundleCaseConcludedEvent(caseId, COUNTY_APPROVAL, CaseOutcome.APPROVED, 3, 0, CONCLUDED),
                new ResultDeliveredEvent(caseId, DeliveryMethod.ELECTRONIC, at("2025-03-07T09:00:00Z")),
                new VisitRecordedEvent(caseId, 2, LISHI_HALL, ONE_THING_WINDOW, VisitPurpose.COLLECTION,
                        at("2025-03-10T02:00:00Z")),
                new ComplaintLodgedEvent(caseId, "C-1", "领取证照时排队时间过长", at("2025-03-10T03:00:00Z")),
                new ComplaintFollowedUpEvent(caseId, "C-1", COUNTY_APPROVAL, "已增开取件窗口",
                        at("2025-03-10T05:00:00Z")),
                new ComplaintResolvedEvent(caseId, "C-1", COUNTY_APPROVAL, "已向申请人致歉并优化取件流程",
                        at("2025-03-11T02:00:00Z")),
                new ServiceRatedEvent(caseId, 5, List.of("办事效率高", "服务态度好"), "一次办好",
                        at("2025-03-11T03:00:00Z")));
    }

    /**
     * A case that goes wrong: accepted, transferred city-wide to the city hall, its second item and then the case
     * overdue, that item rejected, the first approved, then withdrawn by the applicant.
     */
    public static List<BundleCaseEvent> withdrawn(String caseId, String leadUnit) {
        return List.of(
                submitted(caseId, leadUnit),
                accepted(caseId),
                dispatched(caseId, 1, "CITY_APPROVAL"),
                dispatched(caseId, 2, "CITY_POLICE"),
                new BundleCaseTransferredEvent(caseId, LISHI, LISHI_HALL, LISHI, "CITY-HALL", TransferMode.CITY_WIDE,
                        "申请人在市政务服务中心办理", at("2025-03-04T02:00:00Z")),
                new ItemBecameOverdueEvent(caseId, 2, "CITY_POLICE", ITEM_DUE, at("2025-03-06T16:00:00Z")),
                new BundleCaseBecameOverdueEvent(caseId, DUE, at("2025-03-10T16:00:00Z")),
                new ItemRejectedEvent(caseId, "CITY_POLICE", 2, "印章样式不符合规定", at("2025-03-11T02:00:00Z")),
                new ItemApprovedEvent(caseId, "CITY_APPROVAL", 1, "91141100MA0ABCDE12", at("2025-03-11T03:00:00Z")),
                new BundleCaseWithdrawnEvent(caseId, "申请人决定暂缓开办", at("2025-03-12T02:00:00Z")));
    }

    /** A case refused while a supplement it was asked for is still outstanding. */
    public static List<BundleCaseEvent> refused(String caseId, String leadUnit) {
        return List.of(
                submitted(caseId, leadUnit),
                supplementRequested(caseId),
                new BundleCaseAcceptanceRefusedEvent(caseId, COUNTY_APPROVAL, "经营范围涉及前置审批，须先取得许可",
                        at("2025-03-05T02:00:00Z")));
    }

    public static MaterialsRecordedEvent materials(String caseId, Instant businessTime) {
        return new MaterialsRecordedEvent(caseId, List.of("公司登记（备案）申请书", "公司章程"),
                List.of(new WaivedMaterial("法定代表人身份证", WaiverBasis.E_LICENCE),
                        new WaivedMaterial("住所使用证明", WaiverBasis.DATA_SHARING)),
                businessTime);
    }

    public static BundleCaseAcceptedEvent accepted(String caseId) {
        return new BundleCaseAcceptedEvent(caseId, COUNTY_APPROVAL, 5, DUE, AT_RISK_FROM, ACCEPTED);
    }

    public static ItemDispatchedEvent dispatched(String caseId, int itemSeq, String responsibleUnit) {
        return new ItemDispatchedEvent(caseId, COUNTY_APPROVAL, itemSeq, responsibleUnit, 3, ITEM_DUE, DISPATCHED);
    }

    public static SupplementRequestedEvent supplementRequested(String caseId) {
        return new SupplementRequestedEvent(caseId, COUNTY_APPROVAL, List.of("公司章程（全体股东签字）"), "章程缺少股东签字",
                SUPPLEMENT_REQUESTED);
    }

    /** Two working days paused: the case's dates and the running items' due dates move. */
    public static SupplementSuppliedEvent supplementSupplied(String caseId) {
        return new SupplementSuppliedEvent(caseId, List.of("公司章程（全体股东签字）"), 2, DUE_AFTER_PAUSE,
                AT_RISK_AFTER_PAUSE,
                List.of(new ItemDeadline(1, ITEM_DUE_AFTER_PAUSE), new ItemDeadline(2, ITEM_DUE_AFTER_PAUSE),
                        new ItemDeadline(3, ITEM_DUE_AFTER_PAUSE)),
                SUPPLEMENT_SUPPLIED);
    }
}
