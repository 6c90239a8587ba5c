package cn.gov.lvliang.ledger.query.dashboard;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
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
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Eight cases of one lead unit that no other test uses, with every figure of the dashboards worked out by hand. The
 * fixed clock's today is Friday 14 March 2025; times are UTC, and Beijing is eight hours ahead. Names come from the
 * test reference data (离石区 141102, 文水县 141121) and the test catalog (2024-01 企业开办, 2024-13 新生儿出生).
 *
 * <pre>
 * case now in bundle  channel      submitted (Beijing) status    visits materials      other
 * A    141102 2024-01 WINDOW       2025-02-10 09:00    CONCLUDED 1      2 + 1 waived   rated 5
 * B    141102 2024-01 ONLINE       2025-03-03 10:00    CONCLUDED 0      1 + 2 waived   rated 4; complaint, 2 days
 * C    141102 2024-13 WINDOW       2025-03-04 09:00    CONCLUDED 3      -              rated 2; complaints: 1 day, open
 * D    141121 2024-13 SELF_SERVICE 2025-03-05 09:00    ACCEPTED  0      3              at risk since 13 March
 * E    141121 2024-01 HOTLINE      2025-01-20 09:00    ACCEPTED  0      -              overdue since 27 January
 * F    141102 2024-01 WINDOW       2025-02-20 09:00    WITHDRAWN 1      -              city-wide from 141121, 2025
 * G    141102 2024-01 WINDOW       2025-01-01 01:00    REFUSED   1      -              31 Dec 2024 in UTC
 * H    141102 2024-13 WINDOW       2024-12-28 10:00    SUBMITTED 1      -              cross-city from 141121 on
 *                                                                                      1 Jan 2025 00:30 Beijing
 * </pre>
 * Waived: A an e-licence; B one by data sharing, one by e-licence.
 */
public final class DashboardScenario {

    public static final String LISHI = "141102";
    public static final String WENSHUI = "141121";
    public static final String OPENING = "2024-01";
    public static final String BIRTH = "2024-13";
    public static final List<String> OPENING_ITEMS = List.of("企业设立登记", "公章刻制备案", "发票领用");
    public static final List<String> BIRTH_ITEMS = List.of("出生医学证明办理", "户口登记", "城乡居民医疗保险参保登记");
    static final String AGGREGATE_TYPE = "BundleCase";

    public final String leadUnit = "TEST_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    public final String a = caseId("A");
    public final String b = caseId("B");
    public final String c = caseId("C");
    public final String d = caseId("D");
    public final String e = caseId("E");
    public final String f = caseId("F");
    public final String g = caseId("G");
    public final String h = caseId("H");

    private final String countyUnit = LISHI + "_APPROVAL";

    /** Every case's events in order. */
    public Map<String, List<BundleCaseEvent>> cases() {
        Map<String, List<BundleCaseEvent>> cases = new LinkedHashMap<>();
        cases.put(a, List.of(
                submitted(a, OPENING, LISHI, Channel.WINDOW, "2025-02-10T01:00:00Z"),
                visit(a, 1, LISHI, VisitPurpose.SUBMISSION, "2025-02-10T01:00:00Z"),
                new MaterialsRecordedEvent(a, List.of("公司登记（备案）申请书", "公司章程"),
                        List.of(new WaivedMaterial("法定代表人身份证", WaiverBasis.E_LICENCE)), at("2025-02-10T01:05:00Z")),
                accepted(a, "2025-02-10T02:00:00Z", LocalDate.of(2025, 2, 11), LocalDate.of(2025, 2, 10)),
                concluded(a, "2025-02-11T02:00:00Z"),
                new ServiceRatedEvent(a, 5, List.of("办事效率高"), null, at("2025-02-12T02:00:00Z"))));
        cases.put(b, List.of(
                submitted(b, OPENING, LISHI, Channel.ONLINE_PLATFORM, "2025-03-03T02:00:00Z"),
                new MaterialsRecordedEvent(b, List.of("公司章程"),
                        List.of(new WaivedMaterial("住所使用证明", WaiverBasis.DATA_SHARING),
                                new WaivedMaterial("法定代表人身份证", WaiverBasis.E_LICENCE)),
                        at("2025-03-03T02:05:00Z")),
                accepted(b, "2025-03-03T03:00:00Z", LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 3)),
                concluded(b, "2025-03-04T03:00:00Z"),
                new ComplaintLodgedEvent(b, "B-1", "电子执照下载失败", at("2025-03-05T02:00:00Z")),
                new ComplaintResolvedEvent(b, "B-1", countyUnit, "已协助下载", at("2025-03-07T02:00:00Z")),
                new ServiceRatedEvent(b, 4, List.of(), null, at("2025-03-07T03:00:00Z"))));
        cases.put(c, List.of(
                submitted(c, BIRTH, LISHI, Channel.WINDOW, "2025-03-04T01:00:00Z"),
                visit(c, 1, LISHI, VisitPurpose.SUBMISSION, "2025-03-04T01:00:00Z"),
                visit(c, 2, LISHI, VisitPurpose.SUPPLEMENT, "2025-03-05T01:00:00Z"),
                accepted(c, "2025-03-05T02:00:00Z", LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 11)),
                concluded(c, "2025-03-07T02:00:00Z"),
                visit(c, 3, LISHI, VisitPurpose.COLLECTION, "2025-03-08T01:00:00Z"),
                new ComplaintLodgedEvent(c, "C-1", "需要跑三次", at("2025-03-10T00:00:00Z")),
                new ComplaintResolvedEvent(c, "C-1", countyUnit, "已致歉", at("2025-03-11T00:00:00Z")),
                new ComplaintLodgedEvent(c, "C-2", "证件邮寄未到", at("2025-03-12T00:00:00Z")),
                new ServiceRatedEvent(c, 2, List.of("跑动次数多"), "希望改进", at("2025-03-12T01:00:00Z"))));
        cases.put(d, List.of(
                submitted(d, BIRTH, WENSHUI, Channel.SELF_SERVICE_TERMINAL, "2025-03-05T01:00:00Z"),
                new MaterialsRecordedEvent(d, List.of("出生医学证明", "父母身份证", "结婚证"), List.of(),
                        at("2025-03-05T01:05:00Z")),
                accepted(d, "2025-03-10T01:00:00Z", LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 13))));
        cases.put(e, List.of(
                submitted(e, OPENING, WENSHUI, Channel.HOTLINE_12345, "2025-01-20T01:00:00Z"),
                accepted(e, "2025-01-20T02:00:00Z", LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 24)),
                new BundleCaseBecameOverdueEvent(e, LocalDate.of(2025, 1, 27), at("2025-01-27T16:00:00Z"))));
        cases.put(f, List.of(
                submitted(f, OPENING, WENSHUI, Channel.WINDOW, "2025-02-20T01:00:00Z"),
                visit(f, 1, WENSHUI, VisitPurpose.SUBMISSION, "2025-02-20T01:00:00Z"),
                new BundleCaseTransferredEvent(f, WENSHUI, WENSHUI + "-HALL", LISHI, LISHI + "-HALL",
                        TransferMode.CITY_WIDE, "申请人在离石办理", at("2025-02-21T01:00:00Z")),
                new BundleCaseWithdrawnEvent(f, "暂缓开办", at("2025-02-24T01:00:00Z"))));
        cases.put(g, List.of(
                submitted(g, OPENING, LISHI, Channel.WINDOW, "2024-12-31T17:00:00Z"),
                visit(g, 1, LISHI, VisitPurpose.SUBMISSION, "2024-12-31T17:00:00Z"),
                new BundleCaseAcceptanceRefusedEvent(g, countyUnit, "经营范围涉及前置审批", at("2025-01-02T02:00:00Z"))));
        cases.put(h, List.of(
                submitted(h, BIRTH, WENSHUI, Channel.WINDOW, "2024-12-28T02:00:00Z"),
                visit(h, 1, WENSHUI, VisitPurpose.SUBMISSION, "2024-12-28T02:00:00Z"),
                new BundleCaseTransferredEvent(h, WENSHUI, WENSHUI + "-HALL", LISHI, LISHI + "-HALL",
                        TransferMode.CROSS_CITY, "申请人户籍在外市", at("2024-12-31T16:30:00Z"))));
        return cases;
    }

    /** Hands every case's events to a bundle-case projection, as its processor would. */
    public void feed(Object bundleCaseProjection) {
        feed(bundleCaseProjection, TransactionOperations.withoutTransaction());
    }

    /** Hands every case's events to a bundle-case projection, each case's in a transaction of {@code eachCase}. */
    public void feed(Object bundleCaseProjection, TransactionOperations eachCase) {
        Feed feed = Feed.into(bundleCaseProjection);
        cases().forEach((caseId, events) -> eachCase.executeWithoutResult(status -> {
            for (int sequence = 0; sequence < events.size(); sequence++) {
                BundleCaseEvent event = events.get(sequence);
                feed.domainEvent(AGGREGATE_TYPE, caseId, sequence, event, recordedAt(event));
            }
        }));
    }

    /** Appends every case's events to the event store, as the command side would; the processors project them. */
    public void store(EventStore eventStore) {
        cases().forEach((caseId, events) -> {
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (int sequence = 0; sequence < events.size(); sequence++) {
                BundleCaseEvent event = events.get(sequence);
                messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, caseId, sequence, event, Map.of(),
                        UUID.randomUUID().toString(), recordedAt(event)));
            }
            eventStore.publish(messages);
        });
    }

    /** The sequence of each case's last event, to wait for. */
    public Map<String, Long> lastSequences() {
        Map<String, Long> last = new LinkedHashMap<>();
        cases().forEach((caseId, events) -> last.put(caseId, (long) events.size() - 1));
        return last;
    }

    private BundleCaseSubmittedEvent submitted(String caseId, String bundle, String division, Channel channel,
                                               String at) {
        List<String> names = bundle.equals(OPENING) ? OPENING_ITEMS : BIRTH_ITEMS;
        List<CaseItem> items = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            items.add(new CaseItem(i + 1, names.get(i), "CITY_APPROVAL"));
        }
        boolean window = channel == Channel.WINDOW;
        return new BundleCaseSubmittedEvent(caseId, bundle, CatalogTestData.CASE_CATALOG_VERSION, leadUnit, items,
                new Applicant(ApplicantKind.PERSON, "测试申请人", "141102199001011234", "13800000000"),
                division, window ? division + "-HALL" : null, channel, null, at(at));
    }

    private static VisitRecordedEvent visit(String caseId, int number, String division, VisitPurpose purpose,
                                            String at) {
        return new VisitRecordedEvent(caseId, number, division + "-HALL", null, purpose, at(at));
    }

    private BundleCaseAcceptedEvent accepted(String caseId, String at, LocalDate due, LocalDate atRiskFrom) {
        return new BundleCaseAcceptedEvent(caseId, countyUnit, 5, due, atRiskFrom, at(at));
    }

    private BundleCaseConcludedEvent concluded(String caseId, String at) {
        return new BundleCaseConcludedEvent(caseId, countyUnit, CaseOutcome.APPROVED, 3, 0, at(at));
    }

    private static String caseId(String letter) {
        return "dash-" + letter + "-" + UUID.randomUUID();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant recordedAt(BundleCaseEvent event) {
        return event.businessTime().plusSeconds(1);
    }
}
