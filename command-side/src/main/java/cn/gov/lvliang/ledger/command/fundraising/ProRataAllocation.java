package cn.gov.lvliang.ledger.command.fundraising;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Shares a refund round among the participants pro rata to their claims, exactly in fen, by the largest-remainder
 * (Hamilton) method with caps:
 * <ol>
 *   <li>Only participants still owed something take part; with {@code R} the amount still to share (at first the
 *       round's total) and {@code C} the sum of the claims of those taking part, each takes
 *       {@code floor(R * claim / C)}.</li>
 *   <li>The fen left over, fewer than the participants, go one each to the largest remainders {@code R * claim mod C};
 *       equal remainders go to the smaller participant reference first ({@link String#compareTo}).</li>
 *   <li>If a share now exceeds what its participant is still owed, every such participant receives exactly what it is
 *       owed and leaves; {@code R} falls by those amounts and steps 1 and 2 are repeated for the rest.</li>
 * </ol>
 * The shares add up to the round's total exactly, none is negative, none exceeds what is owed, and the result does not
 * depend on the order the claims are given in. Products are computed as {@link BigInteger}s, so no amount overflows.
 */
final class ProRataAllocation {

    private ProRataAllocation() {
    }

    /**
     * One participant's standing before the round.
     *
     * @param participantReference the participant's register number, the tie-breaker
     * @param claimFen             the registered claim, the weight of the share; at least 1
     * @param outstandingFen       what is still owed: the claim less what earlier rounds paid; 0 to take no part
     */
    record Claim(String participantReference, long claimFen, long outstandingFen) {

        Claim {
            Objects.requireNonNull(participantReference, "participantReference");
            if (claimFen < 1 || outstandingFen < 0 || outstandingFen > claimFen) {
                throw new IllegalArgumentException("a claim needs 0 <= outstanding <= claim and claim >= 1, was "
                        + outstandingFen + " of " + claimFen + " for " + participantReference);
            }
        }
    }

    /**
     * Shares {@code totalFen} among the claims.
     *
     * @param totalFen the round's total; 0 up to the sum of what is outstanding
     * @param claims   the participants, references unique
     * @return each participant's share in fen, in the order of {@code claims}
     * @throws IllegalArgumentException if the total is negative or exceeds what is outstanding
     */
    static long[] allocate(long totalFen, List<Claim> claims) {
        long outstanding = claims.stream().mapToLong(Claim::outstandingFen).sum();
        if (totalFen < 0 || totalFen > outstanding) {
            throw new IllegalArgumentException("a round of " + totalFen + " fen cannot be shared over " + outstanding
                    + " fen outstanding");
        }
        long[] shares = new long[claims.size()];
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (claims.get(i).outstandingFen() > 0) {
                active.add(i);
            }
        }
        // Sorted by reference once, so that the stable sort by remainder below breaks ties by reference.
        active.sort(Comparator.comparing(i -> claims.get(i).participantReference()));
        long remaining = totalFen;
        while (!active.isEmpty()) {
            long[] tentative = hamilton(remaining, active, claims);
            List<Integer> capped = new ArrayList<>();
            for (int k = 0; k < active.size(); k++) {
                if (tentative[k] > claims.get(active.get(k)).outstandingFen()) {
                    capped.add(active.get(k));
                }
            }
            if (capped.isEmpty()) {
                for (int k = 0; k < active.size(); k++) {
                    shares[active.get(k)] = tentative[k];
                }
                return shares;
            }
            for (int i : capped) {
                shares[i] = claims.get(i).outstandingFen();
                remaining -= shares[i];
            }
            active.removeAll(capped);
        }
        return shares;
    }

    /** Plain largest-remainder shares of {@code amount} over {@code active} (sorted by reference), uncapped. */
    private static long[] hamilton(long amount, List<Integer> active, List<Claim> claims) {
        BigInteger total = BigInteger.valueOf(amount);
        BigInteger weights = BigInteger.ZERO;
        for (int i : active) {
            weights = weights.add(BigInteger.valueOf(claims.get(i).claimFen()));
        }
        long[] shares = new long[active.size()];
        BigInteger[] remainders = new BigInteger[active.size()];
        long allocated = 0;
        for (int k = 0; k < active.size(); k++) {
            BigInteger[] quotient = total.multiply(BigInteger.valueOf(claims.get(active.get(k)).claimFen()))
                    .divideAndRemainder(weights);
            shares[k] = quotient[0].longValueExact();
            remainders[k] = quotient[1];
            allocated += shares[k];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int k = 0; k < active.size(); k++) {
            byRemainder.add(k);
        }
        byRemainder.sort((a, b) -> remainders[b].compareTo(remainders[a]));
        long leftover = amount - allocated;
        for (int n = 0; n < leftover; n++) {
            shares[byRemainder.get(n)]++;
        }
        return shares;
    }
}
