package cn.gov.lvliang.ledger.events.fundraising;

/**
 * What kind of party a clue or case is about; the plan speaks of 企业、组织单位或个人.
 */
public enum SubjectKind {
    /** A company or other registered enterprise. */
    ENTERPRISE,
    /** An organisation or unit that is not an enterprise (组织单位). */
    ORGANIZATION,
    /** A natural person. */
    PERSON
}
