package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.AssetRecoveredEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.CampaignPhase;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestoneRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseClosedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseDeterminedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEscalatedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseMarkedCrossProvinceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseScaleRevisedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseTransferredToPoliceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalPlanAdoptedEvent;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MeasureCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureFollowedUpEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.MeasureOrderedEvent;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantsRegisteredEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionHandledEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.events.fundraising.PetitionReceivedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestone;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestoneCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundRoundPaidEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundShare;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.ReportingDeadline;
import cn.gov.lvliang.ledger.events.fundraising.ResponsiblePerson;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueMarkedDuplicateEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueReporterRewardedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueTakenIntoCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationAssignedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerifiedEvent;
import cn.gov.lvliang.ledger.events.fundraising.StatisticalTable;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Events of the fundraising campaign for tests, with the real codes of Lvliang's divisions and units. Times are given
 * in Beijing time ({@link #beijing}), the way the statistics cut periods.
 */
public final class FundraisingTestData {

    public static final String LISHI = "141102";
    public static final String WENSHUI = "141121";
    public static final String LIULIN = "141125";
    public static final Instant CALENDAR_PUBLISHED = Instant.parse("2025-01-02T00:00:00Z");

    private FundraisingTestData() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A moment in Beijing time, e.g. {@code 2025-01-05T10:00}. */
    public static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessDay.ZONE).toInstant();
    }

    public static String lead(String division) {
        return division + "_GOV_OFFICE";
    }

    // ---- clues -------------------------------------------------------------------------------------------------

    public static RiskClueRecordedEvent recorded(String clueId, String division, ClueSource source, KeyArea keyArea,
                                          String subject, Long amountFen, Reporter reporter, Instant at) {
        return new RiskClueRecordedEvent(clueId, lead(division), source, division, keyArea,
                new FundraisingSubject(SubjectKind.ENTERPRISE, subject, "91141100MA0TEST" + "01X"),
                "以高额回报为诱饵吸收资金：" + subject, amountFen, amountFen == null ? null : 50, reporter, at);
    }

    public static Reporter anonymous() {
        return new Reporter(true, "SXFJ-2025-0042", null);
    }

    public static Reporter named() {
        return new Reporter(false, "SXFJ-2025-0077", "13900000000");
    }

    public static RiskClueVerificationAssignedEvent assigned(String clueId, String division, LocalDate due, Instant at) {
        return new RiskClueVerificationAssignedEvent(clueId, lead(division), division + "_MARKET_REGULATION", 15, due,
                at);
    }

    public static RiskClueVerificationBecameOverdueEvent overdue(String clueId, String division, LocalDate due) {
        return new RiskClueVerificationBecameOverdueEvent(clueId, division + "_MARKET_REGULATION", due,
                BusinessDay.startOf(due.plusDays(1)));
    }

    public static RiskClueVerifiedEvent verified(String clueId, String division, VerificationOutcome outcome, Instant at) {
        return new RiskClueVerifiedEvent(clueId, division + "_MARKET_REGULATION", outcome, "实地走访，调取合同及收款记录", at);
    }

    public static RiskClueMarkedDuplicateEvent duplicate(String clueId, String of, String division, Instant at) {
        return new RiskClueMarkedDuplicateEvent(clueId, of, lead(division), "同一主体重复举报", at);
    }

    public static RiskClueReporterRewardedEvent rewarded(String clueId, String division, long amountFen, Instant at) {
        return new RiskClueReporterRewardedEvent(clueId, lead(division), "SXFJ-2025-0042", true, amountFen, "举报属实",
                at);
    }

    public static RiskClueTakenIntoCaseEvent taken(String clueId, String caseId, String division, Instant at) {
        return new RiskClueTakenIntoCaseEvent(clueId, caseId, lead(division), at);
    }

    // ---- cases -------------------------------------------------------------------------------------------------

    public static DisposalCaseOpenedEvent opened(String caseId, String division, String name, KeyArea keyArea,
                                          List<String> clueIds, Long amountFen, Integer participants,
                                          List<String> provinces, Instant at) {
        return new DisposalCaseOpenedEvent(caseId, lead(division), division, name,
                new FundraisingSubject(SubjectKind.ENTERPRISE, name.replace("涉嫌非法集资案", ""), null), keyArea, clueIds,
                amountFen, participants, !provinces.isEmpty(), provinces, at);
    }

    public static LegacyCaseImportedEvent imported(String caseId, String code, String division, String name,
                                            String printedAs, Instant at) {
        return new LegacyCaseImportedEvent(caseId, code, 1, "CITY_POLITICAL_LEGAL", division, name, printedAs,
                new FundraisingSubject(SubjectKind.PERSON, name.replace("非法集资案", ""), null),
                LegacyFilingAge.THREE_TO_FIVE_YEARS, LocalDate.of(2020, 7, 1), true, CriminalMilestone.POLICE_FILED,
                at);
    }

    public static DisposalCaseScaleRevisedEvent revised(String caseId, String division, Long amountFen,
                                                 Integer participants, Instant at) {
        return new DisposalCaseScaleRevisedEvent(caseId, lead(division), amountFen, participants, "审计报告", at);
    }

    public static DisposalCaseEscalatedEvent escalated(String caseId, String unit, List<EscalationReason> reasons,
                                                Long amountFen, Integer participants, Instant at) {
        return new DisposalCaseEscalatedEvent(caseId, unit, reasons, amountFen, participants, 500_000_000L, 500,
                reasons.contains(EscalationReason.DISPUTED) ? "定性存在争议" : null, at);
    }

    public static DisposalCaseDeterminedEvent determined(String caseId, DeterminationLevel level, String unit,
                                                  DeterminationOutcome outcome, Instant at) {
        return new DisposalCaseDeterminedEvent(caseId, unit, level, outcome, "经调查，" + outcome.name(), at);
    }

    public static DisposalCaseMarkedCrossProvinceEvent crossProvince(String caseId, String division, List<String> added,
                                                              List<String> all, Instant at) {
        return new DisposalCaseMarkedCrossProvinceEvent(caseId, lead(division), added, all, "资金流向外省", at);
    }

    public static MeasureOrderedEvent measure(String caseId, String measureId, MeasureKind kind, String division,
                                       Long amountFen, Instant at) {
        return new MeasureOrderedEvent(caseId, measureId, kind, division + "_MARKET_REGULATION",
                at.atZone(BusinessDay.ZONE).toLocalDate().plusDays(30), amountFen, "责令当事人" + kind.name(), at);
    }

    public static MeasureFollowedUpEvent followedUp(String caseId, String measureId, String division, Instant at) {
        return new MeasureFollowedUpEvent(caseId, measureId, division + "_MARKET_REGULATION", "已督促整改", at);
    }

    public static MeasureCompletedEvent completed(String caseId, String measureId, String division, Instant at) {
        return new MeasureCompletedEvent(caseId, measureId, division + "_MARKET_REGULATION", "已落实", at);
    }

    public static DisposalCaseTransferredToPoliceEvent transferred(String caseId, String division, Instant at) {
        return new DisposalCaseTransferredToPoliceEvent(caseId, lead(division), division + "_POLICE", "随案移送证据材料", at);
    }

    public static CriminalMilestoneRecordedEvent milestone(String caseId, CriminalMilestone milestone, String unit,
                                                    Instant at) {
        return new CriminalMilestoneRecordedEvent(caseId, milestone, unit, "文书〔2025〕" + milestone.ordinal() + "号",
                null, at);
    }

    public static DisposalPlanAdoptedEvent plan(String caseId, String unit, List<PlanMilestone> milestones, Instant at) {
        return new DisposalPlanAdoptedEvent(caseId, unit, new ResponsiblePerson("王某", "县政府分管副县长"),
                "一案一策，明确时间表和路线图", milestones, at);
    }

    public static PlanMilestoneCompletedEvent planMilestoneCompleted(String caseId, PlanMilestone milestone, String unit,
                                                              Instant at) {
        return new PlanMilestoneCompletedEvent(caseId, milestone.seq(), milestone.name(), milestone.dueDate(), unit,
                "已完成", at);
    }

    public static AssetRecoveredEvent recovered(String caseId, int number, String unit, long amountFen, long totalFen,
                                         Instant at) {
        return new AssetRecoveredEvent(caseId, number, unit, AssetKind.BANK_DEPOSIT, amountFen, "冻结涉案账户资金",
                totalFen, at);
    }

    public static ParticipantsRegisteredEvent registered(String caseId, int batch, List<ParticipantClaim> participants,
                                                  long totalClaimsFen, Instant at) {
        long batchClaims = participants.stream().mapToLong(ParticipantClaim::claimFen).sum();
        return new ParticipantsRegisteredEvent(caseId, batch, "CITY_COURT", participants, batchClaims, totalClaimsFen,
                at);
    }

    public static RefundRoundPaidEvent refunded(String caseId, int round, long totalFen, long recoveredFen, long beforeFen,
                                         List<RefundShare> shares, Instant at) {
        return new RefundRoundPaidEvent(caseId, round, "CITY_COURT", totalFen, recoveredFen, beforeFen, shares,
                "按比例清退", at);
    }

    public static PetitionReceivedEvent petition(String caseId, String petitionId, String division, int petitioners,
                                          Instant at) {
        return new PetitionReceivedEvent(caseId, petitionId, division + "_PETITIONS", "XF-2025-001", petitioners,
                "要求加快清退进度", at);
    }

    public static PetitionHandledEvent petitionHandled(String caseId, String petitionId, String division, Instant at) {
        return new PetitionHandledEvent(caseId, petitionId, division + "_PETITIONS", PetitionOutcome.ANSWERED,
                "已解释清退安排", at);
    }

    public static DisposalCaseClosedEvent closed(String caseId, String division, CaseResolution resolution,
                                          long recoveredFen, long refundedFen, Instant at) {
        return new DisposalCaseClosedEvent(caseId, lead(division), resolution, null, "处置完毕", recoveredFen,
                refundedFen, at);
    }

    // ---- the calendar ------------------------------------------------------------------------------------------

    /** The campaign calendar as campaign-calendar-v1.json publishes it. */
    public static CampaignCalendarPublishedEvent calendar(int version) {
        return new CampaignCalendarPublishedEvent(CampaignCalendarPublishedEvent.CALENDAR_ID, version,
                "sha256-test-" + version, "吕政办发〔2024〕20号", LocalDate.of(2024, 6, 1), LocalDate.of(2025, 12, 31),
                List.of(
                        new CampaignPhase("DEPLOYMENT", "部署发动", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30),
                                false, "（一）部署发动（2024年6月）"),
                        new CampaignPhase("RISK_SCREENING", "风险排查", LocalDate.of(2024, 7, 1),
                                LocalDate.of(2024, 8, 31), true, "（二）风险排查（2024年7月-8月）"),
                        new CampaignPhase("CRACKDOWN_AND_DISPOSAL", "打击处置", LocalDate.of(2024, 9, 1),
                                LocalDate.of(2025, 12, 31), false, "（三）打击处置（2024年9月-2025年12月）"),
                        new CampaignPhase("RULE_BUILDING", "建章立制", LocalDate.of(2024, 10, 1),
                                LocalDate.of(2025, 12, 31), false, "（四）建章立制（2024年10月-2025年12月）"),
                        new CampaignPhase("CONSOLIDATION", "巩固提升", LocalDate.of(2025, 6, 1),
                                LocalDate.of(2025, 12, 31), false, "（五）巩固提升（2025年6月-12月）")),
                List.of(
                        new ReportingDeadline("WORK_PLAN", "工作方案、组织领导机制及联络员信息", LocalDate.of(2024, 7, 15), null,
                                null, "CITY_GOV_OFFICE", true, List.of()),
                        new ReportingDeadline("PROGRESS_2024_H2", "专项行动阶段性进展情况（2024年下半年）",
                                LocalDate.of(2025, 1, 15), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31),
                                "CITY_GOV_OFFICE", false, List.of(2, 3, 4)),
                        new ReportingDeadline("PROGRESS_2025_H1", "专项行动阶段性进展情况（2025年上半年）",
                                LocalDate.of(2025, 7, 15), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
                                "CITY_GOV_OFFICE", false, List.of(2, 3, 4)),
                        new ReportingDeadline("FINAL_SUMMARY", "专项行动工作总结材料", LocalDate.of(2025, 11, 21),
                                LocalDate.of(2024, 6, 1), LocalDate.of(2025, 11, 21), "CITY_GOV_OFFICE", true,
                                List.of(2, 3, 4))),
                List.of(
                        new StatisticalTable(2, "打击非法集资专项行动工作情况统计表"),
                        new StatisticalTable(3, "风险线索排查处置情况统计表"),
                        new StatisticalTable(4, "跨省（自治区、直辖市）案件（风险）信息统计表")),
                CALENDAR_PUBLISHED);
    }
}
