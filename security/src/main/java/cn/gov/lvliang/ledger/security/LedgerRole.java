package cn.gov.lvliang.ledger.security;

/**
 * What a user of the ledger does. A role comes with a scope: the unit the user acts for and the county they are
 * limited to (none for city-wide users).
 */
public enum LedgerRole {
    /** Takes bundle-case steps at a window, for their own unit and county. 窗口工作人员 */
    WINDOW_CLERK("窗口工作人员"),
    /** Decides the items of their own unit. 责任单位经办人员 */
    UNIT_OFFICER("责任单位经办人员"),
    /** Works on fundraising clues and cases for their county or the city. 打非办工作人员 */
    CAMPAIGN_OFFICER("打非办工作人员"),
    /** Reads dashboards and cases for the city or one county. 督查人员 */
    SUPERVISOR("督查人员"),
    /** Reads everything, including audit trails, as-of states and exports; writes nothing. 审计人员 */
    AUDITOR("审计人员"),
    /** Scores counties and units, adjusts scores and decides appeals. 考核人员 */
    INSPECTOR("考核人员"),
    /** Publishes catalog and rubric versions and runs replays. 系统管理员 */
    ADMIN("系统管理员"),
    /**
     * An integration account that imports history from the units' own systems: it names the acting unit of each
     * step itself, and every event records that the import account acted. 历史数据导入
     */
    IMPORTER("历史数据导入");

    private final String label;

    LedgerRole(String label) {
        this.label = label;
    }

    /** The role's name as users see it. */
    public String label() {
        return label;
    }

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
