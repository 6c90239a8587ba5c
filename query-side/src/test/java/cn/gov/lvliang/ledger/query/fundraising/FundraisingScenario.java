package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LIULIN;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.WENSHUI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.anonymous;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.closed;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.completed;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.crossProvince;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.determined;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.duplicate;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.escalated;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.followedUp;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.imported;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.measure;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.milestone;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.named;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.opened;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.overdue;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.petition;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.petitionHandled;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.plan;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.planMilestoneCompleted;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.refunded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.registered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.revised;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.rewarded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.taken;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.transferred;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestone;
import cn.gov.lvliang.ledger.events.fundraising.RefundShare;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small campaign in two counties, 离石 (141102) and 文水 (141121), plus two of the plan's legacy cases, with every
 * figure of the statistics worked out by hand in {@link FundraisingStatisticsContract}. Every kind of clue and case
 * event occurs. Times are Beijing time; the period the tests use most is the first quarter of 2025, and three
 * clues sit on its edges: L1 at 00:30 on 1 January (in; still 31 December in UTC), W3 at 23:59 on 31 March (in), L5
 * at 00:30 on 1 April (out).
 *
 * <pre>
 * clue county source        recorded     verification                   then
 * L1   离石   PUBLIC_REPORT 01-01 00:30  RISK_CONFIRMED 01-10           into C1 01-15; reward 2,000.00 on 02-01
 * L2   离石   ONLINE        01-05        overdue 01-28, NO_RISK 02-03
 * L3   离石   OFFLINE       02-10        NEEDS_DETERMINATION 02-20      into C2 03-01
 * L4   离石   GRID_WORKER   03-20        assigned 03-21, overdue 04-11
 * L5   离石   ONLINE        04-01 00:30  -
 * L6   离石   PETITION      02-15        -                              duplicate of L1 on 02-16
 * W1   文水   ABNORMAL_FLOW 2024-12-20   RISK_CONFIRMED 01-08           into C3 01-20
 * W2   文水   PUBLIC_REPORT 03-05        RISK_CONFIRMED 03-25
 * W3   文水   GRID_WORKER   03-31 23:59  -
 *
 * case county opened  estimate (yuan, people)       what happened
 * C1   离石   01-15   1,200,000.00, 80               determined COUNTY illegal 01-25; warning talk 02-01 (done 02-05);
 *                                                    ordered refund 02-10 (open, followed up 03-01); recovered
 *                                                    300,000.00 on 02-20 and 100,000.00 on 04-02; claims 400,000.00
 *                                                    of 3 participants 02-25; refund round 120,000.00 on 03-10;
 *                                                    petition 03-01, handled 03-15
 * C2   离石   03-01   300,000.00, 20; 陕西            escalated DISPUTED 03-05; CITY suspected crime 03-12; transferred
 *                                                    03-15; police filed 03-28; 河北 added 04-03
 * C3   文水   01-20   5,000,000.00, 600              escalated by threshold 01-20; 河南 02-01; revised to
 *                                                    6,000,000.00, 650 on 02-10; CITY not illegal 02-28; plan 03-01,
 *                                                    milestones 03-10 (on time) and 03-18 (late); closed 03-20
 * LX   离石   legacy 141102-1 imported 01-10        plan 01-20; review 02-01; indicted 02-20; recovered 50,000.00
 *                                                    03-01; first-instance judgment 03-25; plan done 03-26; closed
 *                                                    03-30
 * LL   柳林   legacy 141125-1 imported 02-01        nothing else
 * </pre>
 *
 * <p>Public, since the audit tests fold the same clues and cases.
 */
public final class FundraisingScenario {

    public final String l1 = newId();
    public final String l2 = newId();
    public final String l3 = newId();
    public final String l4 = newId();
    public final String l5 = newId();
    public final String l6 = newId();
    public final String w1 = newId();
    public final String w2 = newId();
    public final String w3 = newId();
    public final String c1 = newId();
    public final String c2 = newId();
    public final String c3 = newId();
    public final String lxCode;
    public final String llCode;
    public final String lx;
    public final String ll;

    /** The scenario with the plan's legacy codes, for a database of the test's own. */
    public FundraisingScenario() {
        this("141102-1", "141125-1");
    }

    /**
     * The scenario with legacy codes of the test's choosing, for the shared test database: the plan's codes there
     * belong to the command side, whose import of a legacy case must find its id free.
     */
    public FundraisingScenario(String lxCode, String llCode) {
        this.lxCode = lxCode;
        this.llCode = llCode;
        this.lx = "legacy-" + lxCode;
        this.ll = "legacy-" + llCode;
    }

    /** Every event, each aggregate's in order. */
    public List<Object> events() {
        List<Object> events = new ArrayList<>();
        events.addAll(clues());
        events.addAll(c1());
        events.addAll(c2());
        events.addAll(c3());
        events.addAll(legacy());
        return events;
    }

    public List<Object> clues() {
        return List.of(
                recorded(l1, LISHI, ClueSource.PUBLIC_REPORT, KeyArea.ELDERLY_CARE, "吕梁康养服务有限公司", 100_000_000L,
                        anonymous(), beijing("2025-01-01T00:30")),
                assigned(l1, LISHI, LocalDate.of(2025, 1, 23), beijing("2025-01-02T10:00")),
                verified(l1, LISHI, VerificationOutcome.RISK_CONFIRMED, beijing("2025-01-10T10:00")),
                taken(l1, c1, LISHI, beijing("2025-01-15T10:00")),
                rewarded(l1, LISHI, 200_000L, beijing("2025-02-01T10:00")),

                recorded(l2, LISHI, ClueSource.ONLINE_MONITORING, KeyArea.VIRTUAL_CURRENCY, "离石链上数字科技有限公司",
                        null, null, beijing("2025-01-05T10:00")),
                assigned(l2, LISHI, LocalDate.of(2025, 1, 27), beijing("2025-01-06T10:00")),
                overdue(l2, LISHI, LocalDate.of(2025, 1, 27)),
                verified(l2, LISHI, VerificationOutcome.NO_RISK, beijing("2025-02-03T10:00")),

                recorded(l3, LISHI, ClueSource.OFFLINE_SCREENING, KeyArea.AGRICULTURE, "离石丰收农业专业合作社",
                        30_000_000L, null, beijing("2025-02-10T10:00")),
                assigned(l3, LISHI, LocalDate.of(2025, 3, 4), beijing("2025-02-11T10:00")),
                verified(l3, LISHI, VerificationOutcome.NEEDS_DETERMINATION, beijing("2025-02-20T10:00")),
                taken(l3, c2, LISHI, beijing("2025-03-01T11:00")),

                recorded(l4, LISHI, ClueSource.GRID_WORKER, KeyArea.TRADE_SERVICES, "离石惠民商贸有限公司", null, null,
                        beijing("2025-03-20T10:00")),
                assigned(l4, LISHI, LocalDate.of(2025, 4, 10), beijing("2025-03-21T10:00")),
                overdue(l4, LISHI, LocalDate.of(2025, 4, 10)),

                recorded(l5, LISHI, ClueSource.ONLINE_MONITORING, KeyArea.BLOCKCHAIN, "离石区块通科技有限公司", null,
                        null, beijing("2025-04-01T00:30")),

                recorded(l6, LISHI, ClueSource.PETITION, KeyArea.ELDERLY_CARE, "吕梁康养服务有限公司", null, named(),
                        beijing("2025-02-15T10:00")),
                duplicate(l6, l1, LISHI, beijing("2025-02-16T10:00")),

                recorded(w1, WENSHUI, ClueSource.ABNORMAL_FUND_FLOW, KeyArea.FAKE_PRIVATE_EQUITY, "文水鑫源私募基金管理有限公司",
                        500_000_000L, null, beijing("2024-12-20T10:00")),
                assigned(w1, WENSHUI, LocalDate.of(2025, 1, 14), beijing("2024-12-21T10:00")),
                verified(w1, WENSHUI, VerificationOutcome.RISK_CONFIRMED, beijing("2025-01-08T10:00")),
                taken(w1, c3, WENSHUI, beijing("2025-01-20T10:00")),

                recorded(w2, WENSHUI, ClueSource.PUBLIC_REPORT, KeyArea.WEALTH_MANAGEMENT, "文水财富管理咨询有限公司",
                        8_000_000L, named(), beijing("2025-03-05T10:00")),
                assigned(w2, WENSHUI, LocalDate.of(2025, 3, 27), beijing("2025-03-06T10:00")),
                verified(w2, WENSHUI, VerificationOutcome.RISK_CONFIRMED, beijing("2025-03-25T10:00")),

                recorded(w3, WENSHUI, ClueSource.GRID_WORKER, KeyArea.OTHER, "文水某养殖户", null, null,
                        beijing("2025-03-31T23:59")));
    }

    public List<Object> c1() {
        return List.of(
                opened(c1, LISHI, "吕梁康养服务有限公司涉嫌非法集资案", KeyArea.ELDERLY_CARE, List.of(l1), 120_000_000L, 80,
                        List.of(), beijing("2025-01-15T10:00")),
                determined(c1, DeterminationLevel.COUNTY, LISHI + "_GOV_OFFICE",
                        DeterminationOutcome.ILLEGAL_FUNDRAISING, beijing("2025-01-25T10:00")),
                measure(c1, "M1", MeasureKind.WARNING_TALK, LISHI, null, beijing("2025-02-01T10:00")),
                completed(c1, "M1", LISHI, beijing("2025-02-05T10:00")),
                measure(c1, "M2", MeasureKind.ORDERED_REFUND, LISHI, 40_000_000L, beijing("2025-02-10T10:00")),
                recovered(c1, 1, LISHI + "_GOV_OFFICE", 30_000_000L, 30_000_000L, beijing("2025-02-20T10:00")),
                registered(c1, 1, List.of(new ParticipantClaim("LS-2025-001", 20_000_000L),
                        new ParticipantClaim("LS-2025-002", 10_000_000L),
                        new ParticipantClaim("LS-2025-003", 10_000_000L)), 40_000_000L, beijing("2025-02-25T10:00")),
                followedUp(c1, "M2", LISHI, beijing("2025-03-01T09:00")),
                petition(c1, "PT-1", LISHI, 3, beijing("2025-03-01T10:00")),
                refunded(c1, 1, 12_000_000L, 30_000_000L, 0L, List.of(
                        new RefundShare("LS-2025-001", 20_000_000L, 0L, 6_000_000L),
                        new RefundShare("LS-2025-002", 10_000_000L, 0L, 3_000_000L),
                        new RefundShare("LS-2025-003", 10_000_000L, 0L, 3_000_000L)), beijing("2025-03-10T10:00")),
                petitionHandled(c1, "PT-1", LISHI, beijing("2025-03-15T10:00")),
                recovered(c1, 2, LISHI + "_GOV_OFFICE", 10_000_000L, 40_000_000L, beijing("2025-04-02T10:00")));
    }

    public List<Object> c2() {
        return List.of(
                opened(c2, LISHI, "离石丰收农业专业合作社涉嫌非法集资案", KeyArea.AGRICULTURE, List.of(l3), 30_000_000L, 20,
                        List.of("610000"), beijing("2025-03-01T11:00")),
                escalated(c2, LISHI + "_GOV_OFFICE", List.of(EscalationReason.DISPUTED), 30_000_000L, 20,
                        beijing("2025-03-05T10:00")),
                determined(c2, DeterminationLevel.CITY, "CITY_GOV_OFFICE", DeterminationOutcome.SUSPECTED_CRIME,
                        beijing("2025-03-12T10:00")),
                transferred(c2, LISHI, beijing("2025-03-15T10:00")),
                milestone(c2, CriminalMilestone.POLICE_FILED, LISHI + "_POLICE", beijing("2025-03-28T10:00")),
                crossProvince(c2, LISHI, List.of("130000"), List.of("130000", "610000"),
                        beijing("2025-04-03T10:00")));
    }

    public List<Object> c3() {
        PlanMilestone audit = new PlanMilestone(1, "完成资产核查", LocalDate.of(2025, 3, 10));
        PlanMilestone petitions = new PlanMilestone(2, "完成信访化解", LocalDate.of(2025, 3, 15));
        return List.of(
                opened(c3, WENSHUI, "文水鑫源私募基金管理有限公司涉嫌非法集资案", KeyArea.FAKE_PRIVATE_EQUITY, List.of(w1),
                        500_000_000L, 600, List.of(), beijing("2025-01-20T10:00")),
                escalated(c3, WENSHUI + "_GOV_OFFICE", List.of(EscalationReason.AMOUNT_OVER_THRESHOLD,
                        EscalationReason.PARTICIPANTS_OVER_THRESHOLD), 500_000_000L, 600, beijing("2025-01-20T10:00")),
                crossProvince(c3, WENSHUI, List.of("410000"), List.of("410000"), beijing("2025-02-01T10:00")),
                revised(c3, WENSHUI, 600_000_000L, 650, beijing("2025-02-10T10:00")),
                determined(c3, DeterminationLevel.CITY, "CITY_GOV_OFFICE", DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING,
                        beijing("2025-02-28T10:00")),
                plan(c3, WENSHUI + "_GOV_OFFICE", List.of(audit, petitions), beijing("2025-03-01T10:00")),
                planMilestoneCompleted(c3, audit, WENSHUI + "_GOV_OFFICE", beijing("2025-03-10T10:00")),
                planMilestoneCompleted(c3, petitions, WENSHUI + "_GOV_OFFICE", beijing("2025-03-18T10:00")),
                closed(c3, WENSHUI, CaseResolution.NO_ILLEGAL_FUNDRAISING, 0L, 0L, beijing("2025-03-20T10:00")));
    }

    public List<Object> legacy() {
        PlanMilestone judgment = new PlanMilestone(1, "一审宣判", LocalDate.of(2025, 3, 31));
        return List.of(
                imported(lx, lxCode, LISHI, "牛志明非法集资案", "离石牛志明非法集资案1起", beijing("2025-01-10T10:00")),
                plan(lx, "CITY_POLITICAL_LEGAL", List.of(judgment), beijing("2025-01-20T10:00")),
                milestone(lx, CriminalMilestone.PROSECUTION_REVIEW, "CITY_PROCURATORATE", beijing("2025-02-01T10:00")),
                milestone(lx, CriminalMilestone.INDICTED, "CITY_PROCURATORATE", beijing("2025-02-20T10:00")),
                recovered(lx, 1, "CITY_COURT", 5_000_000L, 5_000_000L, beijing("2025-03-01T10:00")),
                milestone(lx, CriminalMilestone.FIRST_INSTANCE_JUDGMENT, "CITY_COURT", beijing("2025-03-25T10:00")),
                planMilestoneCompleted(lx, judgment, "CITY_POLITICAL_LEGAL", beijing("2025-03-26T10:00")),
                closed(lx, LISHI, CaseResolution.CLOSED_AFTER_JUDGMENT, 5_000_000L, 0L, beijing("2025-03-30T10:00")),

                imported(ll, llCode, LIULIN, "李向阳非法集资案", "柳林李向阳、张龙照非法集资案2起",
                        beijing("2025-02-01T10:00")));
    }
}
