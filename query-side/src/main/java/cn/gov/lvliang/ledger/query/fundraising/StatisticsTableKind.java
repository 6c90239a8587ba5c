package cn.gov.lvliang.ledger.query.fundraising;

import java.util.Arrays;
import java.util.Optional;

/** The statistics tables attached to 吕政办发〔2024〕20号 (online edition only), with their printed titles. */
public enum StatisticsTableKind {
    /** Attachment 2. */
    CAMPAIGN_WORK("campaign-work", 2, "打击非法集资专项行动工作情况统计表"),
    /** Attachment 3. */
    RISK_CLUES("risk-clues", 3, "风险线索排查处置情况统计表"),
    /** Attachment 4. */
    CROSS_PROVINCE("cross-province", 4, "跨省（自治区、直辖市）案件（风险）信息统计表");

    private final String path;
    private final int attachment;
    private final String title;

    StatisticsTableKind(String path, int attachment, String title) {
        this.path = path;
        this.attachment = attachment;
        this.title = title;
    }

    /** The table's name in the URL, e.g. {@code risk-clues}. */
    public String path() {
        return path;
    }

    public int attachment() {
        return attachment;
    }

    public String title() {
        return title;
    }

    /** The table named by a URL segment: its path or its attachment number. */
    static Optional<StatisticsTableKind> ofPath(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.path.equals(value) || String.valueOf(kind.attachment).equals(value))
                .findFirst();
    }
}
