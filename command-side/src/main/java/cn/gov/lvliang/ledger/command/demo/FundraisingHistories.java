package cn.gov.lvliang.ledger.command.demo;

import cn.gov.lvliang.ledger.command.calendar.OfficeHours;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.fundraising.AdoptDisposalPlanCommand;
import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.AssignClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CloseDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.CompleteMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.CompletePlanMilestoneCommand;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DetermineDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.EscalateDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.FollowUpMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.HandlePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.ImportLegacyCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MarkCaseCrossProvinceCommand;
import cn.gov.lvliang.ledger.events.fundraising.MarkClueDuplicateCommand;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.OpenDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.OrderMeasureCommand;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.PayRefundRoundCommand;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.events.fundraising.PlannedMilestone;
import cn.gov.lvliang.ledger.events.fundraising.ReceivePetitionCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordAssetRecoveryCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordClueVerificationCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordCriminalMilestoneCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordRiskClueCommand;
import cn.gov.lvliang.ledger.events.fundraising.RegisterParticipantsCommand;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.ResponsiblePerson;
import cn.gov.lvliang.ledger.events.fundraising.ReviseCaseScaleCommand;
import cn.gov.lvliang.ledger.events.fundraising.RewardClueReporterCommand;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.TransferCaseToPoliceCommand;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.events.reference.Division;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Drives the illegal-fundraising campaign of 吕政办发〔2024〕20号 through the command side, back-dated across its
 * calendar (2024-06 … 2025-12): risk clues in every county from all six sources, the disposal cases opened from the
 * clues verified as risks, and the plan's six legacy cases at different stages.
 *
 * <p>The whole campaign is planned first, as the commands of each clue and case with their business times, and only
 * then sent: clues before the cases that take them, each aggregate's commands in business-time order. Ids, request ids
 * and every value derive from the seed, and nothing in the plan depends on what the database holds, so a second run
 * plans the same commands under the same request ids and adds nothing. History ends at the end of the campaign, or now
 * if that is earlier: a step that would lie later is left out, with the rest of its story.
 */
class FundraisingHistories {

    private static final Logger log = LoggerFactory.getLogger(FundraisingHistories.class);

    private static final String LEGACY_FILE = "fundraising/legacy-cases-v1.json";
    private static final String CAMPAIGN_FILE = "fundraising/campaign-calendar-v1.json";

    /** The units of the campaign, as FundraisingRoles names them. */
    private static final String LEAD = "CITY_GOV_OFFICE";
    private static final String LEGACY_LEAD = "CITY_POLITICAL_LEGAL";
    private static final String POLICE = "CITY_POLICE";
    private static final String PROCURATORATE = "CITY_PROCURATORATE";
    private static final String COURT = "CITY_COURT";
    private static final String PETITIONS = "CITY_PETITIONS";
    private static final String MARKET_REGULATION = "CITY_MARKET_REGULATION";
    private static final String FINANCIAL_REGULATION = "CITY_FINANCIAL_REGULATION";
    private static final String PBOC = "CITY_PBOC";
    private static final String CYBERSPACE = "CITY_CYBERSPACE";

    /** Steps of the low-discrepancy sequences that spread sources, fates and key areas evenly over few clues. */
    private static final double SOURCE_STEP = Math.sqrt(2) - 1;
    private static final double FATE_STEP = (Math.sqrt(5) - 1) / 2;
    private static final double AREA_STEP = Math.sqrt(3) - 1;

    private static final ClueSource[] SOURCES = ClueSource.values();
    /** ONLINE_MONITORING, OFFLINE_SCREENING, PUBLIC_REPORT, ABNORMAL_FUND_FLOW, GRID_WORKER, PETITION. */
    private static final int[] SOURCE_WEIGHTS = {18, 24, 24, 10, 16, 8};
    /** Roughly the divisions' populations, so that Lishi, Linxian, Xiaoyi and Fenyang report most. */
    private static final Map<String, Integer> DIVISION_WEIGHTS = Map.ofEntries(
            Map.entry("141102", 14), Map.entry("141121", 9), Map.entry("141122", 6), Map.entry("141123", 6),
            Map.entry("141124", 12), Map.entry("141125", 8), Map.entry("141126", 3), Map.entry("141127", 4),
            Map.entry("141128", 3), Map.entry("141129", 4), Map.entry("141130", 3), Map.entry("141181", 12),
            Map.entry("141182", 11), Map.entry("1411KF", 3));
    private static final Set<KeyArea> FINANCIAL_AREAS = Set.of(KeyArea.THIRD_PARTY_WEALTH_MANAGEMENT,
            KeyArea.FAKE_PRIVATE_EQUITY, KeyArea.FAKE_EXCHANGE, KeyArea.ILLEGAL_FINANCIAL_INTERMEDIARY,
            KeyArea.WEALTH_MANAGEMENT, KeyArea.EQUITY_CROWDFUNDING);

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "郭", "高", "任", "薛", "贾", "冯",
            "韩", "马", "温", "白"};
    private static final String[] GIVEN = {"建国", "志强", "晓东", "国平", "文斌", "海军", "卫东", "红梅", "丽萍", "永刚",
            "俊峰", "慧敏"};
    private static final String[] FIRMS = {"鑫源", "恒泰", "聚丰", "汇通", "金诚", "盛达", "福瑞", "嘉禾", "宏远", "瑞丰",
            "天元", "晋鑫", "吕梁山", "汾河", "中兴源", "亿丰", "百川", "众诚", "泰和", "永盛", "金穗", "康宁", "颐和", "乐享",
            "长青", "润泽", "同德", "民安", "新锐", "德润"};
    private static final String[] NEIGHBOURING_PROVINCES = {"610000", "150000", "130000", "410000", "110000",
            "120000", "370000"};

    private static final List<String> CRIMINAL_PLAN = List.of("完成涉案资产查控", "完成集资参与人信息登记",
            "配合完成司法审计", "开展首轮资金清退", "完成案件审判执行");
    private static final int[] CRIMINAL_PLAN_DUE_DAYS = {45, 90, 150, 270, 400};
    private static final List<String> ADMINISTRATIVE_PLAN = List.of("约谈实际控制人，责令停止违法行为",
            "完成集资参与人登记核实", "督促完成资金清退", "完成整改验收");
    private static final int[] ADMINISTRATIVE_PLAN_DUE_DAYS = {15, 45, 120, 180};
    private static final List<String> LEGACY_PLAN = List.of("全面梳理案件卷宗和涉案资产", "完成集资参与人信息核实登记",
            "推进审查起诉和审判执行", "分批清退集资参与人资金", "化解信访矛盾，依法结案");
    private static final int[] LEGACY_PLAN_DUE_DAYS = {45, 120, 300, 420, 520};

    /**
     * Where each legacy case stands at its import and how far it gets by the end of 2025: three are judged, refunded and
     * closed, three are still on their way with open plan milestones, so the 100% target shows partial progress. The
     * figures are the demo's, not the cases' real ones.
     */
    private static final Map<String, LegacyCourse> LEGACY_COURSES = Map.of(
            "141125-1", new LegacyCourse(CriminalMilestone.INDICTED, CriminalMilestone.ENFORCEMENT, false, true,
                    28_600_000L, 186, List.of(), 2),
            "141125-2", new LegacyCourse(CriminalMilestone.PROSECUTION_REVIEW, CriminalMilestone.ENFORCEMENT, true,
                    true, 41_500_000L, 263, List.of("610000"), 2),
            "141102-1", new LegacyCourse(CriminalMilestone.FIRST_INSTANCE_JUDGMENT, CriminalMilestone.ENFORCEMENT,
                    false, true, 63_200_000L, 418, List.of(), 3),
            "141182-1", new LegacyCourse(CriminalMilestone.POLICE_FILED, CriminalMilestone.INDICTED, false, false,
                    118_000_000L, 652, List.of("150000"), 1),
            "141182-2", new LegacyCourse(CriminalMilestone.POLICE_FILED, CriminalMilestone.PROSECUTION_REVIEW, false,
                    false, 58_000_000L, 304, List.of(), 0),
            "141129-1", new LegacyCourse(CriminalMilestone.INDICTED, CriminalMilestone.FIRST_INSTANCE_JUDGMENT, false,
                    false, 15_600_000L, 121, List.of(), 1));

    private final IdempotentCommandGateway commands;
    private final ReferenceData reference;
    private final UnitDirectory units;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Figures figures;
    private final long seed;
    private final LegacyFile legacyFile;
    private final CampaignFile campaign;

    FundraisingHistories(IdempotentCommandGateway commands, ReferenceData reference, UnitDirectory units,
                         WorkingCalendar calendar, Clock clock, ObjectMapper objectMapper, Figures figures, long seed) {
        this.commands = commands;
        this.reference = reference;
        this.units = units;
        this.calendar = calendar;
        this.clock = clock;
        this.figures = figures;
        this.seed = seed;
        this.legacyFile = VersionedDataFile.read(objectMapper, LEGACY_FILE, LegacyFile.class).content();
        this.campaign = VersionedDataFile.read(objectMapper, CAMPAIGN_FILE, CampaignFile.class).content();
    }

    /**
     * Plans the campaign and sends it. A clue or case whose step is refused stops there, is logged and counted, and
     * the others go on.
     *
     * @param clueCount the risk clues to record
     * @param caseCount the disposal cases to open from them, at most; fewer when too few clues are verified as risks
     */
    Report generate(int clueCount, int caseCount) {
        Instant horizon = horizon();
        List<Clue> clues = new ArrayList<>();
        List<CaseStory> cases;
        List<CaseStory> legacyCases;
        try {
            for (int n = 0; n < clueCount; n++) {
                clues.add(planClue(n, clues, horizon));
            }
            cases = planCases(clues, caseCount, horizon);
            legacyCases = planLegacyCases(horizon);
        } catch (RuntimeException e) {
            // A bug in the plan, not a refusal: say so rather than let the background thread end in silence.
            log.error("Demo data: the fundraising campaign could not be planned", e);
            return new Report(0, 0, 0, List.of("plan: " + e));
        }

        List<String> failures = new ArrayList<>();
        List<Clue> recorded = clues.stream().filter(clue -> !clue.story.steps.isEmpty())
                .sorted(Comparator.comparing((Clue clue) -> clue.recordedAt).thenComparingInt(clue -> clue.n))
                .toList();
        for (int i = 0; i < recorded.size(); i++) {
            send("risk clue " + recorded.get(i).n, recorded.get(i).story, failures);
            if ((i + 1) % 100 == 0) {
                log.info("Demo data: {} of {} risk clues", i + 1, recorded.size());
            }
        }
        List<CaseStory> opened = cases.stream().filter(story -> story.opened)
                .sorted(Comparator.comparing((CaseStory story) -> story.openedAt).thenComparingInt(story -> story.k))
                .toList();
        opened.forEach(story -> send("disposal case " + story.k, story.story, failures));
        List<CaseStory> imported = legacyCases.stream().filter(story -> story.opened).toList();
        imported.forEach(story -> send("legacy case " + story.caseId, story.story, failures));
        return new Report(recorded.size(), opened.size(), imported.size(), List.copyOf(failures));
    }

    private void send(String what, Story story, List<String> failures) {
        try {
            for (Step step : story.steps) {
                if (step.creation()) {
                    commands.create(step.requestId(), step.aggregateId(), step.command());
                } else {
                    commands.send(step.requestId(), step.aggregateId(), step.command());
                }
            }
        } catch (CaseStateException e) {
            if ("legacy-case-imported-once".equals(e.rule())) {
                // Imported by someone else before the demo ran on this database: that history stands as it is.
                log.info("Demo data: {} was imported before, not by the demo; left as it is", what);
                return;
            }
            fail(what, e, failures);
        } catch (RuntimeException e) {
            fail(what, e, failures);
        }
    }

    private static void fail(String what, RuntimeException e, List<String> failures) {
        log.warn("Demo data: {} stopped: {}", what, e.getMessage());
        failures.add(what + ": " + e.getMessage());
    }

    /** The campaign's end, or now if that is earlier: history goes no further. */
    private Instant horizon() {
        Instant end = OfficeHours.closingOf(campaign.campaignTo());
        Instant now = clock.instant();
        return now.isBefore(end) ? now : end;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Risk clues

    /** Plans clue {@code n}: where it comes from, whom it is about, and how its verification ends. */
    private Clue planClue(int n, List<Clue> earlier, Instant horizon) {
        Random random = randomFor(1, n);
        List<Division> divisions = reference.divisions();
        Division chosen = n < divisions.size() ? divisions.get(n) : pickDivision(random);
        Instant recordedAt = moment(recordingDay(random), random);
        ClueSource source = pick(stratified(n, SOURCE_STEP), SOURCES, SOURCE_WEIGHTS);
        Fate planned = pick(stratified(n, FATE_STEP), Fate.values(), Fate.weights());
        // A new report on a subject already in the ledger: a repeat of it, or a clue that may join its case. A repeat
        // is of any earlier clue, and so lies in its division; the first clues keep theirs, so every division has one.
        Clue followed = planned == Fate.DUPLICATE || random.nextInt(100) < 12
                ? earlierClue(earlier, planned == Fate.DUPLICATE && n >= divisions.size() ? null : chosen, recordedAt,
                random) : null;
        Division division = followed != null ? followed.division : chosen;
        KeyArea area = followed != null ? followed.area
                : pick(stratified(n, AREA_STEP), KeyArea.values(), AreaProfile.weights());
        FundraisingSubject subject = followed != null ? followed.subject : subject(area, division, random);
        Long amountFen = estimatedAmountFen(source, random);
        Integer participants = estimatedParticipants(amountFen, area, random);
        Fate fate = planned == Fate.DUPLICATE && followed == null ? Fate.NO_RISK : planned;
        if (fate == Fate.NO_RISK && prosecutable(amountFen, participants) && random.nextInt(100) < 70) {
            fate = Fate.RISK_CONFIRMED; // a scheme of millions is seldom found harmless
        }

        String clueId = uuid("demo-fr-clue-" + seed + "-" + n);
        Story story = new Story(clueId, "demo-" + seed + "-fr-clue-" + n, random, horizon);
        Clue clue = new Clue(n, clueId, story, division, area, subject, recordedAt);
        String lead = countyUnit(LEAD, division);
        String recorder = recorder(source, division, random);
        Reporter reporter = reporter(source, recordedAt, random);
        String summary = summary(source, subject, area, random);
        story.at(recordedAt, at -> new RecordRiskClueCommand(clueId, recorder, source, division.code(), area, subject,
                summary, amountFen, participants, reporter, at));
        if (fate == Fate.NOT_ASSIGNED) {
            return clue;
        }
        String duplicateNote = followed == null ? null
                : "与" + calendar.dateOf(followed.recordedAt) + "登记的线索系同一主体、同一事项，并入该线索核查";
        if (fate == Fate.DUPLICATE && random.nextBoolean()) {
            // Seen at once, before anyone is sent to verify it.
            clue.duplicate = story.then(1, 3, at -> new MarkClueDuplicateCommand(clueId, followed.clueId, lead,
                    duplicateNote, at));
            return clue;
        }
        // A clue that a city unit reported is often assigned by the city's lead department itself.
        String assigning = recorder.startsWith("CITY_") && random.nextInt(100) < 60 ? LEAD : lead;
        String assigned = assignee(source, area, division, random);
        story.then(0, 3, at -> new AssignClueVerificationCommand(clueId, assigning, assigned, at));
        if (fate == Fate.DUPLICATE) {
            clue.duplicate = story.then(2, 8, at -> new MarkClueDuplicateCommand(clueId, followed.clueId, lead,
                    duplicateNote, at));
            return clue;
        }
        String verifier = assigned;
        if (fate != Fate.VERIFICATION_PENDING && random.nextInt(100) < 6) {
            // The first unit finds signs of a crime, or cannot verify it: the lead department hands the clue on.
            String handedTo = assigned.equals(countyUnit(POLICE, division)) ? lead : countyUnit(POLICE, division);
            story.then(3, 8, at -> new AssignClueVerificationCommand(clueId, lead, handedTo, at));
            verifier = handedTo;
        }
        if (fate == Fate.VERIFICATION_PENDING) {
            return clue; // never verified: its deadline records it overdue
        }
        int days = figures.verificationWorkingDays();
        boolean late = random.nextInt(100) < 15;
        int workingDays = late ? days + 2 + random.nextInt(15) : 2 + random.nextInt(Math.max(1, days - 3));
        VerificationOutcome outcome = fate.outcome;
        String notes = verificationNotes(outcome, random);
        String verifying = verifier;
        if (story.then(workingDays, workingDays, at -> new RecordClueVerificationCommand(clueId, verifying, outcome,
                notes, at))) {
            clue.outcome = outcome;
        }
        if (reporter != null && clue.awaitsCase() && random.nextInt(100) < 70) {
            long rewardFen = rewardFen(amountFen, random);
            story.then(5, 20, at -> new RewardClueReporterCommand(clueId, lead, rewardFen,
                    "经核查举报属实，按举报奖励办法给予奖励", at));
        }
        return clue;
    }

    /** A clue recorded at least a day before, in the division if one is given. */
    private static Clue earlierClue(List<Clue> earlier, Division division, Instant before, Random random) {
        Instant dayBefore = before.minus(Duration.ofDays(1));
        List<Clue> candidates = earlier.stream()
                .filter(clue -> division == null || clue.division.code().equals(division.code()))
                .filter(clue -> clue.recordedAt.isBefore(dayBefore))
                .toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private Division pickDivision(Random random) {
        List<Division> divisions = reference.divisions();
        int[] weights = divisions.stream().mapToInt(d -> DIVISION_WEIGHTS.getOrDefault(d.code(), 5)).toArray();
        return pick(random.nextDouble(), divisions.toArray(Division[]::new), weights);
    }

    /** A day of the campaign, most of them in the screening months of 2024. */
    private LocalDate recordingDay(Random random) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(campaign.campaignFrom()); !month.isAfter(YearMonth.from(
                campaign.campaignTo())); month = month.plusMonths(1)) {
            months.add(month);
        }
        int[] weights = months.stream().mapToInt(this::monthWeight).toArray();
        YearMonth month = pick(random.nextDouble(), months.toArray(YearMonth[]::new), weights);
        LocalDate first = month.atDay(1).isBefore(campaign.campaignFrom()) ? campaign.campaignFrom() : month.atDay(1);
        return first.plusDays(random.nextInt(month.lengthOfMonth() - first.getDayOfMonth() + 1));
    }

    private int monthWeight(YearMonth month) {
        LocalDate first = month.atDay(1);
        if (campaign.phase("RISK_SCREENING").covers(first)) {
            return 12; // 风险排查: the screening itself
        }
        if (campaign.phase("DEPLOYMENT").covers(first)) {
            return 3;
        }
        if (first.equals(campaign.phase("CONSOLIDATION").from())) {
            return 6; // June, also the national month of publicity against illegal fundraising
        }
        return month.getMonthValue() <= 2 ? 3 : 4; // the Spring Festival slows everything
    }

    private String recorder(ClueSource source, Division division, Random random) {
        String lead = countyUnit(LEAD, division);
        return switch (source) {
            case ONLINE_MONITORING -> random.nextInt(100) < 50 ? CYBERSPACE : random.nextInt(100) < 40 ? LEAD : lead;
            case OFFLINE_SCREENING -> random.nextBoolean() ? countyUnit(MARKET_REGULATION, division) : lead;
            case PUBLIC_REPORT -> random.nextInt(100) < 80 ? lead : LEAD;
            case ABNORMAL_FUND_FLOW -> random.nextInt(100) < 60 ? PBOC : FINANCIAL_REGULATION;
            case GRID_WORKER -> lead;
            case PETITION -> countyUnit(PETITIONS, division);
        };
    }

    /** Most clues are verified by the county's lead department itself, some by market regulation, police or NFRA. */
    private String assignee(ClueSource source, KeyArea area, Division division, Random random) {
        int roll = random.nextInt(100);
        if (roll < 62) {
            return countyUnit(LEAD, division);
        }
        if (roll < 77) {
            return countyUnit(MARKET_REGULATION, division);
        }
        if (roll < 90) {
            return countyUnit(POLICE, division);
        }
        return FINANCIAL_AREAS.contains(area) || source == ClueSource.ABNORMAL_FUND_FLOW ? FINANCIAL_REGULATION
                : countyUnit(MARKET_REGULATION, division);
    }

    private Reporter reporter(ClueSource source, Instant recordedAt, Random random) {
        LocalDate day = calendar.dateOf(recordedAt);
        if (source == ClueSource.PUBLIC_REPORT) {
            // The provincial reporting channel's reference; an anonymous reporter leaves only that.
            String handle = String.format("SXFJ-%d-%02d%02d-%04d", day.getYear(), day.getMonthValue(),
                    day.getDayOfMonth(), 1 + random.nextInt(9999));
            return random.nextInt(100) < 55 ? new Reporter(true, handle, null)
                    : new Reporter(false, handle, phone(random));
        }
        if (source == ClueSource.PETITION && random.nextBoolean()) {
            return new Reporter(false, String.format("LLXF-%d-%05d", day.getYear(), 1 + random.nextInt(99999)),
                    phone(random));
        }
        return null;
    }

    private static String summary(ClueSource source, FundraisingSubject subject, KeyArea area, Random random) {
        String opening = switch (source) {
            case ONLINE_MONITORING -> pick(random, "非法集资监测预警平台发现：", "网络巡查发现：");
            case OFFLINE_SCREENING -> pick(random, "线下风险排查发现：", "重点行业领域排查发现：");
            case PUBLIC_REPORT -> "群众通过山西省非法集资线索举报小程序举报：";
            case ABNORMAL_FUND_FLOW -> "银行机构报送异常资金交易线索：相关账户短期内频繁收到多名个人转入资金，";
            case GRID_WORKER -> "网格员入户走访发现：";
            case PETITION -> "群众来信来访反映：";
        };
        return opening + subject.name() + pick(random, AreaProfile.of(area).practices()) + "。";
    }

    private static String verificationNotes(VerificationOutcome outcome, Random random) {
        return switch (outcome) {
            case NO_RISK -> pick(random, "经实地核查，该主体系正常经营，未发现向社会公众吸收资金的行为",
                    "经核查，所反映资金往来系该主体正常经营收支，未发现承诺回报、向社会公众吸收资金的行为",
                    "经核查，相关宣传信息已删除，未发现实际吸收资金行为，已对负责人进行提醒教育");
            case RISK_CONFIRMED -> pick(random, "经核查，该主体向社会不特定对象宣传并承诺高额回报，已实际吸收资金，风险属实",
                    "经调取银行流水并走访参与群众，确认存在以高息为诱饵吸收公众资金的行为");
            case NEEDS_DETERMINATION -> pick(random, "该主体以会员费、预付款等名义收取资金，是否构成非法集资需进一步研判定性",
                    "资金往来复杂，涉及多个关联主体，需组织相关部门会商研判");
        };
    }

    private FundraisingSubject subject(KeyArea area, Division division, Random random) {
        AreaProfile profile = AreaProfile.of(area);
        String firm = pick(random, FIRMS);
        if (random.nextInt(100) < profile.personShare()) {
            // Named as the ledger names persons: never in full, never with a number.
            return new FundraisingSubject(SubjectKind.PERSON, pick(random, SURNAMES) + pick(random, "某", "某某"), null);
        }
        if (area == KeyArea.AGRICULTURE) {
            return new FundraisingSubject(SubjectKind.ORGANIZATION, division.name() + firm
                    + pick(random, "红枣种植", "核桃种植", "中药材种植", "肉牛养殖", "生猪养殖") + "专业合作社",
                    creditCode("93", division, random));
        }
        String name = area == KeyArea.STATE_LINK_FRONT
                ? pick(random, "中", "华夏", "中科") + firm + pick(random, "实业发展（山西）有限公司", "控股（吕梁）有限公司",
                        "产业投资（山西）有限公司")
                : pick(random, "山西", "吕梁", "吕梁市", division.name()) + firm + pick(random, profile.suffixes());
        return new FundraisingSubject(SubjectKind.ENTERPRISE, name,
                random.nextInt(100) < 85 ? creditCode("91", division, random) : null);
    }

    /** A unified social credit code: the kind of body, the division, and ten characters of the code's alphabet. */
    private static String creditCode(String kind, Division division, Random random) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder(kind).append(division.code());
        while (code.length() < 18) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    /**
     * The estimate of the amount raised, heavy-tailed as such schemes are: a Pareto tail from 30,000 yuan with index
     * 0.7, so that half the clues are below some 80,000 yuan, one in twelve above a million and a few above ten
     * million; rounded as people estimate. Online and grid reports often do not know it yet.
     */
    private static Long estimatedAmountFen(ClueSource source, Random random) {
        if (source == ClueSource.ONLINE_MONITORING && random.nextInt(100) < 30
                || source == ClueSource.GRID_WORKER && random.nextInt(100) < 20) {
            return null;
        }
        double yuan = Math.min(80_000_000d, 30_000d / Math.pow(1 - random.nextDouble(), 1 / 0.7));
        long rounded = yuan < 1_000_000 ? Math.round(yuan / 1_000) * 1_000 : Math.round(yuan / 10_000) * 10_000;
        return rounded * 100;
    }

    private static Integer estimatedParticipants(Long amountFen, KeyArea area, Random random) {
        if (amountFen == null) {
            return random.nextBoolean() ? null : 5 + random.nextInt(60);
        }
        if (random.nextInt(100) < 8) {
            return null;
        }
        double perHead = AreaProfile.of(area).yuanPerHead() * Math.exp(random.nextGaussian() * 0.5);
        return (int) Math.max(2 + random.nextInt(8), Math.min(20_000, Math.round(amountFen / 100.0 / perHead)));
    }

    private static long rewardFen(Long amountFen, Random random) {
        long yuan = amountFen == null || amountFen < 50_000_000L ? 500 + 100 * random.nextInt(16)
                : amountFen < 500_000_000L ? 2_000 + 500 * random.nextInt(17) : 10_000 + 1_000 * random.nextInt(41);
        return yuan * 100;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Disposal cases

    /**
     * Opens cases from the clues verified as risks, spread over the campaign: case {@code k} starts from the clue at
     * {@code k/caseCount} of the clues in verification order, and takes with it the other clues on the same subject that
     * are ready by then. How a case goes follows its scale: only a scheme that reaches the prosecution threshold goes to
     * the police. The first cases take each course once, so that even a small campaign shows every kind of step.
     */
    private List<CaseStory> planCases(List<Clue> clues, int caseCount, Instant horizon) {
        List<Clue> pool = clues.stream().filter(Clue::awaitsCase)
                .sorted(Comparator.comparing(Clue::readyAt).thenComparingInt(clue -> clue.n)).toList();
        Set<Clue> used = new HashSet<>();
        List<CaseStory> cases = new ArrayList<>();
        for (int k = 0; k < caseCount && used.size() < pool.size(); k++) {
            Random random = randomFor(2, k);
            Course wanted = k < Course.FIRST.length ? Course.FIRST[k] : null;
            Clue main = null;
            CaseStory mergeInto = null;
            if (wanted == Course.MERGED) {
                // Preferably a later clue on the subject of a case already open: it became a case of its own first.
                for (Clue clue : pool) {
                    if (mergeInto == null && !used.contains(clue)) {
                        mergeInto = cases.stream().filter(other -> other.opened
                                        && other.subject.equals(clue.subject) && other.openedAt.isBefore(clue.readyAt()))
                                .findFirst().orElse(null);
                        main = mergeInto != null ? clue : null;
                    }
                }
            }
            if (main == null && k == 0) {
                // The campaign's first case is its largest early scheme.
                main = pool.subList(0, Math.max(1, pool.size() / 2)).stream().filter(clue -> !used.contains(clue))
                        .max(Comparator.comparing((Clue clue) -> clue.amountFen() == null ? 0 : clue.amountFen())
                                .thenComparingInt(clue -> -clue.n))
                        .orElseGet(() -> spread(pool, used, 0, caseCount, clue -> true));
            }
            if (main == null) {
                main = spread(pool, used, k, caseCount, wanted == null ? clue -> true
                        : wanted == Course.CRIMINAL ? clue -> prosecutable(clue.amountFen(), clue.participants())
                        : wanted == Course.CLEARED ? clue -> !prosecutable(clue.amountFen(), clue.participants())
                                && clue.outcome == VerificationOutcome.NEEDS_DETERMINATION
                        : clue -> !prosecutable(clue.amountFen(), clue.participants()));
            }
            Instant openAt = after(main.readyAt(), 3, 15, random);
            if (wanted == Course.MERGED && mergeInto == null) {
                Clue first = main;
                mergeInto = cases.stream().filter(other -> other.opened && other.openedAt.isBefore(first.readyAt()))
                        .max(Comparator.comparing((CaseStory other) -> other.division.code()
                                .equals(first.division.code())).thenComparing(other -> other.openedAt))
                        .orElse(null);
            }
            List<Clue> group = new ArrayList<>(List.of(main));
            for (Clue clue : pool) {
                if (group.size() < 4 && clue != main && !used.contains(clue) && clue.subject.equals(main.subject)
                        && clue.division.code().equals(main.division.code()) && clue.readyAt().isBefore(openAt)) {
                    group.add(clue);
                }
            }
            used.addAll(group);
            cases.add(planCase(k, wanted, group, mergeInto, openAt, random, horizon));
        }
        return cases;
    }

    /**
     * The clue case {@code k} starts from: among the unused clues from its place in the pool on, the largest of twice its
     * share of them that fits, as the larger schemes are the ones a county makes a case of; else the first that fits
     * further on, else the first unused one.
     */
    private static Clue spread(List<Clue> pool, Set<Clue> used, int k, int caseCount, Predicate<Clue> fits) {
        int start = (int) ((long) k * pool.size() / caseCount);
        int share = Math.max(1, 2 * pool.size() / Math.max(1, caseCount));
        Clue best = null;
        Clue fallback = null;
        int seen = 0;
        for (int i = 0; i < pool.size(); i++) {
            Clue clue = pool.get((start + i) % pool.size());
            if (used.contains(clue)) {
                continue;
            }
            fallback = fallback == null ? clue : fallback;
            if (fits.test(clue) && (best == null || seen < share && amount(clue) > amount(best))) {
                best = clue;
            }
            if (++seen >= share && best != null) {
                return best;
            }
        }
        return best != null ? best : Objects.requireNonNull(fallback, "no clue left for a case");
    }

    private static long amount(Clue clue) {
        return clue.amountFen() == null ? 0 : clue.amountFen();
    }

    /**
     * Whether a scheme of this scale reaches the prosecution threshold of 非法吸收公众存款 (法释〔2022〕5号 §3: 1,000,000
     * yuan or 150 participants). Below it a county disposes of the case administratively.
     */
    private static boolean prosecutable(Long amountFen, Integer participants) {
        return amountFen != null && amountFen >= 100_000_000L || participants != null && participants >= 150;
    }

    private CaseStory planCase(int k, Course wanted, List<Clue> clues, CaseStory mergeInto, Instant openAt,
                               Random random, Instant horizon) {
        Clue main = clues.get(0);
        String caseId = uuid("demo-fr-case-" + seed + "-" + k);
        CaseStory c = new CaseStory(k, caseId, new Story(caseId, "demo-" + seed + "-fr-case-" + k, random, horizon),
                main.division, main.subject, main.subject.name() + "涉嫌非法集资案", false);
        Long amountFen = sum(clues, clue -> clue.amountFen());
        Long participants = sum(clues, clue -> clue.participants() == null ? null : (long) clue.participants());
        if (amountFen == null) {
            amountFen = (200_000L + 10_000L * random.nextInt(80)) * 100; // the case's own first estimate
        }
        Integer people = participants == null ? null : (int) Math.min(participants, 100_000);
        boolean prosecutable = prosecutable(amountFen, people);
        // Only a clue that left the question open is later found not to be illegal fundraising at all.
        boolean open = clues.stream().anyMatch(clue -> clue.outcome == VerificationOutcome.NEEDS_DETERMINATION);
        boolean clearing = wanted == Course.CLEARED || wanted == null && open && random.nextInt(100) < 40;
        Course course;
        if (clearing && !figures.major(amountFen, people)) {
            course = Course.CLEARED;
        } else if (wanted == Course.CRIMINAL || prosecutable) {
            course = Course.CRIMINAL; // too large to be disposed of administratively
        } else if (wanted == Course.MERGED || wanted == null && random.nextInt(100) < 13) {
            course = mergeInto != null ? Course.MERGED : Course.ADMINISTRATIVE;
        } else {
            course = Course.ADMINISTRATIVE;
        }
        List<String> provinces = random.nextInt(100) < 8 ? otherProvinces(Set.of(), random) : List.of();
        if (!c.open(openAt, main.area, clues.stream().map(clue -> clue.clueId).toList(), amountFen, people,
                provinces)) {
            return c;
        }
        switch (course) {
            case MERGED -> c.finish(CaseResolution.MERGED, mergeInto.caseId, "经查与“" + mergeInto.name
                    + "”系同一主体（实际控制人相同），并入该案处理");
            case CLEARED -> cleared(c, random);
            case ADMINISTRATIVE -> administrative(c, random);
            case CRIMINAL -> criminal(c, random);
        }
        return c;
    }

    /** Before the determination: the scale revised as the facts come in, escalations, other provinces. */
    private void prepare(CaseStory c, Course course, Random random) {
        boolean prosecutable = prosecutable(c.amountFen, c.participants);
        if (course == Course.CRIMINAL && (!prosecutable || !c.escalated && random.nextInt(100) < 25)) {
            // The investigation finds a larger scheme than the clues knew; the ledger escalates it if it is major now.
            double factor = 1.5 + 2 * random.nextDouble();
            long yuan = (long) (c.amountFen / 100 * factor);
            if (!prosecutable) {
                yuan = Math.max(yuan, 1_000_000L + 10_000L * random.nextInt(150));
            }
            int people = c.participants == null ? (int) Math.max(20, yuan / 30_000)
                    : (int) Math.max(20, c.participants * factor);
            c.revise(yuan / 10_000 * 10_000 * 100, people, "经进一步排查，涉案资金和集资参与人数明显增加");
        } else if (c.participants == null) {
            c.revise(c.amountFen, (int) Math.max(3, c.amountFen / 100 / 30_000), "核实集资参与人数");
        } else if (random.nextInt(100) < 10) {
            long corrected = c.amountFen * (80 + random.nextInt(50)) / 100 / 100_000 * 100_000;
            if (corrected > 0 && figures.major(corrected, c.participants) == c.escalated
                    && prosecutable(corrected, c.participants) == prosecutable) {
                c.revise(corrected, c.participants, "核实银行流水后更正涉案金额");
            }
        }
        boolean substantial = c.amountFen >= 50_000_000L || c.participants != null && c.participants >= 50;
        if (!c.escalated && course != Course.CLEARED && (c.k == 3 || substantial && random.nextInt(100) < 15)) {
            int roll = random.nextInt(3);
            List<EscalationReason> reasons = roll == 0 ? List.of(EscalationReason.COMPLEX)
                    : roll == 1 ? List.of(EscalationReason.DISPUTED)
                    : List.of(EscalationReason.COMPLEX, EscalationReason.DISPUTED);
            c.escalate(reasons, reasons.contains(EscalationReason.DISPUTED)
                    ? "县级成员单位对是否构成非法集资意见分歧较大，提请市级研判"
                    : "涉及多个县（市、区）和关联企业，资金流向复杂，提请市级统筹处置");
        }
        if (c.k == 4 || random.nextInt(100) < 8) {
            c.markCrossProvince(otherProvinces(c.provinces, random), "资金流向及部分集资参与人涉及外省，已通报相关省份协助处置");
        }
    }

    private void cleared(CaseStory c, Random random) {
        prepare(c, Course.CLEARED, random);
        c.determine(DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING, basis(DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING,
                c.escalated, random));
        if (random.nextInt(100) < 85) {
            boolean other = random.nextInt(100) < 15;
            c.finish(other ? CaseResolution.OTHER : CaseResolution.NO_ILLEGAL_FUNDRAISING, null, other
                    ? "经研判不属于非法集资，相关经营纠纷已告知当事人通过民事诉讼解决" : "经研判不属于非法集资，结案");
        }
    }

    private void administrative(CaseStory c, Random random) {
        prepare(c, Course.ADMINISTRATIVE, random);
        c.determine(DeterminationOutcome.ILLEGAL_FUNDRAISING, basis(DeterminationOutcome.ILLEGAL_FUNDRAISING,
                c.escalated, random));
        if (c.escalated) {
            c.adoptPlan(LEAD, cityOfficial(random), "由市级牵头，责令停止违法行为、监督清退资金、开展整改验收，明确责任人和时间表",
                    ADMINISTRATIVE_PLAN, ADMINISTRATIVE_PLAN_DUE_DAYS);
        }
        String talk = c.orderMeasure(MeasureKind.WARNING_TALK, random.nextBoolean() ? c.lead
                : countyUnit(MARKET_REGULATION, c.division), null, 10, "约谈实际控制人，警示其立即停止违法宣传和吸收资金行为");
        c.completeMeasure(talk, "已约谈，当事人签署停止违法行为承诺书");
        c.completeMilestone(0, "已约谈并责令停止违法行为");
        List<String> measures = new ArrayList<>();
        boolean refund = c.k == 1 || random.nextInt(100) < 45;
        long claimsFen = c.amountFen * (50 + random.nextInt(40)) / 100 / 10_000 * 10_000;
        if (random.nextInt(100) < 60 || !refund) {
            measures.add(c.orderMeasure(MeasureKind.RECTIFICATION_ORDER, countyUnit(MARKET_REGULATION, c.division),
                    null, 30, "责令限期整改：停止新增吸收资金，清理宣传资料，公示整改情况"));
        }
        String ordered = refund ? c.orderMeasure(MeasureKind.ORDERED_REFUND, c.lead, Math.max(100_000L, claimsFen),
                90, "责令退还所吸收资金，在牵头部门监督下清退") : null;
        if (random.nextInt(100) < 35) {
            long fineYuan = Math.max(10_000L, c.amountFen / 100 / 5 / 1_000 * 1_000);
            measures.add(c.orderMeasure(MeasureKind.FINE_OR_WARNING, c.lead, fineYuan * 100, 15,
                    "依据《防范和处置非法集资条例》对非法集资人处以罚款"));
        }
        if (random.nextInt(100) < 15) {
            measures.add(c.orderMeasure(MeasureKind.SEIZURE, countyUnit(MARKET_REGULATION, c.division), null, 20,
                    "查封涉案经营场所及财物，防止资产转移"));
        }
        if (ordered != null) {
            int count = c.participants == null ? 3 + random.nextInt(18) : Math.max(1, Math.min(300,
                    c.participants * (60 + random.nextInt(40)) / 100));
            c.register(c.lead, count, Math.max(100_000L, claimsFen), 1);
            c.completeMilestone(1, "集资参与人登记核实完成");
            c.followUp(ordered, "已清退部分集资参与人资金，继续督促");
            c.recover(c.lead, AssetKind.CASH, Math.max(100_000L, claimsFen * (40 + random.nextInt(61)) / 100
                    / 10_000 * 10_000), "当事人按责令退还要求退缴资金");
            c.refund(c.lead, 0.7 + random.nextDouble() * 0.3, "监督清退第1轮，按登记债权比例分配");
            if (random.nextBoolean()) {
                c.refund(c.lead, 1.0, "监督清退第2轮");
            }
            c.completeMilestone(2, "资金清退已按计划完成");
            measures.add(ordered);
        }
        if (random.nextInt(100) < 20) {
            c.petition(true);
        }
        boolean close = c.k == 1 || random.nextInt(100) < 65;
        measures.removeIf(Objects::isNull); // ordered past the horizon
        for (int i = 0; i < measures.size(); i++) {
            String measure = measures.get(i);
            if (!close && i == measures.size() - 1) {
                c.followUp(measure, "整改尚未完成，继续督促落实");
            } else {
                if (c.kindOf(measure) == MeasureKind.RECTIFICATION_ORDER) {
                    c.followUp(measure, "现场复查，整改正在推进");
                }
                c.completeMeasure(measure, completion(c.kindOf(measure)));
            }
        }
        if (close) {
            c.finish(CaseResolution.CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL, null, "行政处置措施均已落实到位，结案");
        }
    }

    private void criminal(CaseStory c, Random random) {
        prepare(c, Course.CRIMINAL, random);
        c.determine(DeterminationOutcome.SUSPECTED_CRIME, basis(DeterminationOutcome.SUSPECTED_CRIME, c.escalated,
                random));
        if (c.escalated || c.participants != null && c.participants >= 100 && random.nextInt(100) < 40) {
            c.adoptPlan(c.escalated ? LEAD : c.lead, c.escalated ? cityOfficial(random) : countyOfficial(c.division,
                    random), "成立专案工作组，按照“追赃挽损、分步清退、维护稳定”的原则，明确责任人、时间表和路线图",
                    CRIMINAL_PLAN, CRIMINAL_PLAN_DUE_DAYS);
        }
        String seizure = random.nextInt(100) < 35 ? c.orderMeasure(MeasureKind.SEIZURE,
                countyUnit(MARKET_REGULATION, c.division), null, 15, "查封经营场所，扣押账册、合同及宣传资料") : null;
        String police = c.escalated && random.nextBoolean() ? POLICE : countyUnit(POLICE, c.division);
        c.transfer(police, c.amountFen >= 1_000_000_000L && random.nextBoolean()
                ? "涉嫌集资诈骗罪，移送公安机关立案侦查" : "涉嫌非法吸收公众存款罪，移送公安机关立案侦查");
        c.completeMeasure(seizure, "查封物品及账册已随案移交公安机关");
        CriminalMilestone target = c.k == 0 ? CriminalMilestone.ENFORCEMENT : pickTarget(random);
        if (!c.milestone(CriminalMilestone.POLICE_FILED, police, "以涉嫌非法吸收公众存款罪立案侦查", 5, 20)) {
            return;
        }
        c.recover(police, random.nextInt(100) < 80 ? AssetKind.BANK_DEPOSIT : AssetKind.CASH,
                Math.max(100_000L, c.amountFen * (5 + random.nextInt(20)) / 100 + random.nextInt(100)),
                "冻结、扣押涉案账户资金");
        if (random.nextInt(100) < 40) {
            c.recover(police, AssetKind.VEHICLE, (50_000L + 10_000L * random.nextInt(40)) * 100, "扣押涉案车辆，经评估作价");
        }
        c.completeMilestone(0, "涉案账户已冻结，主要资产已查控");
        int registering = c.participants == null ? 5 + random.nextInt(40)
                : Math.max(2, Math.min(1_500, c.participants * (60 + random.nextInt(36)) / 100));
        c.register(c.lead, registering, c.amountFen * (50 + random.nextInt(36)) / 100, registering > 300 ? 3 : 1);
        c.completeMilestone(1, "集资参与人信息登记完成");
        if (c.participants != null && c.participants >= 20 && random.nextInt(100) < 40) {
            c.petition(true);
        }
        if (target.compareTo(CriminalMilestone.PROSECUTION_REVIEW) >= 0
                && c.milestone(CriminalMilestone.PROSECUTION_REVIEW, PROCURATORATE, "侦查终结，移送审查起诉", 40, 90)) {
            c.completeMilestone(2, "司法审计报告已出具");
        }
        if (target.compareTo(CriminalMilestone.INDICTED) >= 0) {
            c.milestone(CriminalMilestone.INDICTED, PROCURATORATE, "向法院提起公诉", 15, 40);
        }
        if (target.compareTo(CriminalMilestone.FIRST_INSTANCE_JUDGMENT) >= 0) {
            c.milestone(CriminalMilestone.FIRST_INSTANCE_JUDGMENT, COURT, "一审判决，责令退赔集资参与人经济损失", 30, 70);
        }
        if (target == CriminalMilestone.ENFORCEMENT) {
            if (random.nextInt(100) < 35) {
                c.milestone(CriminalMilestone.SECOND_INSTANCE_JUDGMENT, COURT, "二审裁定驳回上诉，维持原判", 30, 60);
            }
            if (c.milestone(CriminalMilestone.ENFORCEMENT, COURT, "立案执行，依法处置涉案财物", 15, 40)) {
                AssetKind kind = pick(random, AssetKind.REAL_ESTATE, AssetKind.REAL_ESTATE, AssetKind.EQUITY,
                        AssetKind.VEHICLE, AssetKind.OTHER);
                c.recover(COURT, kind, Math.max(100_000L, c.amountFen * (5 + random.nextInt(20)) / 100
                        / 100_000 * 100_000), enforcementRecovery(kind));
            }
        }
        if (c.judged()) {
            c.refund(COURT, 0.5 + random.nextDouble() * 0.4, "按登记债权比例第1轮清退");
            c.completeMilestone(3, "首轮清退资金已发放到位");
            if (random.nextBoolean()) {
                c.refund(COURT, 1.0, "按登记债权比例第2轮清退");
            }
        }
        if (c.judged() && (c.k == 0 || random.nextInt(100) < 65)) {
            c.finish(CaseResolution.CLOSED_AFTER_JUDGMENT, null, "判决已生效，涉案财物已依法处置并按比例清退");
            if (random.nextInt(100) < 15) {
                c.petition(true); // petitions come when they come, also after the closure
            }
        } else if (random.nextInt(100) < 20) {
            c.petition(false);
        }
    }

    private static CriminalMilestone pickTarget(Random random) {
        int roll = random.nextInt(100);
        return roll < 15 ? CriminalMilestone.POLICE_FILED : roll < 30 ? CriminalMilestone.PROSECUTION_REVIEW
                : roll < 40 ? CriminalMilestone.INDICTED : roll < 65 ? CriminalMilestone.FIRST_INSTANCE_JUDGMENT
                : CriminalMilestone.ENFORCEMENT;
    }

    private static String basis(DeterminationOutcome outcome, boolean city, Random random) {
        String meeting = city ? "经市打击非法集资工作领导小组办公室组织公安、金融监管、市场监管等部门会商，" : "经县级打非办组织成员单位研判，";
        return meeting + switch (outcome) {
            case SUSPECTED_CRIME -> pick(random, "该主体未经有关部门依法许可，通过推介会、微信群等途径向社会公开宣传，承诺在一定期限内"
                            + "还本付息，向社会不特定对象吸收资金，涉嫌非法吸收公众存款罪",
                    "该主体以高额回报为诱饵吸收公众资金，资金去向不明，涉案金额和人数已达刑事立案追诉标准，涉嫌非法集资犯罪");
            case ILLEGAL_FUNDRAISING -> "该主体行为具有非法性、公开性、利诱性、社会性特征，构成非法集资，涉案金额和人数尚未达到"
                    + "刑事立案追诉标准，依据《防范和处置非法集资条例》予以行政处置";
            case NOT_ILLEGAL_FUNDRAISING -> "该主体资金往来系正常经营活动，不具有公开宣传和承诺回报特征，不属于非法集资";
        };
    }

    private static String completion(MeasureKind kind) {
        return switch (kind) {
            case WARNING_TALK -> "已约谈，当事人签署停止违法行为承诺书";
            case RECTIFICATION_ORDER -> "经复查，整改到位";
            case SEIZURE -> "查封财物已依法处置，所得用于清退";
            case ORDERED_REFUND -> "资金已清退完毕";
            case FINE_OR_WARNING -> "罚款已缴入国库";
        };
    }

    private static String enforcementRecovery(AssetKind kind) {
        return switch (kind) {
            case REAL_ESTATE -> "司法拍卖涉案房产所得";
            case EQUITY -> "处置涉案股权所得";
            case VEHICLE -> "拍卖涉案车辆所得";
            case OTHER -> "追回涉案人员转移的资金";
            default -> "执行到位资金";
        };
    }

    private static List<String> otherProvinces(Set<String> known, Random random) {
        List<String> provinces = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < NEIGHBOURING_PROVINCES.length && provinces.size() < count; i++) {
            String province = NEIGHBOURING_PROVINCES[(random.nextInt(NEIGHBOURING_PROVINCES.length) + i)
                    % NEIGHBOURING_PROVINCES.length];
            if (!known.contains(province) && !provinces.contains(province)) {
                provinces.add(province);
            }
        }
        return provinces;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Legacy cases

    private List<CaseStory> planLegacyCases(Instant horizon) {
        List<CaseStory> stories = new ArrayList<>();
        for (int i = 0; i < legacyFile.cases().size(); i++) {
            LegacyEntry entry = legacyFile.cases().get(i);
            LegacyCourse course = LEGACY_COURSES.getOrDefault(entry.code(), new LegacyCourse(
                    CriminalMilestone.POLICE_FILED, CriminalMilestone.POLICE_FILED, false, false, 10_000_000L, 100,
                    List.of(), 0));
            Random random = randomFor(3, i);
            Division division = reference.division(entry.divisionCode()).orElseThrow();
            String caseId = "legacy-" + entry.code();
            CaseStory c = new CaseStory(-1 - i, caseId, new Story(caseId, "demo-" + seed + "-fr-legacy-"
                    + entry.code(), random, horizon), division, entry.subject(), entry.name(), true);
            // Taken into the ledger in the weeks after the plan of 2024-07-01.
            Instant at = moment(LocalDate.of(2024, 7, 8).plusDays(random.nextInt(14)), random);
            if (c.importLegacy(at, entry, legacyFile.version(), course.stageAtImport())) {
                legacy(c, course, random);
            }
            stories.add(c);
        }
        return stories;
    }

    private void legacy(CaseStory c, LegacyCourse course, Random random) {
        c.revise(course.amountYuan() * 100, course.participants(), "根据原立案卷宗核实补录：集资金额约"
                + course.amountYuan() / 10_000 + "万元，集资参与人" + course.participants() + "人");
        if (!course.provinces().isEmpty()) {
            c.markCrossProvince(course.provinces(), "部分集资参与人和涉案资金在外省，已商请当地协助核查");
        }
        c.adoptPlan(LEGACY_LEAD, new ResponsiblePerson(official(random), "市委政法委副书记"),
                "按照“一案一策”，明确责任人、时间表和路线图，统筹推进审判执行、追赃挽损和信访维稳", LEGACY_PLAN,
                LEGACY_PLAN_DUE_DAYS);
        long amountFen = course.amountYuan() * 100;
        c.recover(COURT, AssetKind.REAL_ESTATE, amountFen * (8 + random.nextInt(12)) / 100 / 100_000 * 100_000,
                "查封涉案房产，经评估拍卖所得");
        c.recover(countyUnit(POLICE, c.division), AssetKind.BANK_DEPOSIT,
                amountFen * (3 + random.nextInt(8)) / 100 + random.nextInt(100), "追缴涉案账户资金");
        c.completeMilestone(0, "卷宗梳理完毕，涉案资产底数已摸清");
        c.register(COURT, course.participants() * (85 + random.nextInt(16)) / 100,
                amountFen * (60 + random.nextInt(20)) / 100, 2);
        c.completeMilestone(1, "集资参与人信息核实登记完成");
        c.petition(true);
        CriminalMilestone[] path = CriminalMilestone.values();
        for (int i = course.stageAtImport().ordinal() + 1; i <= course.reached().ordinal(); i++) {
            CriminalMilestone next = path[i];
            if (next == CriminalMilestone.SECOND_INSTANCE_JUDGMENT && !course.secondInstance()) {
                continue;
            }
            // The cases that are resolved move briskly; the others have stalled for years and still move slowly.
            c.milestone(next, next == CriminalMilestone.PROSECUTION_REVIEW || next == CriminalMilestone.INDICTED
                    ? PROCURATORATE : COURT, legacyNote(next), course.closed() ? 25 : 50, course.closed() ? 50 : 90);
        }
        if (c.judged()) {
            c.completeMilestone(2, "审判执行工作按计划完成");
        }
        for (int round = 1; round <= course.refundRounds(); round++) {
            double share = round == course.refundRounds() && course.closed() ? 1.0 : 0.4 + random.nextDouble() * 0.3;
            if (c.judged()) {
                c.refund(COURT, share, "按登记债权比例第" + round + "轮清退");
            } else {
                // Before the judgment only the lead department may pay out what is already recovered.
                c.refund(c.lead, share, "经领导小组研究，对已追缴资金按登记债权比例先行清退");
            }
        }
        if (course.closed()) {
            c.completeMilestone(3, "可清退资金已全部清退");
            c.finish(CaseResolution.CLOSED_AFTER_JUDGMENT, null, "判决已执行完毕，涉案财物已按比例清退，信访矛盾已化解");
        } else {
            // Still on its way: more is traced, and the participants keep asking.
            c.recover(countyUnit(POLICE, c.division), AssetKind.OTHER, amountFen * (2 + random.nextInt(4)) / 100
                    / 100_000 * 100_000, "继续追缴涉案人员转移的资金");
            c.petition(random.nextBoolean());
        }
    }

    private static String legacyNote(CriminalMilestone milestone) {
        return switch (milestone) {
            case POLICE_FILED -> "立案侦查";
            case PROSECUTION_REVIEW -> "补充侦查完毕，移送审查起诉";
            case INDICTED -> "向法院提起公诉";
            case FIRST_INSTANCE_JUDGMENT -> "一审判决，责令退赔集资参与人经济损失";
            case SECOND_INSTANCE_JUDGMENT -> "二审裁定驳回上诉，维持原判";
            case ENFORCEMENT -> "立案执行，依法处置涉案财物";
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Time, units and values

    /** A moment in office hours on the working day on or after {@code date}. */
    private Instant moment(LocalDate date, Random random) {
        return OfficeHours.someMomentOn(date, calendar, random);
    }

    /**
     * A moment in office hours {@code min}..{@code max} working days after {@code previous}, and in any case after it:
     * with 0 working days later the same day if office hours are left, otherwise the next working day.
     */
    private Instant after(Instant previous, int min, int max, Random random) {
        int workingDays = min + (max > min ? random.nextInt(max - min + 1) : 0);
        LocalDate day = calendar.dateOf(previous);
        if (workingDays == 0 && calendar.isWorkingDay(day)) {
            LocalTime time = LocalTime.ofInstant(previous, WorkingCalendar.ZONE);
            int minute = OfficeHours.minuteAtOrAfter(time.getHour() * 60 + time.getMinute() + 10, random);
            if (minute >= 0) {
                return OfficeHours.at(day, minute);
            }
        }
        return OfficeHours.someMomentOn(calendar.addWorkingDays(day, Math.max(1, workingDays)), calendar, random);
    }

    /** The unit that acts for {@code cityUnit} in the division: its county counterpart, else the city unit itself. */
    private String countyUnit(String cityUnit, Division division) {
        return units.actingUnitIn(cityUnit, division.code());
    }

    private static ResponsiblePerson countyOfficial(Division division, Random random) {
        String post = switch (division.kind()) {
            case DISTRICT -> "人民政府副区长";
            case COUNTY -> "人民政府副县长";
            case COUNTY_CITY -> "人民政府副市长";
            case DEV_ZONE -> "管委会副主任";
        };
        return new ResponsiblePerson(official(random), division.name() + post);
    }

    private static ResponsiblePerson cityOfficial(Random random) {
        return new ResponsiblePerson(official(random), "市政府副秘书长、市打击非法集资工作领导小组办公室主任");
    }

    private static String official(Random random) {
        return pick(random, SURNAMES) + pick(random, GIVEN);
    }

    private static String phone(Random random) {
        StringBuilder phone = new StringBuilder("1").append(pick(random, "3", "5", "8"));
        for (int i = 0; i < 9; i++) {
            phone.append(random.nextInt(10));
        }
        return phone.toString();
    }

    /**
     * The random source of one clue, case or legacy case. The seed is mixed (SplitMix64's finaliser) because
     * {@link Random}s seeded with neighbouring numbers start with nearly the same draws.
     */
    private Random randomFor(long stream, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + n * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** The {@code n}-th point of a shifted golden-ratio-like sequence: even over few clues, unlike random draws. */
    private double stratified(int n, double step) {
        double shift = seed * 0.7548776662466927;
        double x = (n + 0.5) * step + (shift - Math.floor(shift));
        return x - Math.floor(x);
    }

    private static <T> T pick(double u, T[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        double roll = u * total;
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> Long sum(List<T> values, Function<T, Long> field) {
        List<Long> known = values.stream().map(field).filter(Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().mapToLong(Long::longValue).sum();
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The stories

    /** One aggregate's history as the commands that make it, each later in business time than the one before. */
    private final class Story {

        private final String aggregateId;
        private final String requestPrefix;
        private final Random random;
        private final Instant horizon;
        private final List<Step> steps = new ArrayList<>();
        private Instant time;
        private boolean ended;

        Story(String aggregateId, String requestPrefix, Random random, Instant horizon) {
            this.aggregateId = aggregateId;
            this.requestPrefix = requestPrefix;
            this.random = random;
            this.horizon = horizon;
        }

        /** Adds the step at {@code at}; a step beyond the horizon ends the story, as history ends there. */
        boolean at(Instant at, Function<Instant, Object> command) {
            if (ended || at.isAfter(horizon)) {
                ended = true;
                return false;
            }
            steps.add(new Step(requestPrefix + "-" + steps.size(), aggregateId, command.apply(at), steps.isEmpty()));
            time = at;
            return true;
        }

        /** Adds the step {@code min}..{@code max} working days after the last one, in office hours. */
        boolean then(int min, int max, Function<Instant, Object> command) {
            return !ended && at(after(time, min, max, random), command);
        }
    }

    /** One command of a story; the first creates the aggregate. */
    private record Step(String requestId, String aggregateId, Object command, boolean creation) {
    }

    /** A planned risk clue, and how its verification ended. */
    private static final class Clue {

        private final int n;
        private final String clueId;
        private final Story story;
        private final Division division;
        private final KeyArea area;
        private final FundraisingSubject subject;
        private final Instant recordedAt;
        private VerificationOutcome outcome;
        private boolean duplicate;

        Clue(int n, String clueId, Story story, Division division, KeyArea area, FundraisingSubject subject,
             Instant recordedAt) {
            this.n = n;
            this.clueId = clueId;
            this.story = story;
            this.division = division;
            this.area = area;
            this.subject = subject;
            this.recordedAt = recordedAt;
        }

        boolean awaitsCase() {
            return !duplicate && (outcome == VerificationOutcome.RISK_CONFIRMED
                    || outcome == VerificationOutcome.NEEDS_DETERMINATION);
        }

        /** When its last step was taken: a case takes it only after that. */
        Instant readyAt() {
            return story.time;
        }

        Long amountFen() {
            return ((RecordRiskClueCommand) story.steps.get(0).command()).estimatedAmountFen();
        }

        Integer participants() {
            return ((RecordRiskClueCommand) story.steps.get(0).command()).estimatedParticipants();
        }
    }

    /**
     * A planned disposal case: the commands of its story, and what they leave behind, so that every later step is one
     * the case accepts (only open measures are completed, a refund stays within what was recovered, a closure finds
     * nothing open).
     */
    private final class CaseStory {

        private final int k;
        private final String caseId;
        private final Story story;
        private final Division division;
        private final FundraisingSubject subject;
        private final String name;
        private final boolean legacy;
        private final String lead;
        private boolean opened;
        private Instant openedAt;
        private Long amountFen;
        private Integer participants;
        private boolean escalated;
        private boolean determined;
        private final Set<String> provinces = new TreeSet<>();
        private final Map<String, MeasureKind> measureKinds = new LinkedHashMap<>();
        private final Map<String, String> openMeasures = new LinkedHashMap<>();
        private String planUnit;
        private final List<String> planMilestones = new ArrayList<>();
        private final Set<Integer> milestonesDone = new HashSet<>();
        private String policeUnit;
        private CriminalMilestone stage;
        private long recoveredFen;
        private long claimsFen;
        private long refundedFen;
        private int registered;
        private int petitions;
        private final List<String> openPetitions = new ArrayList<>();

        CaseStory(int k, String caseId, Story story, Division division, FundraisingSubject subject, String name,
                  boolean legacy) {
            this.k = k;
            this.caseId = caseId;
            this.story = story;
            this.division = division;
            this.subject = subject;
            this.name = name;
            this.legacy = legacy;
            this.lead = countyUnit(LEAD, division);
        }

        boolean open(Instant at, KeyArea area, List<String> clueIds, long amount, Integer people,
                     List<String> otherProvinces) {
            boolean cross = !otherProvinces.isEmpty();
            if (!story.at(at, t -> new OpenDisposalCaseCommand(caseId, lead, division.code(), name, subject, area,
                    clueIds, amount, people, cross, otherProvinces, t))) {
                return false;
            }
            opened = true;
            openedAt = at;
            amountFen = amount;
            participants = people;
            provinces.addAll(otherProvinces);
            escalated = figures.major(amount, people); // the ledger escalates it with the opening
            return true;
        }

        boolean importLegacy(Instant at, LegacyEntry entry, int fileVersion, CriminalMilestone stageAtImport) {
            if (!story.at(at, t -> new ImportLegacyCaseCommand(caseId, entry.code(), fileVersion, LEGACY_LEAD,
                    division.code(), entry.name(), entry.printedAs(), entry.subject(), entry.filingAge(),
                    entry.approximateFilingDate(), true, stageAtImport, t))) {
                return false;
            }
            opened = true;
            openedAt = at;
            determined = true;
            stage = stageAtImport;
            return true;
        }

        void revise(long amount, Integer people, String note) {
            if (story.then(5, 20, t -> new ReviseCaseScaleCommand(caseId, lead, amount, people, note, t))) {
                amountFen = amount;
                participants = people;
                escalated |= !legacy && !determined && figures.major(amount, people);
            }
        }

        void escalate(List<EscalationReason> reasons, String note) {
            escalated |= story.then(5, 15, t -> new EscalateDisposalCaseCommand(caseId, lead, reasons, note, t));
        }

        void markCrossProvince(List<String> others, String note) {
            List<String> added = others.stream().filter(code -> !provinces.contains(code)).toList();
            if (!added.isEmpty() && story.then(2, 10, t -> new MarkCaseCrossProvinceCommand(caseId, lead, added, note,
                    t))) {
                provinces.addAll(added);
            }
        }

        /** By the county, or by the city once the case is escalated. */
        void determine(DeterminationOutcome outcome, String basis) {
            String unit = escalated ? LEAD : lead;
            determined |= story.then(10, 30, t -> new DetermineDisposalCaseCommand(caseId, unit, outcome, basis, t));
        }

        /** Orders a measure a few working days on; answers its id, or {@code null} past the horizon. */
        String orderMeasure(MeasureKind kind, String unit, Long amount, int dueInDays, String description) {
            String measureId = uuid(caseId + "-measure-" + measureKinds.size());
            if (!story.then(1, 5, t -> new OrderMeasureCommand(caseId, measureId, kind, unit,
                    calendar.dateOf(t).plusDays(dueInDays), amount, description, t))) {
                return null;
            }
            measureKinds.put(measureId, kind);
            openMeasures.put(measureId, unit);
            return measureId;
        }

        MeasureKind kindOf(String measureId) {
            return measureKinds.get(measureId);
        }

        void followUp(String measureId, String note) {
            String unit = openMeasures.get(measureId);
            if (unit != null) {
                story.then(5, 20, t -> new FollowUpMeasureCommand(caseId, measureId, unit, note, t));
            }
        }

        void completeMeasure(String measureId, String result) {
            String unit = openMeasures.get(measureId);
            if (unit != null && story.then(1, 20, t -> new CompleteMeasureCommand(caseId, measureId, unit, result,
                    t))) {
                openMeasures.remove(measureId);
            }
        }

        void transfer(String police, String note) {
            String unit = escalated ? LEAD : lead;
            if (story.then(3, 10, t -> new TransferCaseToPoliceCommand(caseId, unit, police, note, t))) {
                policeUnit = police;
            }
        }

        /** Records the next milestone of the criminal path, by its own authority, with its document number. */
        boolean milestone(CriminalMilestone milestone, String unit, String note, int min, int max) {
            if (policeUnit == null && !legacy) {
                return false;
            }
            int number = 1 + story.random.nextInt(150);
            if (!story.then(min, max, t -> new RecordCriminalMilestoneCommand(caseId, milestone, unit,
                    documentNumber(milestone, unit, t, number), note, t))) {
                return false;
            }
            stage = milestone;
            return true;
        }

        private String documentNumber(CriminalMilestone milestone, String unit, Instant at, int number) {
            int year = calendar.dateOf(at).getYear();
            return switch (milestone) {
                case POLICE_FILED -> (POLICE.equals(unit) ? "吕" : division.shortName().substring(0, 1))
                        + "公（经）立字〔" + year + "〕" + number + "号";
                case PROSECUTION_REVIEW -> "吕检刑诉受〔" + year + "〕" + number + "号";
                case INDICTED -> "吕检刑诉〔" + year + "〕" + number + "号";
                case FIRST_INSTANCE_JUDGMENT -> "（" + year + "）晋11刑初" + number + "号";
                case SECOND_INSTANCE_JUDGMENT -> "（" + year + "）晋刑终" + number + "号";
                case ENFORCEMENT -> "（" + year + "）晋11执" + number + "号";
            };
        }

        boolean judged() {
            return stage != null && stage.compareTo(CriminalMilestone.FIRST_INSTANCE_JUDGMENT) >= 0;
        }

        void adoptPlan(String unit, ResponsiblePerson responsible, String summary, List<String> milestones,
                       int[] dueInDays) {
            if (story.then(5, 15, t -> {
                List<PlannedMilestone> planned = new ArrayList<>();
                for (int i = 0; i < milestones.size(); i++) {
                    planned.add(new PlannedMilestone(milestones.get(i), calendar.dateOf(t).plusDays(dueInDays[i])));
                }
                return new AdoptDisposalPlanCommand(caseId, unit, responsible, summary, planned, t);
            })) {
                planUnit = unit;
                planMilestones.addAll(milestones);
            }
        }

        /** Completes milestone {@code index} of the plan, if there is a plan and it is still open. */
        void completeMilestone(int index, String note) {
            if (planUnit != null && index < planMilestones.size() && !milestonesDone.contains(index)
                    && story.then(1, 10, t -> new CompletePlanMilestoneCommand(caseId, index + 1, planUnit, note, t))) {
                milestonesDone.add(index);
            }
        }

        void recover(String unit, AssetKind kind, long fen, String description) {
            if (fen > 0 && story.then(5, 25, t -> new RecordAssetRecoveryCommand(caseId, unit, kind, fen, description,
                    t))) {
                recoveredFen += fen;
            }
        }

        /**
         * Registers {@code count} participants in {@code batches} batches, by register reference and confirmed claim
         * (whole hundreds of yuan, at least 1,000), their claims adding up to about {@code totalFen}.
         */
        void register(String unit, int count, long totalFen, int batches) {
            if (count <= 0 || totalFen <= 0) {
                return;
            }
            double[] weights = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                weights[i] = Math.exp(story.random.nextGaussian() * 0.9);
                sum += weights[i];
            }
            String register = legacy ? caseId.substring("legacy-".length()) : division.code() + "-"
                    + String.format("%02d", k + 1);
            List<ParticipantClaim> claims = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long yuan = Math.max(1_000L, Math.round(totalFen / 100.0 * weights[i] / sum / 100.0) * 100L);
                claims.add(new ParticipantClaim(String.format("DJ-%s-%04d", register, registered + i + 1),
                        yuan * 100));
            }
            int size = (count + batches - 1) / batches;
            for (int from = 0; from < count; from += size) {
                List<ParticipantClaim> batch = List.copyOf(claims.subList(from, Math.min(count, from + size)));
                if (!story.then(3, 15, t -> new RegisterParticipantsCommand(caseId, unit, batch, t))) {
                    return;
                }
                registered += batch.size();
                claimsFen += batch.stream().mapToLong(ParticipantClaim::claimFen).sum();
            }
        }

        /** Pays a round of about {@code share} of what is recovered and still owed, in whole hundreds of yuan. */
        void refund(String unit, double share, String note) {
            long available = Math.min(recoveredFen, claimsFen) - refundedFen;
            if (registered == 0 || available <= 0) {
                return;
            }
            long round = share >= 1.0 ? available : (long) (available * share) / 10_000 * 10_000;
            long total = round > 0 ? round : available;
            if (story.then(10, 30, t -> new PayRefundRoundCommand(caseId, unit, total, note, t))) {
                refundedFen += total;
            }
        }

        /** A petition to the county's petitions bureau, handled by it or the lead department unless left open. */
        void petition(boolean handle) {
            String petitionId = uuid(caseId + "-petition-" + petitions++);
            String unit = countyUnit(PETITIONS, division);
            Random random = story.random;
            int roll = random.nextInt(100);
            int petitioners = roll < 60 ? 1 : roll < 90 ? 3 + random.nextInt(10) : 15 + random.nextInt(46);
            int number = 1 + random.nextInt(99_999);
            String summary = pick(random, "集资参与人反映清退进度缓慢，要求加快追赃挽损",
                    "集资参与人要求尽快立案侦查并查封涉案资产", "反映涉案企业负责人可能转移资产",
                    "咨询集资参与人信息登记和债权确认事宜", "对清退比例有异议，要求重新核算");
            if (!story.then(2, 15, t -> new ReceivePetitionCommand(caseId, petitionId, unit,
                    String.format("LLXF%d-%06d", calendar.dateOf(t).getYear(), number), petitioners, summary, t))) {
                return;
            }
            openPetitions.add(petitionId);
            if (handle) {
                handlePetition(petitionId);
            }
        }

        private void handlePetition(String petitionId) {
            Random random = story.random;
            PetitionOutcome outcome = pick(random.nextDouble(), PetitionOutcome.values(), new int[] {45, 30, 15, 10});
            String unit = random.nextInt(3) == 0 ? lead : countyUnit(PETITIONS, division);
            String note = switch (outcome) {
                case ANSWERED -> "已书面答复信访人案件办理进展";
                case RESOLVED -> "经协调，信访人合理诉求已解决";
                case REFERRED_TO_LEGAL_PROCEDURE -> "告知信访人通过司法途径依法主张权利";
                case WITHDRAWN -> "信访人撤回信访事项";
            };
            if (story.then(3, 15, t -> new HandlePetitionCommand(caseId, petitionId, unit, outcome, note, t))) {
                openPetitions.remove(petitionId);
            }
        }

        /**
         * Closes the case once nothing is open: open measures completed, the plan (which an escalated or legacy case
         * needs) carried out, petitions answered.
         */
        void finish(CaseResolution resolution, String mergedInto, String note) {
            for (String measureId : List.copyOf(openMeasures.keySet())) {
                completeMeasure(measureId, completion(measureKinds.get(measureId)));
            }
            if ((legacy || escalated) && planUnit == null) {
                adoptPlan(escalated ? LEAD : lead, cityOfficial(story.random), "结案前评估处置情况，落实善后工作",
                        List.of("完成处置情况评估"), new int[] {20});
            }
            for (int i = 0; i < planMilestones.size(); i++) {
                completeMilestone(i, "已按计划完成");
            }
            for (String petitionId : List.copyOf(openPetitions)) {
                handlePetition(petitionId);
            }
            story.then(3, 15, t -> new CloseDisposalCaseCommand(caseId, lead, resolution, mergedInto, note, t));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plans, figures and data files

    /** What becomes of a clue; weights in per cent of the clues. */
    private enum Fate {
        NO_RISK(50, VerificationOutcome.NO_RISK),
        RISK_CONFIRMED(18, VerificationOutcome.RISK_CONFIRMED),
        NEEDS_DETERMINATION(9, VerificationOutcome.NEEDS_DETERMINATION),
        VERIFICATION_PENDING(9, null),
        NOT_ASSIGNED(3, null),
        DUPLICATE(5, null);

        private final int weight;
        private final VerificationOutcome outcome;

        Fate(int weight, VerificationOutcome outcome) {
            this.weight = weight;
            this.outcome = outcome;
        }

        static int[] weights() {
            return Arrays.stream(values()).mapToInt(fate -> fate.weight).toArray();
        }
    }

    /** How a disposal case goes. */
    private enum Course {
        CRIMINAL, ADMINISTRATIVE, CLEARED, MERGED;

        /** The first cases take every course, so that a small campaign shows each. */
        static final Course[] FIRST = {CRIMINAL, ADMINISTRATIVE, CLEARED, CRIMINAL, ADMINISTRATIVE, MERGED, CRIMINAL,
                ADMINISTRATIVE};
    }

    /**
     * How schemes of a key area look: the names they trade under, what they do, how much a participant puts in.
     *
     * @param weight      per cent of the clues
     * @param personShare per cent of its subjects that are persons rather than firms
     */
    private record AreaProfile(int weight, int personShare, long yuanPerHead, String[] suffixes, String[] practices) {

        static AreaProfile of(KeyArea area) {
            return switch (area) {
                case INVESTMENT_INTERMEDIARY -> new AreaProfile(9, 10, 40_000, new String[] {"投资咨询有限公司",
                        "投资管理有限公司"}, new String[] {"以民间借贷居间服务为名，承诺月息1.5%至2%，向社会公众吸收资金",
                        "通过发放传单、召开推介会等方式宣传“保本高息”投资项目"});
                case THIRD_PARTY_WEALTH_MANAGEMENT -> new AreaProfile(4, 0, 60_000, new String[] {"财富管理有限公司",
                        "资产管理有限公司"}, new String[] {"以代销“私募理财产品”为名，向不特定对象承诺年化收益12%以上",
                        "在营业网点向中老年客户推介未经备案的理财产品"});
                case FAKE_PRIVATE_EQUITY -> new AreaProfile(4, 0, 100_000, new String[] {
                        "股权投资基金管理中心（有限合伙）", "私募基金管理有限公司"}, new String[] {
                        "未在基金业协会登记备案，向不特定对象销售“私募基金”份额并承诺保本保息",
                        "以投资新能源项目为名，拆分基金份额向社会公众募集资金"});
                case FAKE_EXCHANGE -> new AreaProfile(2, 0, 80_000, new String[] {"资产交易中心有限公司",
                        "金融资产交易服务有限公司"}, new String[] {"以“金融资产收益权”拆分转让为名，线上线下向社会公众募集资金",
                        "自称区域性金融资产交易场所，发售高收益“定向融资计划”"});
                case ILLEGAL_FINANCIAL_INTERMEDIARY -> new AreaProfile(5, 10, 30_000, new String[] {
                        "金融信息服务有限公司", "信息咨询服务有限公司"}, new String[] {
                        "以“征信修复”“贷款代办”为名收取高额费用，并诱导客户购买所谓理财产品",
                        "以代理“退保维权”为名，诱导投保人退保后转投其推介的高息项目"});
                case WEALTH_MANAGEMENT -> new AreaProfile(8, 50, 40_000, new String[] {"财务咨询有限公司",
                        "投资咨询有限公司"}, new String[] {"通过微信群、短视频直播推介“高息理财”，承诺日息千分之三",
                        "以“稳赚不赔”的理财计划为名，向亲友以外的群众吸收资金"});
                case EQUITY_CROWDFUNDING -> new AreaProfile(3, 0, 50_000, new String[] {"科技股份有限公司",
                        "网络科技有限公司"}, new String[] {"以“原始股”“即将上市”为名，向社会公众转让所谓公司股权",
                        "以“股权众筹”开设连锁门店为名，承诺按月分红"});
                case ELDERLY_CARE -> new AreaProfile(11, 0, 15_000, new String[] {"养老服务有限公司",
                        "康养产业有限公司", "健康管理有限公司"}, new String[] {
                        "以预售养老床位、办理“养老公寓”会员卡为名，承诺年返利10%以上",
                        "以“以房养老”“养老投资”为名，向老年人吸收资金", "以销售保健品附带“消费返本”为名，向老年人吸收资金"});
                case AGRICULTURE -> new AreaProfile(10, 0, 12_000, new String[] {"专业合作社"}, new String[] {
                        "以入社入股、“土地托管分红”为名，向社员以外的村民吸收资金", "以养殖项目“代养回购”为名，承诺高额固定回报",
                        "以发展红枣、核桃种植为名，向农户承诺保底分红吸收资金"});
                case TRADE_SERVICES -> new AreaProfile(7, 0, 8_000, new String[] {"商贸有限公司",
                        "电子商务有限公司"}, new String[] {"以“消费返利”“购物全返”为名，吸收会员资金",
                        "以预付卡充值送高额返现为名，向社会公众吸收资金"});
                case WHOLESALE_RETAIL -> new AreaProfile(7, 0, 20_000, new String[] {"酒业有限公司", "商贸有限公司",
                        "茶业有限公司"}, new String[] {"以预售原浆酒、“定制封坛酒收藏升值”为名，承诺到期回购并支付高额收益",
                        "以“囤货代销、保底返利”为名，向社会公众吸收资金"});
                case VIRTUAL_CURRENCY -> new AreaProfile(6, 50, 25_000, new String[] {"网络科技有限公司"},
                        new String[] {"推广所谓“数字货币”挖矿项目，发展下线并承诺静态收益",
                                "以虚拟货币“合约交易”为名，组织群众投资并承诺高额回报"});
                case BLOCKCHAIN -> new AreaProfile(3, 0, 30_000, new String[] {"区块链科技有限公司",
                        "数字科技有限公司"}, new String[] {"以“区块链+溯源”养殖项目为名，发售所谓数字权益吸收资金",
                        "以“元宇宙”数字藏品为名，承诺回购升值"});
                case CULTURE_TOURISM -> new AreaProfile(4, 0, 30_000, new String[] {"文化旅游开发有限公司",
                        "旅游发展有限公司"}, new String[] {"以景区开发、“旅居康养”项目为名，向游客和村民集资并承诺分红",
                        "以预售民宿经营权、承诺固定租金回报为名吸收资金"});
                case FILM_INVESTMENT -> new AreaProfile(2, 0, 50_000, new String[] {"影视文化传媒有限公司",
                        "文化传媒有限公司"}, new String[] {"以投资影视剧、“分享票房收益”为名，向社会公众募集资金",
                        "以网络短剧投资“保本分红”为名吸收资金"});
                case DEBT_RESOLUTION -> new AreaProfile(4, 0, 20_000, new String[] {"企业管理咨询有限公司",
                        "信息咨询有限公司"}, new String[] {"以“债务重组”“停息挂账”为名收取服务费，并诱导客户缴纳“保证金”",
                        "以帮助“化解债务”为名，吸收会员资金用于所谓资金池运作"});
                case STATE_LINK_FRONT -> new AreaProfile(3, 0, 20_000, new String[] {"实业发展有限公司"},
                        new String[] {"冒用央企、国企名义，以“国家扶贫项目”“内部额度”为名吸收资金",
                                "谎称挂靠中直机关，以“养老扶持基金”为名向群众收取入会费"});
                case PROPERTY_REGISTRATION_FRONT -> new AreaProfile(2, 0, 20_000, new String[] {
                        "产权登记服务有限公司", "产权交易服务有限公司"}, new String[] {
                        "以免费为藏品、房产办理“产权登记”为名，诱导客户缴纳登记费并购买“升值产品”"});
                case AUCTION_FRONT -> new AreaProfile(2, 0, 30_000, new String[] {"拍卖有限公司",
                        "文化艺术品拍卖有限公司"}, new String[] {"以收藏品“鉴定拍卖”“托管增值”为名收取费用，承诺高价回购"});
                case OTHER -> new AreaProfile(4, 50, 30_000, new String[] {"商贸有限公司", "建筑工程有限公司"},
                        new String[] {"以“互助会”形式组织群众入会，承诺高额利息", "以工程垫资为名，向社会公众借款并承诺高额利息"});
            };
        }

        static int[] weights() {
            return Arrays.stream(KeyArea.values()).mapToInt(area -> of(area).weight()).toArray();
        }
    }

    /**
     * A legacy case's course in the demo.
     *
     * @param stageAtImport  the criminal stage it had reached before the ledger
     * @param reached        the stage it reaches by the end of 2025
     * @param secondInstance whether a second instance is on the way
     * @param closed         whether it is closed after its judgment
     * @param amountYuan     the amount raised, as the revision records it
     * @param participants   the participants, as the revision records them
     * @param provinces      other provinces it reaches
     * @param refundRounds   refund rounds paid
     */
    private record LegacyCourse(CriminalMilestone stageAtImport, CriminalMilestone reached, boolean secondInstance,
                                boolean closed, long amountYuan, int participants, List<String> provinces,
                                int refundRounds) {
    }

    /**
     * The campaign's figures in force: the escalation thresholds and the verification time limit, as
     * {@code ledger.fundraising} sets them for the aggregates.
     *
     * @param escalationAmountFen     the amount from which a case is major
     * @param escalationParticipants  the participants from which a case is major
     * @param verificationWorkingDays working days a unit has to verify a clue
     */
    record Figures(long escalationAmountFen, int escalationParticipants, int verificationWorkingDays) {

        static Figures from(Environment environment) {
            Binder binder = Binder.get(environment);
            BigDecimal amountYuan = binder.bind("ledger.fundraising.escalation.amount-yuan", BigDecimal.class)
                    .orElse(new BigDecimal("5000000"));
            return new Figures(amountYuan.movePointRight(2).longValue(),
                    binder.bind("ledger.fundraising.escalation.participants", Integer.class).orElse(500),
                    binder.bind("ledger.fundraising.clue-verification.working-days", Integer.class).orElse(15));
        }

        /** Whether a case of this scale reaches a threshold; "from" includes the figure itself. */
        boolean major(Long amountFen, Integer participants) {
            return amountFen != null && amountFen >= escalationAmountFen
                    || participants != null && participants >= escalationParticipants;
        }
    }

    /**
     * What a run sent.
     *
     * @param clues       risk clues recorded
     * @param cases       disposal cases opened from them
     * @param legacyCases legacy cases imported
     * @param failures    each clue or case that stopped at a refused step, with the refusal
     */
    record Report(int clues, int cases, int legacyCases, List<String> failures) {

        int failed() {
            return failures.size();
        }
    }

    /** The part of the legacy-case file the demo reads; the command side's LegacyCases reads the same file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LegacyFile(int version, List<LegacyEntry> cases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LegacyEntry(String code, String divisionCode, String name, String printedAs, FundraisingSubject subject,
                       LegacyFilingAge filingAge, LocalDate approximateFilingDate) {
    }

    /** The part of the campaign calendar the demo reads: its dates and phases. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CampaignFile(LocalDate campaignFrom, LocalDate campaignTo, List<Phase> phases) {

        Phase phase(String code) {
            return phases.stream().filter(phase -> phase.code().equals(code)).findFirst()
                    .orElse(new Phase(code, LocalDate.MIN, LocalDate.MIN));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Phase(String code, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }
}
