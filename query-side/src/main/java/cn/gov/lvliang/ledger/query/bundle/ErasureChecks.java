package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.query.rebuild.RowBuffer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether applicants were erased while their submissions were on the way to the read model, asked of
 * {@link ApplicantSubjects} for all the subjects of the processor's batch at once: one statement for a batch, not
 * one for each case it submits. The check locks the subjects' keys until the transaction ends, so an answer holds
 * for the rest of the transaction and is kept for it; a subject the batch did not name is checked when asked about.
 * Outside a transaction (tests feeding the projection directly) every question is a check of its own.
 */
final class ErasureChecks {

    private final ApplicantSubjects subjects;
    private final Function<Message<?>, String> subjectOf;

    /**
     * @param subjectOf the subject whose data an event writes into the read model, or null; it should look at the
     *                  payload only for events that carry such data (a batch holds others, whose payloads need not
     *                  be deserialized)
     */
    ErasureChecks(ApplicantSubjects subjects, Function<Message<?>, String> subjectOf) {
        this.subjects = subjects;
        this.subjectOf = subjectOf;
    }

    /** Whether the subject's data was erased; the subject's keys stay locked until the current transaction ends. */
    boolean erased(String subject) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return subjects.erasedLockingKeys(List.of(subject)).contains(subject);
        }
        Answers answers = (Answers) TransactionSynchronizationManager.getResource(this);
        if (answers == null) {
            answers = new Answers();
            TransactionSynchronizationManager.bindResource(this, answers);
            TransactionSynchronizationManager.registerSynchronization(answers);
            answers.check(RowBuffer.ofTheBatch(subjectOf));
        }
        if (!answers.checked.contains(subject)) {
            answers.check(List.of(subject));
        }
        return answers.erased.contains(subject);
    }

    /** One transaction's answers, forgotten when it ends. */
    private final class Answers implements TransactionSynchronization {

        private final Set<String> checked = new HashSet<>();
        private final Set<String> erased = new HashSet<>();

        void check(Collection<String> batch) {
            if (!batch.isEmpty()) {
                erased.addAll(subjects.erasedLockingKeys(batch));
                checked.addAll(batch);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ErasureChecks.this);
        }
    }
}
