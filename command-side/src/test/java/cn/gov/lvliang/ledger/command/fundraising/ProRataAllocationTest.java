package cn.gov.lvliang.ledger.command.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.command.fundraising.ProRataAllocation.Claim;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The refund rule on its own: hand-worked examples, then properties checked over many deterministic random rounds
 * (fixed seed, so a failure repeats exactly).
 */
class ProRataAllocationTest {

    private static Claim fresh(String reference, long claimFen) {
        return new Claim(reference, claimFen, claimFen);
    }

    @Nested
    class HandWorkedExamples {

        @Test
        void anExactRound_needsNoRemainder() {
            // 600 fen over 300 + 200 + 100: quotas 300, 200, 100 exactly.
            assertThat(ProRataAllocation.allocate(600, List.of(fresh("A", 300), fresh("B", 200), fresh("C", 100))))
                    .containsExactly(300, 200, 100);
        }

        @Test
        void theOddFen_goesToTheLargestRemainder() {
            // 1000 fen over 70000, 50000, 30000: floors 466, 333, 200; remainders 100000, 50000, 0 (of 150000).
            assertThat(ProRataAllocation.allocate(1_000,
                    List.of(fresh("C", 30_000), fresh("A", 70_000), fresh("B", 50_000))))
                    .containsExactly(200, 467, 333);
        }

        @Test
        void equalRemainders_goToTheSmallerReferenceFirst() {
            // 11 fen over three claims of 100: floors 3 each, 2 fen left, equal remainders: C-1 and C-2.
            assertThat(ProRataAllocation.allocate(11, List.of(fresh("C-3", 100), fresh("C-1", 100), fresh("C-2", 100))))
                    .containsExactly(3, 4, 4);
        }

        @Test
        void references_compareAsStrings_soC10SortsBeforeC2() {
            // 1 fen over two equal claims: "C-10" < "C-2" by String.compareTo.
            assertThat(ProRataAllocation.allocate(1, List.of(fresh("C-2", 50), fresh("C-10", 50))))
                    .containsExactly(0, 1);
        }

        @Test
        void aShareThatWouldExceedWhatIsOwed_isCapped_andTheRestIsSharedAgain() {
            // A owed 49 of 100, B owed 50 of 100; 99 fen: floors 49 + 49, the odd fen to A (tie, smaller reference)
            // makes 50 > 49: A takes 49 and leaves, B takes the remaining 50.
            assertThat(ProRataAllocation.allocate(99, List.of(new Claim("A", 100, 49), new Claim("B", 100, 50))))
                    .containsExactly(49, 50);
        }

        @Test
        void aFullyRefundedClaim_takesNoPart() {
            // A owed nothing; B owed 300 of 300 takes all 150, although A's claim would weigh a quarter.
            assertThat(ProRataAllocation.allocate(150, List.of(new Claim("A", 100, 0), new Claim("B", 300, 300))))
                    .containsExactly(0, 150);
        }

        @Test
        void hugeAmounts_doNotOverflow() {
            // Claims of 9e13 fen (900 billion yuan) each: the products exceed a long, the shares do not.
            long claim = 90_000_000_000_000L;
            assertThat(ProRataAllocation.allocate(100_000_000_000_001L,
                    List.of(fresh("A", claim), fresh("B", claim), fresh("C", claim))))
                    .containsExactly(33_333_333_333_334L, 33_333_333_333_334L, 33_333_333_333_333L);
        }

        @Test
        void aRoundAboveWhatIsOwed_orBelowZero_isRefused() {
            assertThatThrownBy(() -> ProRataAllocation.allocate(301, List.of(fresh("A", 100), fresh("B", 200))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProRataAllocation.allocate(-1, List.of(fresh("A", 100))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Properties {

        private static final long SEED = 20_240_701L;
        private static final int ROUNDS = 3_000;

        @Test
        void sharesAddUpExactly_neverExceedWhatIsOwed_andIgnoreTheOrderOfTheClaims() {
            Random random = new Random(SEED);
            for (int round = 0; round < ROUNDS; round++) {
                List<Claim> claims = randomClaims(random, false);
                long owed = claims.stream().mapToLong(Claim::outstandingFen).sum();
                long total = owed == 0 ? 0 : Math.floorMod(random.nextLong(), owed + 1);

                long[] shares = ProRataAllocation.allocate(total, claims);

                long sum = 0;
                for (int i = 0; i < claims.size(); i++) {
                    assertThat(shares[i]).as("round %d, share %d", round, i)
                            .isBetween(0L, claims.get(i).outstandingFen());
                    sum += shares[i];
                }
                assertThat(sum).as("round %d", round).isEqualTo(total);

                List<Claim> shuffled = new ArrayList<>(claims);
                Collections.shuffle(shuffled, random);
                assertThat(byReference(shuffled, ProRataAllocation.allocate(total, shuffled)))
                        .as("round %d shuffled", round).isEqualTo(byReference(claims, shares));
            }
        }

        @Test
        void aFirstRound_isPlainLargestRemainder() {
            // With nothing refunded before, no cap binds: every share is its quota rounded down, plus one fen for
            // the largest remainders (ties by reference), and a larger claim never gets less than a smaller one.
            Random random = new Random(SEED + 1);
            for (int round = 0; round < ROUNDS; round++) {
                List<Claim> claims = randomClaims(random, true);
                long owed = claims.stream().mapToLong(Claim::outstandingFen).sum();
                long total = Math.floorMod(random.nextLong(), owed + 1);
                BigInteger weights = BigInteger.valueOf(owed);

                long[] shares = ProRataAllocation.allocate(total, claims);

                BigInteger lowestBonusRemainder = null;
                BigInteger highestPlainRemainder = null;
                for (int i = 0; i < claims.size(); i++) {
                    BigInteger[] quota = BigInteger.valueOf(total)
                            .multiply(BigInteger.valueOf(claims.get(i).claimFen())).divideAndRemainder(weights);
                    long extra = shares[i] - quota[0].longValueExact();
                    assertThat(extra).as("round %d, share %d", round, i).isBetween(0L, 1L);
                    if (extra == 1) {
                        lowestBonusRemainder = min(lowestBonusRemainder, quota[1]);
                    } else {
                        highestPlainRemainder = max(highestPlainRemainder, quota[1]);
                    }
                    for (int j = 0; j < claims.size(); j++) {
                        if (claims.get(i).claimFen() > claims.get(j).claimFen()) {
                            assertThat(shares[i]).as("round %d, %d vs %d", round, i, j).isGreaterThanOrEqualTo(shares[j]);
                        }
                    }
                }
                if (lowestBonusRemainder != null && highestPlainRemainder != null) {
                    assertThat(lowestBonusRemainder).as("round %d", round)
                            .isGreaterThanOrEqualTo(highestPlainRemainder);
                }
            }
        }

        @Test
        void roundAfterRound_theParticipantsAreRefundedInFull_andNeverBeyond() {
            Random random = new Random(SEED + 2);
            for (int run = 0; run < 300; run++) {
                List<Claim> claims = randomClaims(random, true);
                long[] refunded = new long[claims.size()];
                long owed = claims.stream().mapToLong(Claim::claimFen).sum();
                while (owed > 0) {
                    List<Claim> standing = new ArrayList<>();
                    for (int i = 0; i < claims.size(); i++) {
                        standing.add(new Claim(claims.get(i).participantReference(), claims.get(i).claimFen(),
                                claims.get(i).claimFen() - refunded[i]));
                    }
                    long total = 1 + Math.floorMod(random.nextLong(), owed);
                    long[] shares = ProRataAllocation.allocate(total, standing);
                    for (int i = 0; i < claims.size(); i++) {
                        refunded[i] += shares[i];
                        assertThat(refunded[i]).isLessThanOrEqualTo(claims.get(i).claimFen());
                    }
                    owed -= total;
                }
                for (int i = 0; i < claims.size(); i++) {
                    assertThat(refunded[i]).as("run %d, claim %d", run, i).isEqualTo(claims.get(i).claimFen());
                }
            }
        }

        /** 1 to 30 participants; claims from 1 fen to 10 million yuan, a third of them repeated to make ties. */
        private List<Claim> randomClaims(Random random, boolean fresh) {
            int count = 1 + random.nextInt(30);
            List<Claim> claims = new ArrayList<>();
            long previous = 1;
            for (int i = 0; i < count; i++) {
                long claim = random.nextInt(3) == 0 ? previous : 1 + Math.floorMod(random.nextLong(), 1_000_000_000L);
                previous = claim;
                long outstanding = fresh ? claim
                        : random.nextInt(5) == 0 ? 0 : 1 + Math.floorMod(random.nextLong(), claim);
                claims.add(new Claim(String.format("P-%04d", random.nextInt(10_000)) + "-" + i, claim, outstanding));
            }
            return claims;
        }

        private Map<String, Long> byReference(List<Claim> claims, long[] shares) {
            Map<String, Long> result = new HashMap<>();
            for (int i = 0; i < claims.size(); i++) {
                result.put(claims.get(i).participantReference(), shares[i]);
            }
            return result;
        }

        private BigInteger min(BigInteger a, BigInteger b) {
            return a == null ? b : a.min(b);
        }

        private BigInteger max(BigInteger a, BigInteger b) {
            return a == null ? b : a.max(b);
        }
    }
}
