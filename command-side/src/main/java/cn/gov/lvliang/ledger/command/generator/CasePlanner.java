package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.bundle.BundleCaseAggregate;
import cn.gov.lvliang.ledger.command.calendar.CalendarNotCoveredException;
import cn.gov.lvliang.ledger.command.calendar.OfficeHours;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.demo.Weights;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.bundle.AcceptBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApproveItemCommand;
import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ConcludeBundleCaseCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliverResultCommand;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.DispatchItemCommand;
import cn.gov.lvliang.ledger.events.bundle.FollowUpComplaintCommand;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans the commands of one generated bundle case: what a clerk, the units and the applicant would have sent, step by
 * step, each with its business time. Case {@code n} of a seed always gets the same plan; cases are spread over the
 * business days in order of their number, so the store grows the way a ledger in use does. Steps happen in office
 * hours of working days ({@link OfficeHours}, as in the demo data); units decide their items mostly within the
 * promised limit, some late. A step that would fall after the cut-off (the end of {@code until}, or now) is not
 * planned: the case is left where it stands, open, as the most recent cases of a real ledger are.
 *
 * <p>The planner only proposes; the bundle-case aggregate decides every command and records its events
 * ({@link OfflineAggregate}), so the plans need not and do not repeat any of its rules.
 */
final class CasePlanner {

    /** How a case goes; weights in per mille. Most cases end; a few stall with items left undecided. */
    enum Scenario {
        APPROVED(610), PARTLY_APPROVED(70), NOT_APPROVED(10), REFUSED(60), SUPPLEMENT_THEN_APPROVED(90),
        WITHDRAWN(40), TRANSFERRED_THEN_APPROVED(40), CONCLUDED_LATE(70), STALLED(10);

        private final int weight;

        Scenario(int weight) {
            this.weight = weight;
        }

        static Scenario pick(Random random) {
            return Weights.pick(random, values(), scenario -> scenario.weight);
        }
    }

    /** One planned command: its client request id, the command, and when it happened. */
    record Step(String requestId, Object command, Instant businessTime, boolean creation) {
    }

    /** The commands of case {@code number}, in order of business time. */
    record CasePlan(long number, String caseId, Scenario scenario, List<Step> steps) {
    }

    private static final String[] RATING_REASONS = {"一次办好", "材料精简", "服务热情", "等候时间短", "流程清楚"};
    private static final String[] COMPLAINTS = {"办理时间超过承诺时限", "窗口要求重复提交已共享的材料", "线上平台无法上传附件",
            "不同窗口答复不一致"};
    private static final String[] REFUSALS = {"材料不属于本事项受理范围", "申请人不符合办理条件", "已在其他渠道办理"};
    private static final String[] REJECTIONS = {"不符合办理条件", "材料与实际不符", "需补办前置审批"};
    private static final String[] WITHDRAWALS = {"申请人不再需要办理", "申请人改为线下分别办理"};
    private static final String[] SUPPLEMENTS = {"户口簿", "身份证复印件", "房屋租赁合同", "营业场所证明"};

    private final long seed;
    private final long cases;
    private final LocalDate from;
    private final LocalDate until;
    private final Instant cutoff;
    private final String requestPrefix;
    private final String namespace;
    private final ApplicantPool applicants;
    private final BundleCatalog catalog;
    private final BundleCaseAggregate bundleCases;
    private final ReferenceData reference;
    private final UnitDirectory units;
    private final WorkingCalendar calendar;
    private final Map<String, ServiceHall> hallOfDivision;
    private final Map<String, String> actingUnits = new HashMap<>();

    /**
     * @param namespace names the generated ids: case ids and request ids derive from it, the seed and the case number
     * @param cutoff    no step is planned after this moment
     */
    CasePlanner(String namespace, long seed, long cases, LocalDate from, LocalDate until, Instant cutoff,
                ApplicantPool applicants, BundleCatalog catalog, BundleCaseAggregate bundleCases,
                ReferenceData reference, UnitDirectory units, WorkingCalendar calendar) {
        this.namespace = namespace;
        this.seed = seed;
        this.cases = cases;
        this.from = from;
        this.until = until;
        this.cutoff = cutoff;
        this.requestPrefix = namespace + "-" + seed + "-";
        this.applicants = applicants;
        this.catalog = catalog;
        this.bundleCases = bundleCases;
        this.reference = reference;
        this.units = units;
        this.calendar = calendar;
        this.hallOfDivision = reference.halls().stream().filter(hall -> hall.division() != null)
                .collect(Collectors.toMap(ServiceHall::division, Function.identity(), (first, second) -> first));
    }

    /** The id case {@code n} gets. */
    String caseId(long n) {
        return UUID.nameUUIDFromBytes((namespace + "-case-" + seed + "-" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The plan of case {@code n}. */
    CasePlan plan(long n) {
        Random random = new Random(seed * 1_000_003L + n);
        Script script = new Script(n, random);
        try {
            script.run();
        } catch (PastCutoff | CalendarNotCoveredException e) {
            // The rest of the case lies beyond the cut-off (or beyond the calendar's notices): it stays open here.
        }
        return new CasePlan(n, script.caseId, script.scenario, List.copyOf(script.steps));
    }

    /** Thrown when the next step would happen after the cut-off. */
    private static final class PastCutoff extends RuntimeException {

        PastCutoff() {
            super(null, null, false, false);
        }
    }

    /** One case's history, built step by step. */
    private final class Script {

        private final long n;
        private final Random random;
        private final String caseId;
        private final List<Step> steps = new ArrayList<>();
        private Scenario scenario;
        private CatalogBundle bundle;
        private Division division;
        private String hallCode;
        private Instant time;
        private int step;

        Script(long n, Random random) {
            this.n = n;
            this.random = random;
            this.caseId = caseId(n);
        }

        void run() {
            LocalDate day = submissionDay();
            bundle = pickBundle(day);
            division = reference.divisions().get(random.nextInt(reference.divisions().size()));
            scenario = Scenario.pick(random);
            time = officeMoment(day);
            if (time.isAfter(cutoff)) {
                // Later in the office day than the cut-off: submitted on the working day before instead.
                LocalDate before = day.minusDays(1);
                while (!calendar.isWorkingDay(before)) {
                    before = before.minusDays(1);
                }
                time = officeMoment(before);
            }
            submit();
            if (scenario == Scenario.REFUSED) {
                add(new RefuseBundleCaseCommand(caseId, lead(), pick(REFUSALS), afterWorkingHours(0.5, 8)));
                rateMaybe(0.5);
                complainMaybe(0.3);
                return;
            }
            if (scenario == Scenario.SUPPLEMENT_THEN_APPROVED) {
                add(new RequestSupplementCommand(caseId, lead(), List.of(pick(SUPPLEMENTS)), "材料不完整",
                        afterMinutes(30, 240)));
                time = officeMoment(calendar.addWorkingDays(calendar.dateOf(time), 1 + random.nextInt(4)));
                if (hallCode != null) {
                    add(new RecordVisitCommand(caseId, hallCode, null, VisitPurpose.SUPPLEMENT, time));
                }
                add(new SupplySupplementCommand(caseId, List.of("补正材料"), afterMinutes(5, 30)));
            }
            add(new AcceptBundleCaseCommand(caseId, lead(), random.nextInt(10) < 7 ? afterMinutes(15, 180)
                    : afterWorkingHours(8, 12)));
            if (random.nextInt(100) < 15) {
                add(new RecordAssistanceCommand(caseId, division.code() + "-BB-" + (10 + random.nextInt(40)),
                        division.code().equals("1411KF") ? AssistanceKind.FULL_PROXY
                                : random.nextBoolean() ? AssistanceKind.ASSISTED : AssistanceKind.PROXY,
                        List.of("填写申请表", "材料预审"), afterMinutes(5, 30)));
            }
            if (scenario == Scenario.TRANSFERRED_THEN_APPROVED) {
                transfer();
            }
            if (scenario == Scenario.WITHDRAWN) {
                add(new WithdrawBundleCaseCommand(caseId, pick(WITHDRAWALS), afterWorkingHours(1, 16)));
                complainMaybe(0.2);
                return;
            }
            decideItems();
            if (scenario == Scenario.STALLED) {
                // Dispatched and never decided: the case and its items become overdue when their deadlines fire.
                return;
            }
            add(new ConcludeBundleCaseCommand(caseId, lead(), afterWorkingHours(0.3, 3)));
            DeliveryMethod method = hallCode == null ? DeliveryMethod.ELECTRONIC
                    : pick(DeliveryMethod.AT_WINDOW, DeliveryMethod.POSTAL, DeliveryMethod.ELECTRONIC);
            Instant delivered = afterWorkingHours(0.2, 16);
            if (method == DeliveryMethod.AT_WINDOW) {
                // The applicant comes to the window, and the result is handed over a few minutes later.
                addAt(new RecordVisitCommand(caseId, hallCode, null, VisitPurpose.COLLECTION, delivered), delivered);
                delivered = afterMinutes(3, 3);
            }
            add(new DeliverResultCommand(caseId, method, delivered));
            complainMaybe(scenario == Scenario.CONCLUDED_LATE ? 0.5 : 0.04);
            rateMaybe(0.65);
        }

        /** Case {@code n} of {@code cases} falls at its share of the business days, give or take a day. */
        private LocalDate submissionDay() {
            long span = ChronoUnit.DAYS.between(from, until) + 1;
            LocalDate day = from.plusDays(Math.min(span - 1, (long) ((n + random.nextDouble()) * span / cases)));
            LocalDate working = day;
            while (!calendar.isWorkingDay(working)) {
                working = working.plusDays(1);
            }
            if (working.isAfter(until)) {
                working = day;
                while (!calendar.isWorkingDay(working)) {
                    working = working.minusDays(1);
                }
            }
            return working;
        }

        /**
         * A bundle of the catalog in force that day (the 2025 list from 2025 on), the everyday bundles more often than
         * the long cross-unit checks: weighted by one over the number of items.
         */
        private CatalogBundle pickBundle(LocalDate day) {
            List<CatalogBundle> inForce = catalog.bundles().stream()
                    .filter(candidate -> candidate.year() <= Math.max(2024, day.getYear()))
                    .toList();
            double total = inForce.stream().mapToDouble(candidate -> 1.0 / candidate.items().size()).sum();
            double roll = random.nextDouble() * total;
            for (CatalogBundle candidate : inForce) {
                roll -= 1.0 / candidate.items().size();
                if (roll < 0) {
                    return candidate;
                }
            }
            return inForce.get(inForce.size() - 1);
        }

        private void submit() {
            Channel channel = pickChannel();
            String windowCode = null;
            if (channel == Channel.WINDOW || channel == Channel.LVLIANG_CODE && random.nextBoolean()) {
                ServiceHall hall = hallOfDivision.get(division.code());
                hallCode = hall.code();
                WindowKind kind = random.nextInt(3) == 0 ? WindowKind.COMPREHENSIVE : WindowKind.ONE_THING;
                windowCode = hall.windows().stream().filter(window -> window.kind() == kind)
                        .map(ServiceWindow::code).findFirst().orElse(hall.windows().get(0).code());
            }
            Applicant applicant = bundle.subject() == BundleSubject.ENTERPRISE ? applicants.enterprise(random)
                    : applicants.person(random);
            steps.add(new Step(requestId(), new SubmitBundleCaseCommand(caseId, bundle.code(), catalog.version(),
                    applicant, division.code(), hallCode, channel, windowCode, time), time, true));
            List<WaivedMaterial> waived = List.of(
                    new WaivedMaterial("营业执照", WaiverBasis.E_LICENCE),
                    new WaivedMaterial("户籍信息", WaiverBasis.DATA_SHARING),
                    new WaivedMaterial("身份证明", WaiverBasis.LVLIANG_CODE)).subList(0, random.nextInt(3));
            add(new RecordMaterialsCommand(caseId, List.of("申请表", "承诺书").subList(0, 1 + random.nextInt(2)),
                    waived, afterMinutes(3, 20)));
        }

        private void transfer() {
            Division other = reference.divisions().get(random.nextInt(reference.divisions().size()));
            ServiceHall otherHall = hallOfDivision.get(other.code());
            if (other.code().equals(division.code()) || otherHall.code().equals(hallCode)) {
                return;
            }
            add(new TransferBundleCaseCommand(caseId, other.code(), otherHall.code(),
                    random.nextInt(4) == 0 ? TransferMode.CROSS_CITY : TransferMode.CITY_WIDE, "申请人就近办理",
                    afterMinutes(10, 60)));
            division = other;
            hallCode = otherHall.code();
        }

        /**
         * Dispatches every item, then each unit decides its own in its own time: within the item's limit as a rule,
         * late now and then, and late for good in a case that is concluded late.
         */
        private void decideItems() {
            List<CatalogItem> items = bundle.items();
            int rejected = switch (scenario) {
                case PARTLY_APPROVED -> 1 + random.nextInt(items.size());
                case NOT_APPROVED -> -1;
                default -> 0;
            };
            List<Step> decisions = new ArrayList<>();
            Instant dispatched = afterMinutes(5, 60);
            int limit = bundleCases.itemLimit(bundle.code());
            for (CatalogItem item : items) {
                dispatched = OfficeHours.afterOfficeMinutes(dispatched, 1 + random.nextInt(5), calendar);
                add(new DispatchItemCommand(caseId, lead(), item.seq(), dispatched));
                if (scenario == Scenario.STALLED) {
                    continue;
                }
                boolean late = scenario == Scenario.CONCLUDED_LATE ? random.nextInt(3) > 0 : random.nextInt(100) < 2;
                // Within 5–80% of the item's limit in office time, or late: 1.2–4 times the limit.
                double share = late ? 1.2 + 2.8 * random.nextDouble() : 0.05 + 0.75 * random.nextDouble();
                Instant decided = OfficeHours.afterOfficeMinutes(dispatched,
                        Math.round(limit * OfficeHours.MINUTES_A_DAY * share), calendar);
                String unit = actingUnit(item.unit(), division.code());
                Object decision = rejected == -1 || item.seq() == rejected
                        ? new RejectItemCommand(caseId, unit, item.seq(), pick(REJECTIONS), decided)
                        : new ApproveItemCommand(caseId, unit, item.seq(), "LL" + bundle.code().replace("-", "")
                        + "-" + n + "-" + item.seq(), decided);
                decisions.add(new Step(null, decision, decided, false));
            }
            time = dispatched;
            decisions.sort(Comparator.comparing(Step::businessTime));
            for (Step decision : decisions) {
                time = decision.businessTime();
                addAt(decision.command(), time);
            }
        }

        private void complainMaybe(double probability) {
            if (random.nextDouble() >= probability) {
                return;
            }
            String complaintId = UUID.nameUUIDFromBytes((caseId + "-complaint").getBytes(StandardCharsets.UTF_8))
                    .toString();
            add(new LodgeComplaintCommand(caseId, complaintId, pick(COMPLAINTS), afterWorkingHours(1, 40)));
            if (random.nextInt(10) < 3) {
                add(new FollowUpComplaintCommand(caseId, complaintId, lead(), "已转责任单位核实",
                        afterWorkingHours(2, 16)));
            }
            if (random.nextInt(3) > 0) {
                add(new ResolveComplaintCommand(caseId, complaintId, lead(), "已核实并答复申请人",
                        afterWorkingHours(4, 40)));
            }
        }

        private void rateMaybe(double probability) {
            if (random.nextDouble() < probability) {
                int score = new int[] {5, 5, 5, 5, 4, 4, 3, 2, 1}[random.nextInt(9)];
                add(new RateServiceCommand(caseId, score, score >= 4 ? List.of(pick(RATING_REASONS)) : List.of(),
                        null, afterWorkingHours(0.05, 24)));
            }
        }

        private String lead() {
            return actingUnit(bundle.leadUnit(), division.code());
        }

        private Channel pickChannel() {
            int roll = random.nextInt(100);
            return roll < 45 ? Channel.WINDOW : roll < 75 ? Channel.ONLINE_PLATFORM : roll < 85 ? Channel.LVLIANG_CODE
                    : roll < 95 ? Channel.SELF_SERVICE_TERMINAL : Channel.HOTLINE_12345;
        }

        /** Adds a command that carries the current business time, unless that lies beyond the cut-off. */
        private void add(Object command) {
            addAt(command, time);
        }

        /** Adds a command that carries business time {@code at}, unless that lies beyond the cut-off. */
        private void addAt(Object command, Instant at) {
            if (at.isAfter(cutoff)) {
                throw new PastCutoff();
            }
            steps.add(new Step(requestId(), command, at, false));
        }

        /** A few minutes of office hours later. */
        private Instant afterMinutes(int min, int max) {
            time = OfficeHours.afterOfficeMinutes(time, min + random.nextInt(max - min + 1), calendar);
            return time;
        }

        /** Some office hours later. */
        private Instant afterWorkingHours(double min, double max) {
            time = OfficeHours.afterOfficeMinutes(time, Math.round(60 * (min + random.nextDouble() * (max - min))),
                    calendar);
            return time;
        }

        /** A moment in office hours on {@code date}, or the first working day after it. */
        private Instant officeMoment(LocalDate date) {
            return OfficeHours.someMomentOn(date, calendar, random);
        }

        private String requestId() {
            return requestPrefix + n + "-" + step++;
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[random.nextInt(values.length)];
        }
    }

    /** The unit that acts in a division for the unit the catalog prints as {@code printedName}. */
    private String actingUnit(String printedName, String divisionCode) {
        return actingUnits.computeIfAbsent(printedName + "@" + divisionCode, key -> units.actingUnitIn(
                units.codeOfPrintedName(printedName).orElseThrow(), divisionCode));
    }
}
