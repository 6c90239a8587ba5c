package cn.gov.lvliang.ledger.query.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure checks of a batch's submissions: one check for all the subjects the batch names, made at the first
 * question, whose answers hold until the transaction ends. The subjects' keys are a fake here that records the checks;
 * {@code ApplicantKeyLockTest} checks the locks the real ones take on PostgreSQL.
 */
class ErasureChecksTest {

    final RecordingSubjects subjects = new RecordingSubjects(Set.of("s-erased"));
    /** Here an event's payload is the subject it names; a payload that is no String names none. */
    final ErasureChecks checks = new ErasureChecks(subjects,
            message -> message.getPayload() instanceof String subject ? subject : null);
    final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")));

    @Test
    void inABatch_theFirstQuestion_checksEverySubjectTheBatchNames_atOnce() {
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("s-1"),
                GenericEventMessage.asEventMessage(42), GenericEventMessage.asEventMessage("s-erased"),
                GenericEventMessage.asEventMessage("s-1")));

        List<Boolean> answers = transactions.execute(status -> batch.executeWithResult(() -> List.of(
                checks.erased("s-1"), checks.erased("s-erased"), checks.erased("s-1"))).getPayload());

        assertThat(answers).containsExactly(false, true, false);
        assertThat(subjects.checks).containsExactly(List.of("s-1", "s-erased"));
    }

    @Test
    void aSubjectTheBatchDoesNotName_isCheckedOnItsOwn_once() {
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("s-1")));

        List<Boolean> answers = transactions.execute(status -> batch.executeWithResult(() -> List.of(
                checks.erased("s-1"), checks.erased("s-erased"), checks.erased("s-erased"))).getPayload());

        assertThat(answers).containsExactly(false, true, true);
        assertThat(subjects.checks).containsExactly(List.of("s-1"), List.of("s-erased"));
    }

    @Test
    void theAnswersEndWithTheirTransaction_theNextOneChecksAgain() {
        transactions.executeWithoutResult(status -> checks.erased("s-1"));
        subjects.erased.add("s-1"); // erased between the two transactions

        Boolean erasedNow = transactions.execute(status -> checks.erased("s-1"));

        assertThat(erasedNow).isTrue();
        assertThat(subjects.checks).containsExactly(List.of("s-1"), List.of("s-1"));
    }

    @Test
    void outsideATransaction_everyQuestionIsACheck() {
        assertThat(checks.erased("s-erased")).isTrue();
        assertThat(checks.erased("s-erased")).isTrue();

        assertThat(subjects.checks).containsExactly(List.of("s-erased"), List.of("s-erased"));
    }

    /** Subjects erased as given; records each check's subjects in their order. */
    static final class RecordingSubjects implements ApplicantSubjects {

        final List<List<String>> checks = new ArrayList<>();
        final Set<String> erased;

        RecordingSubjects(Set<String> erased) {
            this.erased = new HashSet<>(erased);
        }

        @Override
        public Optional<String> of(Applicant applicant) {
            return Optional.of(applicant.identifier());
        }

        @Override
        public Set<String> erasedLockingKeys(Collection<String> subjects) {
            checks.add(List.copyOf(subjects));
            return subjects.stream().filter(erased::contains).collect(Collectors.toSet());
        }

        @Override
        public void forget(String subject) {
        }
    }
}
