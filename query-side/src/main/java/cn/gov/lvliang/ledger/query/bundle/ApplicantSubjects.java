package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The data subject behind a case's applicant (docs/personal-data.md), as far as the read model needs it to follow
 * erasures: which subject a row belongs to, and whether that subject was erased meanwhile.
 */
interface ApplicantSubjects {

    /** The applicant's subject reference; empty when the applicant's data already reads as erased. */
    Optional<String> of(Applicant applicant);

    /**
     * Which of these subjects' data was erased, holding their keys locked until the caller's transaction ends, so that
     * an erasure cannot commit between this answer and the caller's commit.
     */
    Set<String> erasedLockingKeys(Collection<String> subjects);

    /** Drops the subject's keys from this node's cache after an erasure. */
    void forget(String subject);
}
