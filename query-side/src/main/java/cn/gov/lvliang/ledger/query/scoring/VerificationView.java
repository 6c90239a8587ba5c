package cn.gov.lvliang.ledger.query.scoring;

import java.util.List;

/**
 * An issued score card set against the score computed again now from the ledger under the card's rubric version.
 *
 * @param cardId         the card
 * @param reproduced     whether the computed score has the card's input hash and every one of its numbers
 * @param frozenHash     the card's input hash
 * @param recomputedHash the input hash of the facts now
 * @param differences    every number that differs, with its frozen and computed value; empty when reproduced
 */
public record VerificationView(String cardId, boolean reproduced, String frozenHash, String recomputedHash,
                               List<Difference> differences) {

    public VerificationView {
        differences = List.copyOf(differences);
    }

    /** A number of the card that the computation does not give again. */
    public record Difference(String field, String frozen, String recomputed) {
    }
}
