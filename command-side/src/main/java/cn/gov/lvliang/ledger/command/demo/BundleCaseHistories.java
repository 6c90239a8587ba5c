package cn.gov.lvliang.ledger.command.demo;

import cn.gov.lvliang.ledger.command.calendar.OfficeHours;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.bundle.AcceptBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.ApproveItemCommand;
import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ConcludeBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliverResultCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.DispatchItemCommand;
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
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.events.bundle.WithdrawBundleCaseCommand;
import cn.gov.lvliang.ledger.events.catalog.BundleSubject;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import cn.gov.lvliang.ledger.events.catalog.CatalogItem;
import cn.gov.lvliang.ledger.events.reference.Division;
import cn.gov.lvliang.ledger.events.reference.ServiceHall;
import cn.gov.lvliang.ledger.events.reference.ServiceWindow;
import cn.gov.lvliang.ledger.events.reference.WindowKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Drives realistic bundle-case histories through the command side, back-dated across 2024–2025, with a mix of
 * outcomes: refusals, supplements, rejected items, overdue cases, complaints, ratings, withdrawals and transfers.
 * Everything is derived from one seed, and every command carries a request id derived from it too, so a second run
 * over the same database changes nothing.
 */
class BundleCaseHistories {

    /** How a generated case ends; weights in per mille. */
    enum Scenario {
        APPROVED(560), PARTLY_APPROVED(80), REFUSED(60), SUPPLEMENT_THEN_APPROVED(90), WITHDRAWN(50),
        TRANSFERRED_THEN_APPROVED(40), CONCLUDED_LATE(40), LEFT_OPEN_OVERDUE(50), DISPATCH_OVERDUE(30);

        private final int weight;

        Scenario(int weight) {
            this.weight = weight;
        }

        static Scenario pick(Random random) {
            return Weights.pick(random, values(), scenario -> scenario.weight);
        }
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "高", "任"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "丽娟", "晓东", "春梅", "国平", "文斌", "秀英", "子涵"};
    private static final String[] FIRMS = {"晋商", "汾河", "吕梁山", "黄河", "离石", "昌盛", "鑫源", "华泰", "中阳", "兴达"};
    private static final String[] TRADES = {"商贸", "物流", "餐饮", "建材", "农业科技", "文化传媒", "新能源", "食品"};
    private static final String[] RATING_REASONS = {"一次办好", "材料精简", "服务热情", "等候时间短", "流程清楚"};
    private static final String[] COMPLAINTS = {"办理时间超过承诺时限", "窗口要求重复提交已共享的材料",
            "线上平台无法上传附件", "不同窗口答复不一致"};

    private final IdempotentCommandGateway commands;
    private final BundleCatalog catalog;
    private final ReferenceData reference;
    private final UnitDirectory units;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final long seed;

    BundleCaseHistories(IdempotentCommandGateway commands, BundleCatalog catalog, ReferenceData reference,
                        UnitDirectory units, WorkingCalendar calendar, Clock clock, long seed) {
        this.commands = commands;
        this.catalog = catalog;
        this.reference = reference;
        this.units = units;
        this.calendar = calendar;
        this.clock = clock;
        this.seed = seed;
    }

    /** Generates case {@code n}: every bundle and every division come round in turn. */
    void generate(int n) {
        Random random = new Random(seed * 1_000_003L + n);
        List<CatalogBundle> bundles = catalog.bundles();
        List<Division> divisions = reference.divisions();
        CatalogBundle bundle = bundles.get(n % bundles.size());
        Division division = divisions.get((n / bundles.size() + n) % divisions.size());
        new CaseScript(n, random, bundle, division, Scenario.pick(random)).run();
    }

    /** Generates a case submitted in the last working days before now: open, some of them at risk. */
    void generateRecent(int n) {
        Random random = new Random(seed * 7_000_003L + n);
        List<CatalogBundle> bundles = catalog.bundles();
        List<Division> divisions = reference.divisions();
        CaseScript script = new CaseScript(100_000 + n, random, bundles.get(random.nextInt(bundles.size())),
                divisions.get(random.nextInt(divisions.size())), null);
        script.runRecent(n % 4);
    }

    /** One case's history, step by step, each step later in business time than the one before. */
    private final class CaseScript {

        private final int n;
        private final Random random;
        private final CatalogBundle bundle;
        private final Division division;
        private final Scenario scenario;
        private final String caseId;
        private String hallCode;
        private Instant time;
        private int step;

        CaseScript(int n, Random random, CatalogBundle bundle, Division division, Scenario scenario) {
            this.n = n;
            this.random = random;
            this.bundle = bundle;
            this.division = division;
            this.scenario = scenario;
            this.caseId = UUID.nameUUIDFromBytes(("demo-case-" + seed + "-" + n).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }

        void run() {
            LocalDate from = bundle.year() == 2024 ? LocalDate.of(2024, 8, 7) : LocalDate.of(2025, 1, 2);
            LocalDate to = LocalDate.of(2025, 12, 19);
            time = workingMoment(from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()))));
            submit();
            if (scenario == Scenario.REFUSED) {
                send(new RefuseBundleCaseCommand(caseId, lead(), pick("材料不属于本事项受理范围",
                        "申请人不符合办理条件", "已在其他渠道办理"), later(2)));
                rateMaybe(0.5);
                complainMaybe(0.3);
                return;
            }
            if (scenario == Scenario.SUPPLEMENT_THEN_APPROVED) {
                send(new RequestSupplementCommand(caseId, lead(), List.of(pick("户口簿", "身份证复印件", "房屋租赁合同")),
                        "材料不完整", later(1)));
                Instant requested = time;
                time = workingMoment(calendar.addWorkingDays(calendar.dateOf(requested), 1 + random.nextInt(4)));
                if (hallCode != null) {
                    send(new RecordVisitCommand(caseId, hallCode, null, VisitPurpose.SUPPLEMENT, time));
                }
                send(new SupplySupplementCommand(caseId, List.of("补正材料"), later(1)));
            }
            send(new AcceptBundleCaseCommand(caseId, lead(), later(2)));
            if (random.nextDouble() < 0.2) {
                send(new RecordAssistanceCommand(caseId, division.code() + "-BB-" + (10 + random.nextInt(40)),
                        division.code().equals("1411KF") ? AssistanceKind.FULL_PROXY
                                : random.nextBoolean() ? AssistanceKind.ASSISTED : AssistanceKind.PROXY,
                        List.of("填写申请表", "材料预审"), later(1)));
            }
            if (scenario == Scenario.TRANSFERRED_THEN_APPROVED) {
                transfer();
            }
            if (scenario == Scenario.WITHDRAWN) {
                send(new WithdrawBundleCaseCommand(caseId, pick("申请人不再需要办理", "申请人改为线下分别办理"), later(3)));
                complainMaybe(0.2);
                return;
            }
            if (scenario == Scenario.LEFT_OPEN_OVERDUE) {
                // Accepted and never concluded: its deadline records the case overdue.
                return;
            }
            decideItems();
            if (scenario == Scenario.DISPATCH_OVERDUE) {
                return;
            }
            if (scenario == Scenario.CONCLUDED_LATE) {
                time = workingMoment(calendar.addWorkingDays(calendar.dateOf(time), 12 + random.nextInt(10)));
            }
            send(new ConcludeBundleCaseCommand(caseId, lead(), later(2)));
            send(new DeliverResultCommand(caseId, hallCode == null ? DeliveryMethod.ELECTRONIC
                    : pick(DeliveryMethod.AT_WINDOW, DeliveryMethod.POSTAL, DeliveryMethod.ELECTRONIC), later(2)));
            complainMaybe(scenario == Scenario.CONCLUDED_LATE ? 0.5 : 0.04);
            rateMaybe(0.65);
        }

        void runRecent(int workingDaysAgo) {
            LocalDate today = calendar.dateOf(clock.instant());
            LocalDate day = today;
            for (int i = 0; i < workingDaysAgo + 1; i++) {
                day = day.minusDays(1);
                while (!calendar.isWorkingDay(day)) {
                    day = day.minusDays(1);
                }
            }
            time = workingMoment(day);
            submit();
            send(new AcceptBundleCaseCommand(caseId, lead(), later(1)));
            for (CatalogItem item : bundle.items().subList(0, Math.min(2, bundle.items().size()))) {
                send(new DispatchItemCommand(caseId, lead(), item.seq(), later(1)));
            }
        }

        private void submit() {
            Channel channel = pickChannel();
            ServiceHall hall = reference.halls().stream()
                    .filter(h -> division.code().equals(h.division())).findFirst().orElseThrow();
            String windowCode = null;
            if (channel == Channel.WINDOW || channel == Channel.LVLIANG_CODE && random.nextBoolean()) {
                hallCode = hall.code();
                windowCode = hall.windows().stream()
                        .filter(w -> w.kind() == (random.nextInt(3) == 0 ? WindowKind.COMPREHENSIVE : WindowKind.ONE_THING))
                        .map(ServiceWindow::code).findFirst().orElse(null);
                channel = Channel.WINDOW;
            }
            commands.create(requestId(), caseId, new SubmitBundleCaseCommand(caseId, bundle.code(), catalog.version(),
                    applicant(), division.code(), hallCode, channel, windowCode, time));
            int waived = random.nextInt(3);
            List<WaivedMaterial> waivedMaterials = List.of(
                    new WaivedMaterial("营业执照", WaiverBasis.E_LICENCE),
                    new WaivedMaterial("户籍信息", WaiverBasis.DATA_SHARING),
                    new WaivedMaterial("身份证明", WaiverBasis.LVLIANG_CODE)).subList(0, waived);
            send(new RecordMaterialsCommand(caseId, List.of("申请表", "承诺书").subList(0, 1 + random.nextInt(2)),
                    waivedMaterials, later(0)));
        }

        private void transfer() {
            Division other = reference.divisions().get(random.nextInt(reference.divisions().size()));
            if (other.code().equals(division.code())) {
                return;
            }
            ServiceHall otherHall = reference.halls().stream()
                    .filter(h -> other.code().equals(h.division())).findFirst().orElseThrow();
            send(new TransferBundleCaseCommand(caseId, other.code(), otherHall.code(),
                    random.nextInt(4) == 0 ? TransferMode.CROSS_CITY : TransferMode.CITY_WIDE, "申请人就近办理",
                    later(1)));
            hallCode = otherHall.code();
        }

        private void decideItems() {
            int reject = scenario == Scenario.PARTLY_APPROVED ? 1 + random.nextInt(bundle.items().size()) : -1;
            for (CatalogItem item : bundle.items()) {
                send(new DispatchItemCommand(caseId, lead(), item.seq(), later(1)));
            }
            if (scenario == Scenario.DISPATCH_OVERDUE) {
                return;
            }
            for (CatalogItem item : bundle.items()) {
                String unit = units.actingUnitIn(units.codeOfPrintedName(item.unit()).orElseThrow(), currentDivision());
                if (item.seq() == reject) {
                    send(new RejectItemCommand(caseId, unit, item.seq(), pick("不符合办理条件", "材料与实际不符"),
                            later(3)));
                } else {
                    send(new ApproveItemCommand(caseId, unit, item.seq(), "LL" + bundle.code().replace("-", "")
                            + String.format("%06d", n) + "-" + item.seq(), later(3)));
                }
            }
        }

        private void complainMaybe(double probability) {
            if (random.nextDouble() >= probability) {
                return;
            }
            String complaintId = UUID.nameUUIDFromBytes((caseId + "-complaint").getBytes(StandardCharsets.UTF_8))
                    .toString();
            send(new LodgeComplaintCommand(caseId, complaintId, pick(COMPLAINTS), later(4)));
            if (random.nextInt(3) > 0) {
                send(new ResolveComplaintCommand(caseId, complaintId, lead(), "已核实并答复申请人", later(3)));
            }
        }

        private void rateMaybe(double probability) {
            if (random.nextDouble() < probability) {
                int score = new int[] {5, 5, 5, 5, 4, 4, 3, 2, 1}[random.nextInt(9)];
                send(new RateServiceCommand(caseId, score, score >= 4 ? List.of(pick(RATING_REASONS)) : List.of(),
                        null, later(1)));
            }
        }

        private String lead() {
            return units.actingUnitIn(units.codeOfPrintedName(bundle.leadUnit()).orElseThrow(), currentDivision());
        }

        private String currentDivision() {
            return hallCode == null ? division.code()
                    : reference.hall(hallCode).map(ServiceHall::division).orElse(division.code());
        }

        private Applicant applicant() {
            if (bundle.subject() == BundleSubject.ENTERPRISE) {
                String name = "吕梁市" + pick(FIRMS) + pick(TRADES) + "有限公司";
                return new Applicant(ApplicantKind.ENTERPRISE, name, "91141100" + code(10, i -> (char) ('A' + i % 26)),
                        null);
            }
            String birth = String.format("%04d%02d%02d", 1950 + random.nextInt(55), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            return new Applicant(ApplicantKind.PERSON, pick(SURNAMES) + pick(GIVEN),
                    division.code().replace("KF", "00") + birth + code(4, i -> (char) ('0' + i % 10)),
                    "13" + code(9, i -> (char) ('0' + i % 10)));
        }

        private String code(int length, IntFunction<Character> alphabet) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < length; i++) {
                code.append(alphabet.apply(random.nextInt(260)));
            }
            return code.toString();
        }

        private Channel pickChannel() {
            int roll = random.nextInt(100);
            return roll < 45 ? Channel.WINDOW : roll < 75 ? Channel.ONLINE_PLATFORM : roll < 85 ? Channel.LVLIANG_CODE
                    : roll < 95 ? Channel.SELF_SERVICE_TERMINAL : Channel.HOTLINE_12345;
        }

        /** Business time a few office hours after the previous step, and not after now. */
        private Instant later(int hours) {
            time = OfficeHours.afterOfficeMinutes(time, 20 + random.nextInt(40) + 60L * hours, calendar);
            Instant now = clock.instant();
            if (time.isAfter(now)) {
                time = now;
            }
            return time;
        }

        /** A moment in office hours on the working day on or after {@code date}. */
        private Instant workingMoment(LocalDate date) {
            return OfficeHours.someMomentOn(date, calendar, random);
        }

        private void send(Object command) {
            commands.send(requestId(), caseId, command);
        }

        private String requestId() {
            return "demo-" + seed + "-" + n + "-" + step++;
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[random.nextInt(values.length)];
        }
    }
}
