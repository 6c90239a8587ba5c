package cn.gov.lvliang.ledger.query.audit;

import java.util.Map;

/**
 * What each event type means, in the words of the Lvliang programmes, for auditors who do not read class names.
 * A type not listed here (a new one, or one of an aggregate still to come) is shown by its name.
 */
final class EventLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("BundleCaseSubmittedEvent", "提交申请"),
            Map.entry("MaterialsRecordedEvent", "登记材料"),
            Map.entry("BundleCaseAcceptedEvent", "受理"),
            Map.entry("BundleCaseAcceptanceRefusedEvent", "不予受理"),
            Map.entry("SupplementRequestedEvent", "一次性告知补正材料"),
            Map.entry("SupplementSuppliedEvent", "补正材料到齐"),
            Map.entry("ItemDispatchedEvent", "事项分办"),
            Map.entry("ItemApprovedEvent", "事项准予"),
            Map.entry("ItemRejectedEvent", "事项不予"),
            Map.entry("AssistanceRecordedEvent", "帮办代办"),
            Map.entry("VisitRecordedEvent", "到现场办理"),
            Map.entry("BundleCaseConcludedEvent", "办结"),
            Map.entry("ResultDeliveredEvent", "送达结果"),
            Map.entry("BundleCaseWithdrawnEvent", "撤回申请"),
            Map.entry("BundleCaseTransferredEvent", "转办"),
            Map.entry("ComplaintLodgedEvent", "“办不成事”反映"),
            Map.entry("ComplaintFollowedUpEvent", "反映跟进"),
            Map.entry("ComplaintResolvedEvent", "反映办结"),
            Map.entry("ServiceRatedEvent", "好差评"),
            Map.entry("BundleCaseBecameOverdueEvent", "案件超期"),
            Map.entry("ItemBecameOverdueEvent", "事项超期"),
            Map.entry("BundleCatalogPublishedEvent", "发布事项清单"),
            Map.entry("ReferenceDataPublishedEvent", "发布基础数据"),
            Map.entry("RiskClueRecordedEvent", "登记风险线索"),
            Map.entry("RiskClueVerificationAssignedEvent", "交办核查"),
            Map.entry("RiskClueVerificationBecameOverdueEvent", "核查超期"),
            Map.entry("RiskClueVerifiedEvent", "核查完成"),
            Map.entry("RiskClueMarkedDuplicateEvent", "标记重复线索"),
            Map.entry("RiskClueReporterRewardedEvent", "举报奖励"),
            Map.entry("RiskClueTakenIntoCaseEvent", "线索纳入案件"),
            Map.entry("DisposalCaseOpenedEvent", "立案处置"),
            Map.entry("LegacyCaseImportedEvent", "导入存量案件"),
            Map.entry("DisposalCaseScaleRevisedEvent", "修订涉案规模"),
            Map.entry("DisposalCaseEscalatedEvent", "提级处置"),
            Map.entry("DisposalCaseDeterminedEvent", "研判定性"),
            Map.entry("DisposalCaseMarkedCrossProvinceEvent", "登记跨省情况"),
            Map.entry("MeasureOrderedEvent", "部署处置措施"),
            Map.entry("MeasureFollowedUpEvent", "措施跟进"),
            Map.entry("MeasureCompletedEvent", "措施完成"),
            Map.entry("DisposalCaseTransferredToPoliceEvent", "移送公安"),
            Map.entry("CriminalMilestoneRecordedEvent", "刑事办案节点"),
            Map.entry("DisposalPlanAdoptedEvent", "通过处置方案"),
            Map.entry("PlanMilestoneCompletedEvent", "完成方案节点"),
            Map.entry("AssetRecoveredEvent", "追赃挽损"),
            Map.entry("ParticipantsRegisteredEvent", "集资参与人登记"),
            Map.entry("RefundRoundPaidEvent", "清退兑付"),
            Map.entry("PetitionReceivedEvent", "接收信访"),
            Map.entry("PetitionHandledEvent", "办理信访"),
            Map.entry("DisposalCaseClosedEvent", "结案"),
            Map.entry("CampaignCalendarPublishedEvent", "发布工作日历"),
            Map.entry("ScoringRubricPublishedEvent", "发布考核评分细则"),
            Map.entry("ScoreCardIssuedEvent", "签发考核评分表"),
            Map.entry("ScoreCardAdjustedEvent", "考核人工调整"),
            Map.entry("ScoreCardAppealLodgedEvent", "提出考核申诉"),
            Map.entry("ScoreCardAppealDecidedEvent", "考核申诉决定"));

    private EventLabels() {
    }

    static String of(String eventType) {
        return LABELS.getOrDefault(eventType, eventType);
    }
}
