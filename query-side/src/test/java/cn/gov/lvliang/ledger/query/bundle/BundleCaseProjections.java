package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bundle-case projection outside a Spring context, for tests that feed it events on a database of their own (H2
 * among them). Its applicants are their own data subjects, by identifier, and none is ever erased.
 */
public final class BundleCaseProjections {

    private BundleCaseProjections() {
    }

    /** The projection writing through {@code jdbc}; it is package-private to its feature, hence {@code Object}. */
    public static Object on(JdbcClient jdbc, Clock clock) {
        return new BundleCaseProjection(jdbc, clock, new NeverErased());
    }

    static final class NeverErased implements ApplicantSubjects {

        @Override
        public Optional<String> of(Applicant applicant) {
            return Optional.of("subject-" + applicant.identifier());
        }

        @Override
        public Set<String> erasedLockingKeys(Collection<String> subjects) {
            return Set.of();
        }

        @Override
        public void forget(String subject) {
        }
    }
}
