package cn.gov.lvliang.ledger.query.scoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One thing an indicator counted: a case, complaint, bundle, clue or petition, so that every figure can be traced to
 * the ledger's records.
 *
 * @param kind     what it is
 * @param id       its id: the case's, complaint's, clue's or petition's id, the bundle's code, the legacy case's code
 * @param caseId   the case it belongs to (the case itself for a case), or {@code null} (a bundle, a legacy case not
 *                 yet imported, a clue)
 * @param counted  whether it counts for the indicator (on time, resolved, waived, …) or only in its base
 * @param at       the time that placed it in the period (concluded, lodged, verified, …), if any
 * @param amount   what it adds to the numerator where that is not one: visits, days, a rating, waived materials,
 *                 recovered or refunded yuan
 * @param ofAmount what it adds to the denominator where that is not one: materials recorded, involved or recovered
 *                 yuan
 */
public record CountedItem(ItemKind kind, String id, String caseId, boolean counted, Instant at, BigDecimal amount,
                          BigDecimal ofAmount) {

    /** What a counted item is. */
    public enum ItemKind {
        BUNDLE_CASE,
        COMPLAINT,
        BUNDLE,
        CLUE,
        DISPOSAL_CASE,
        LEGACY_CASE,
        PETITION
    }
}
