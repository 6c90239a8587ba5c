package cn.gov.lvliang.ledger.events.bundle;

/**
 * Whether a bundle case is applied for by a natural person or by an enterprise; the catalog's subject of a bundle.
 */
public enum ApplicantKind {
    PERSON,
    ENTERPRISE
}
