package cn.gov.lvliang.ledger.events.bundle;

/**
 * A material the applicant did not have to submit.
 *
 * @param name  the material's name
 * @param basis how it was obtained instead
 */
public record WaivedMaterial(String name, WaiverBasis basis) {
}
