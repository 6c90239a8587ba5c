package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import java.util.List;

/**
 * The target of §四(八) of 吕政办发〔2024〕20号: the six legacy cases (陈案积案) the plan prints, each to be resolved
 * (存量案件化解率要达到100%). The read model learns a case only when it is imported; this list is what it is measured
 * against, so that a case not yet imported counts as unresolved instead of leaving the denominator. Codes, names and
 * printed words are those of the command side's legacy-cases-v1.json (docs/fundraising.md, "Legacy cases").
 */
public final class LegacyCaseTargets {

    /** The resolution rate the plan demands. */
    static final String TARGET = "100%";

    public static final List<Expected> PLAN = List.of(
            new Expected("141125-1", "141125", "李向阳非法集资案", "柳林李向阳、张龙照非法集资案2起",
                    LegacyFilingAge.THREE_TO_FIVE_YEARS),
            new Expected("141125-2", "141125", "张龙照非法集资案", "柳林李向阳、张龙照非法集资案2起",
                    LegacyFilingAge.THREE_TO_FIVE_YEARS),
            new Expected("141102-1", "141102", "牛志明非法集资案", "离石牛志明非法集资案1起",
                    LegacyFilingAge.THREE_TO_FIVE_YEARS),
            new Expected("141182-1", "141182", "汾阳市柏汇置业有限公司非法集资案", "汾阳市柏汇置业有限公司非法集资案1起",
                    LegacyFilingAge.THREE_TO_FIVE_YEARS),
            new Expected("141182-2", "141182", "平遥冠宇房地产开发公司非法集资案", "汾阳平遥冠宇房地产开发公司非法集资案1起",
                    LegacyFilingAge.UNDER_THREE_YEARS),
            new Expected("141129-1", "141129", "朱爱清非法集资案", "中阳朱爱清非法集资案1起",
                    LegacyFilingAge.UNDER_THREE_YEARS));

    private LegacyCaseTargets() {
    }

    /** One legacy case as the plan prints it. */
    public record Expected(String code, String divisionCode, String name, String printedAs, LegacyFilingAge filingAge) {
    }
}
