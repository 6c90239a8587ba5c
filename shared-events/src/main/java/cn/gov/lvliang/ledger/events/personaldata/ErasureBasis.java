package cn.gov.lvliang.ledger.events.personaldata;

/**
 * Why personal data was erased: the grounds for deletion of the Personal Information Protection Law, art. 47
 * (个人信息保护法 第四十七条).
 */
public enum ErasureBasis {
    /** The purpose was achieved, cannot be achieved, or the data is no longer necessary for it (第一项). */
    PURPOSE_ACHIEVED,
    /** The service ended or the retention period expired (第二项). */
    RETENTION_EXPIRED,
    /** The person withdrew consent (第三项). */
    CONSENT_WITHDRAWN,
    /** The data was processed in breach of law or agreement (第四项). */
    UNLAWFUL_PROCESSING,
    /** Another case that laws or administrative regulations provide for (第五项). */
    OTHER_STATUTORY
}
