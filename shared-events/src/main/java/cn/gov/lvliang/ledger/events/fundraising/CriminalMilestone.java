package cn.gov.lvliang.ledger.events.fundraising;

/**
 * The milestones of the criminal path after the transfer to the police, in the order they must happen. Only the
 * second instance may be skipped: enforcement may follow the first-instance judgment directly.
 */
public enum CriminalMilestone {
    /** 立案: the police filed the case. */
    POLICE_FILED,
    /** 审查起诉: the case is with the procuratorate for review before prosecution. */
    PROSECUTION_REVIEW,
    /** 起诉: the procuratorate brought the prosecution. */
    INDICTED,
    /** 一审判决: the court of first instance gave judgment. */
    FIRST_INSTANCE_JUDGMENT,
    /** 二审: the court of second instance gave judgment. */
    SECOND_INSTANCE_JUDGMENT,
    /** 执行: enforcement of the judgment began. */
    ENFORCEMENT
}
