package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import cn.gov.lvliang.ledger.verifier.CaseProofs;
import cn.gov.lvliang.ledger.verifier.CaseVerification;
import cn.gov.lvliang.ledger.verifier.JournalTrees;
import cn.gov.lvliang.ledger.verifier.LedgerJournal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The proof of a case's audit trail against the ledger's latest signed checkpoint: the case bundle the exports carry
 * and the verification the case page's badge shows. Computed here, from the ledger's tables in the database both
 * sides share, with the verifier module's code, the same code the command side seals with and hands out bundles
 * with; the query side needs neither the command side nor its private keys, only the published public keys
 * ({@link NotaryPublicKeys}). It reads the case's journal entries and rows and catches its copy of the Merkle trees up
 * with what was sealed since its last use; the first use after a start reads every leaf once.
 */
@Component
public class AuditTrailProofs {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CaseProofs proofs = new CaseProofs(new JournalTrees());
    private final NotaryPublicKeys keys;
    private final MessageSource messages;
    private final Clock clock;

    AuditTrailProofs(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, NotaryPublicKeys keys,
                     MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.keys = keys;
        this.messages = messages;
        this.clock = clock;
    }

    /** The case's bundle and its verification; empty for a case the ledger has no event of. */
    public Optional<CaseProofs.Proof> of(String caseId) {
        return readOnly.execute(status -> jdbc.execute((ConnectionCallback<Optional<CaseProofs.Proof>>) connection ->
                proofs.prove(new LedgerJournal(connection), caseId, keys.keys(), clock.instant())));
    }

    /** The case page's badge: whether the case verifies, in words; empty for a case the ledger has no event of. */
    public Optional<ProofBadge> badge(String caseId, Locale locale) {
        return of(caseId).map(proof -> badge(proof.verification(), locale));
    }

    ProofBadge badge(CaseVerification verification, Locale locale) {
        return ProofBadge.of(verification, messages, locale);
    }

    /** The case's proof, or 404 for a case the ledger has no event of. */
    CaseProofs.Proof required(String caseId) {
        return of(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
    }
}
