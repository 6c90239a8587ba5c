package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Chinese words the statistics tables print for the codes the events carry, following the plan's wording
 * (吕政办发〔2024〕20号) where it has one.
 */
final class FundraisingLabels {

    private static final Map<ClueSource, String> SOURCES = new EnumMap<>(Map.of(
            ClueSource.ONLINE_MONITORING, "线上监测",
            ClueSource.OFFLINE_SCREENING, "线下排查",
            ClueSource.PUBLIC_REPORT, "群众举报",
            ClueSource.ABNORMAL_FUND_FLOW, "资金异动监测",
            ClueSource.GRID_WORKER, "网格员排查",
            ClueSource.PETITION, "信访反映"));

    private static final Map<KeyArea, String> KEY_AREAS = new EnumMap<>(Map.ofEntries(
            Map.entry(KeyArea.INVESTMENT_INTERMEDIARY, "民间投融资中介"),
            Map.entry(KeyArea.THIRD_PARTY_WEALTH_MANAGEMENT, "第三方财富管理"),
            Map.entry(KeyArea.FAKE_PRIVATE_EQUITY, "“伪私募”"),
            Map.entry(KeyArea.FAKE_EXCHANGE, "“伪金交所”"),
            Map.entry(KeyArea.ILLEGAL_FINANCIAL_INTERMEDIARY, "金融领域非法中介"),
            Map.entry(KeyArea.WEALTH_MANAGEMENT, "理财"),
            Map.entry(KeyArea.EQUITY_CROWDFUNDING, "股权众筹"),
            Map.entry(KeyArea.ELDERLY_CARE, "养老"),
            Map.entry(KeyArea.AGRICULTURE, "涉农"),
            Map.entry(KeyArea.TRADE_SERVICES, "商贸服务"),
            Map.entry(KeyArea.WHOLESALE_RETAIL, "批发零售"),
            Map.entry(KeyArea.VIRTUAL_CURRENCY, "虚拟货币"),
            Map.entry(KeyArea.BLOCKCHAIN, "区块链"),
            Map.entry(KeyArea.CULTURE_TOURISM, "文化旅游"),
            Map.entry(KeyArea.FILM_INVESTMENT, "影视投资"),
            Map.entry(KeyArea.DEBT_RESOLUTION, "解债服务"),
            Map.entry(KeyArea.STATE_LINK_FRONT, "假冒、挂靠央企国企等"),
            Map.entry(KeyArea.PROPERTY_REGISTRATION_FRONT, "“产登公司”"),
            Map.entry(KeyArea.AUCTION_FRONT, "“拍卖公司”"),
            Map.entry(KeyArea.OTHER, "其他")));

    private static final Map<MeasureKind, String> MEASURES = new EnumMap<>(Map.of(
            MeasureKind.WARNING_TALK, "警示约谈",
            MeasureKind.RECTIFICATION_ORDER, "责令整改",
            MeasureKind.SEIZURE, "查封扣押",
            MeasureKind.ORDERED_REFUND, "责令监督清退",
            MeasureKind.FINE_OR_WARNING, "罚款警告"));

    private static final Map<CriminalMilestone, String> MILESTONES = new EnumMap<>(Map.of(
            CriminalMilestone.POLICE_FILED, "公安立案",
            CriminalMilestone.PROSECUTION_REVIEW, "审查起诉",
            CriminalMilestone.INDICTED, "提起公诉",
            CriminalMilestone.FIRST_INSTANCE_JUDGMENT, "一审判决",
            CriminalMilestone.SECOND_INSTANCE_JUDGMENT, "二审判决",
            CriminalMilestone.ENFORCEMENT, "执行"));

    private static final Map<DeterminationOutcome, String> OUTCOMES = new EnumMap<>(Map.of(
            DeterminationOutcome.ILLEGAL_FUNDRAISING, "非法集资",
            DeterminationOutcome.SUSPECTED_CRIME, "涉嫌犯罪",
            DeterminationOutcome.NOT_ILLEGAL_FUNDRAISING, "不属于非法集资"));

    private static final Map<CaseResolution, String> RESOLUTIONS = new EnumMap<>(Map.of(
            CaseResolution.CLOSED_AFTER_JUDGMENT, "判决后结案",
            CaseResolution.CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL, "行政处置后结案",
            CaseResolution.NO_ILLEGAL_FUNDRAISING, "不属于非法集资",
            CaseResolution.MERGED, "并案处理",
            CaseResolution.OTHER, "其他"));

    private static final Map<LegacyFilingAge, String> FILING_AGES = new EnumMap<>(Map.of(
            LegacyFilingAge.THREE_TO_FIVE_YEARS, "立案3年以上5年以下",
            LegacyFilingAge.UNDER_THREE_YEARS, "立案3年以下"));

    private FundraisingLabels() {
    }

    static String of(ClueSource source) {
        return source == null ? null : SOURCES.get(source);
    }

    static String of(KeyArea keyArea) {
        return keyArea == null ? null : KEY_AREAS.get(keyArea);
    }

    static String of(MeasureKind kind) {
        return kind == null ? null : MEASURES.get(kind);
    }

    static String of(CriminalMilestone milestone) {
        return milestone == null ? null : MILESTONES.get(milestone);
    }

    static String of(DeterminationOutcome outcome) {
        return outcome == null ? null : OUTCOMES.get(outcome);
    }

    static String of(CaseResolution resolution) {
        return resolution == null ? null : RESOLUTIONS.get(resolution);
    }

    static String of(LegacyFilingAge age) {
        return age == null ? null : FILING_AGES.get(age);
    }
}
