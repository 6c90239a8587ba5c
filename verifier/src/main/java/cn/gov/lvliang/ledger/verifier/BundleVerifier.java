package cn.gov.lvliang.ledger.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Verifies a {@link CaseBundle} on its own: the checkpoint's signature, every event's leaf recomputed from its stored
 * fields, its inclusion in the checkpoint's tree, the case's sequence and its per-case chain.
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /** The outcome: every check made, in order, and the failures among them. */
    public record Report(boolean ok, List<String> checks, List<String> failures, List<String> warnings) {
    }

    /**
     * @param pinnedKeys the public keys the auditor trusts; when empty, the keys inside the bundle are used and a
     *                   warning says that this proves integrity, not who signed
     * @param algorithms the hash algorithms to check, each of which the checkpoint must carry
     */
    public static Report verify(CaseBundle bundle, Collection<NotaryKey> pinnedKeys, Set<HashAlgorithm> algorithms) {
        List<String> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Checkpoint checkpoint = bundle.checkpoint();
        if (checkpoint == null) {
            failures.add("NO_CHECKPOINT: the bundle has no checkpoint; no event of case " + bundle.caseId()
                    + " is covered by a signed checkpoint yet");
            return new Report(false, checks, failures, warnings);
        }
        Collection<NotaryKey> keys = pinnedKeys.isEmpty() ? bundle.publicKeys() : pinnedKeys;
        if (pinnedKeys.isEmpty()) {
            warnings.add("the public key was taken from the bundle itself: this proves the bundle is intact, not who "
                    + "signed it; compare the key id with the ledger's published key or pass --public-key");
        }
        Checkpoint.SignatureReport signatures = checkpoint.verifySignatures(keys);
        if (signatures.authentic()) {
            checks.add("checkpoint " + checkpoint.id() + " (size " + checkpoint.size() + ", " + checkpoint.time()
                    + ") is signed by " + String.join(", ", signatures.valid()));
        } else {
            failures.add("SIGNATURE_INVALID: checkpoint " + checkpoint.id() + " has no valid signature by a trusted key"
                    + " (valid " + signatures.valid() + ", invalid " + signatures.invalid() + ", unknown keys "
                    + signatures.unknownKeys() + ")");
        }
        if (!checkpoint.origin().isBlank()) {
            checks.add("log origin: " + checkpoint.origin());
        }

        long expectedSequence = 0;
        long lastPosition = -1;
        for (CaseBundle.Event event : bundle.events()) {
            StoredEvent e = event.stored();
            String where = "event " + e.aggregateIdentifier() + "#" + e.sequenceNumber() + " at position "
                    + event.position();
            if (!bundle.caseId().equals(e.aggregateIdentifier())) {
                failures.add("FOREIGN_EVENT: " + where + " belongs to another case than " + bundle.caseId());
            }
            if (e.sequenceNumber() != expectedSequence) {
                failures.add("SEQUENCE_GAP: " + where + " where sequence " + expectedSequence + " was expected");
            }
            expectedSequence = e.sequenceNumber() + 1;
            if (event.position() <= lastPosition) {
                failures.add("ORDER: " + where + " is not after position " + lastPosition);
            }
            lastPosition = event.position();
            if (event.position() >= checkpoint.size()) {
                failures.add("NOT_COVERED: " + where + " is beyond checkpoint size " + checkpoint.size());
            }
        }

        for (HashAlgorithm algorithm : algorithms) {
            byte[] root = checkpoint.roots().get(algorithm);
            if (root == null || root.length != HashAlgorithm.LENGTH) {
                failures.add("NO_ROOT: checkpoint " + checkpoint.id() + " has no " + algorithm.label() + " root");
                continue;
            }
            LedgerHasher hasher = new LedgerHasher(algorithm);
            byte[] caseChain = LedgerHasher.GENESIS;
            int verified = 0;
            for (CaseBundle.Event event : bundle.events()) {
                StoredEvent e = event.stored();
                String where = algorithm.label() + ": event " + e.aggregateIdentifier() + "#" + e.sequenceNumber()
                        + " at position " + event.position();
                CaseBundle.Proof proof = event.proofs().get(algorithm);
                byte[] leaf = hasher.digest(e).leaf();
                caseChain = hasher.chain(caseChain, leaf);
                if (proof == null) {
                    failures.add("NO_PROOF: " + where + " carries no proof");
                    continue;
                }
                boolean ok = true;
                if (!Arrays.equals(leaf, proof.leaf())) {
                    failures.add("EVENT_ALTERED: " + where + ": the leaf recomputed from the stored fields differs "
                            + "from the stated leaf");
                    ok = false;
                }
                if (!Merkle.verifyInclusion(algorithm, event.position(), checkpoint.size(), leaf,
                        proof.inclusionPath(), root)) {
                    failures.add("NOT_INCLUDED: " + where + " is not proven to be in checkpoint " + checkpoint.id());
                    ok = false;
                }
                if (!Arrays.equals(caseChain, proof.caseChain())) {
                    failures.add("CASE_CHAIN_BROKEN: " + where + ": the case chain does not link to the case's "
                            + "previous event");
                    ok = false;
                    caseChain = proof.caseChain() == null ? caseChain : proof.caseChain();
                }
                if (ok) {
                    verified++;
                }
            }
            checks.add(algorithm.label() + ": " + verified + " of " + bundle.events().size()
                    + " events recomputed and proven in checkpoint " + checkpoint.id()
                    + (bundle.events().isEmpty() ? "" : "; case chain head " + Json.hex(caseChain)));
        }
        if (bundle.uncoveredEvents() > 0) {
            warnings.add(bundle.uncoveredEvents() + " later event(s) of the case are not covered by this checkpoint");
        }
        return new Report(failures.isEmpty(), checks, failures, warnings);
    }
}
