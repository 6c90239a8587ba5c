package cn.gov.lvliang.ledger.query.bundle;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.personaldata.DataKeys;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock a projection takes on an applicant's keys while it writes the applicant's data, on PostgreSQL: shared
 * by the transactions that check the same applicant (a projection's segments, each writing a case of the same
 * person), exclusive against the erasure, which waits until they have committed and then masks what they wrote.
 */
@QuerySideTest
class ApplicantKeyLockTest {

    @Autowired
    DataKeys keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void checksOfOneApplicant_passEachOther_whileTheErasureWaitsForThem() throws Exception {
        String subject = "lock-test-" + UUID.randomUUID();
        keys.ensureLiveKeys(List.of(subject));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        try {
            Future<Boolean> first = threads.submit(() -> transaction.execute(status -> {
                boolean erased = keys.erasedLockingKeys(subject);
                firstHoldsTheLock.countDown();
                awaitQuietly(firstMayCommit);
                return erased;
            }));
            assertThat(firstHoldsTheLock.await(30, SECONDS)).isTrue();

            Future<Boolean> second = threads.submit(() -> transaction.execute(status ->
                    keys.erasedLockingKeys(subject)));
            assertThat(second.get(30, SECONDS)).as("a second check while the first holds its lock").isFalse();

            Future<Integer> erasure = threads.submit(() -> transaction.execute(status -> keys.destroy(subject)));
            awaitAnUpdateOfTheKeysWaitingOnALock();
            assertThat(erasure).isNotDone();

            firstMayCommit.countDown();
            assertThat(first.get(30, SECONDS)).isFalse();
            assertThat(erasure.get(30, SECONDS)).isEqualTo(1);
            assertThat(keys.erased(subject)).isTrue();
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aCheckOfABatchOfSubjects_answersEach_andHoldsOffTheirErasures() throws Exception {
        String live = "lock-test-live-" + UUID.randomUUID();
        String erased = "lock-test-erased-" + UUID.randomUUID();
        String renewed = "lock-test-renewed-" + UUID.randomUUID();
        String keyless = "lock-test-keyless-" + UUID.randomUUID();
        keys.ensureLiveKeys(List.of(live, erased, renewed));
        keys.destroy(erased);
        keys.destroy(renewed);
        keys.ensureLiveKeys(List.of(renewed)); // the subject applied again after its erasure, under a new key
        // More subjects than one statement checks, the erased one in the second: they sort before it.
        List<String> many = new ArrayList<>(IntStream.range(0, 600).mapToObj(n -> "lock-test-a-%03d".formatted(n))
                .toList());
        many.add(erased);

        assertThat(keys.erasedLockingKeys(List.of(live, erased, renewed, keyless))).containsExactly(erased);
        assertThat(keys.erasedLockingKeys(many)).containsExactly(erased);

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        try {
            Future<Set<String>> check = threads.submit(() -> transaction.execute(status -> {
                Set<String> answer = keys.erasedLockingKeys(List.of(live, renewed));
                checked.countDown();
                awaitQuietly(mayCommit);
                return answer;
            }));
            assertThat(checked.await(30, SECONDS)).isTrue();

            Future<Integer> erasure = threads.submit(() -> transaction.execute(status -> keys.destroy(renewed)));
            awaitAnUpdateOfTheKeysWaitingOnALock();
            assertThat(erasure).isNotDone();

            mayCommit.countDown();
            assertThat(check.get(30, SECONDS)).isEmpty();
            assertThat(erasure.get(30, SECONDS)).isEqualTo(1);
            assertThat(keys.erasedLockingKeys(List.of(live, renewed))).containsExactly(renewed);
        } finally {
            mayCommit.countDown();
            threads.shutdownNow();
        }
    }

    private void awaitAnUpdateOfTheKeysWaitingOnALock() {
        await("the erasure waits for the lock").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                          AND query LIKE '%UPDATE personal_data_key%'""")
                .query(Long.class).single() > 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
