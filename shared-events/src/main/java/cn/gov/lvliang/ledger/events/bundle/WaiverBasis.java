package cn.gov.lvliang.ledger.events.bundle;

/** How the government obtained a material itself, so that the applicant did not have to submit it (免予提交). */
public enum WaiverBasis {
    /** An electronic licence or certificate (电子证照). */
    E_LICENCE,
    /** Data sharing between departments (数据共享). */
    DATA_SHARING,
    /** Supplied by showing the Lvliang code (吕梁码). */
    LVLIANG_CODE
}
