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

    /** The outcome: every check made, in order, the failures among them, and notes that are not failures. */
    public record Report(boolean ok, List<String> checks, List<Failure> failed, List<String> warnings) {

        /** The failures as text, each starting with its code. */
        public List<String> failures() {
            return failed.stream().map(Failure::text).toList();
        }
    }

    /**
     * One failed check, located where it can be.
     *
     * @param code           what failed: {@code NO_CHECKPOINT}, {@code SIGNATURE_INVALID}, {@code FOREIGN_EVENT},
     *                       {@code SEQUENCE_GAP}, {@code ORDER}, {@code NOT_COVERED}, {@code NO_ROOT},
     *                       {@code NO_PROOF}, {@code EVENT_ALTERED}, {@code NOT_INCLUDED}, {@code CASE_CHAIN_BROKEN};
     *                       for an audit-trail export also {@code LINE_NOT_PROVEN} and {@code LINE_ALTERED}, for a
     *                       consistency proof {@code ORIGIN} and {@code INCONSISTENT}
     * @param position       the journal position of the event it concerns, if any
     * @param sequenceNumber the case sequence number of that event, if any
     * @param text           the failure in words, starting with the code
     */
    public record Failure(String code, Long position, Long sequenceNumber, String text) {

        static Failure of(String code, String detail) {
            return new Failure(code, null, null, code + ": " + detail);
        }

        static Failure at(String code, CaseBundle.Event event, String detail) {
            return new Failure(code, event.position(), event.stored().sequenceNumber(), code + ": " + detail);
        }
    }

    /**
     * @param pinnedKeys the public keys the auditor trusts; when empty, the keys inside the bundle are used and a
     *                   warning says that this proves integrity, not who signed
     * @param algorithms the hash algorithms to check, each of which the checkpoint must carry
     */
    public static Report verify(CaseBundle bundle, Collection<NotaryKey> pinnedKeys, Set<HashAlgorithm> algorithms) {
        List<String> checks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Checkpoint checkpoint = bundle.checkpoint();
        if (checkpoint == null) {
            failures.add(Failure.of("NO_CHECKPOINT", "the bundle has no checkpoint; no event of case "
                    + bundle.caseId() + " is covered by a signed checkpoint yet"));
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
            failures.add(Failure.of("SIGNATURE_INVALID", "checkpoint " + checkpoint.id() + " has no valid signature "
                    + "by a trusted key (valid " + signatures.valid() + ", invalid " + signatures.invalid()
                    + ", unknown keys " + signatures.unknownKeys() + ")"));
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
                failures.add(Failure.at("FOREIGN_EVENT", event, where + " belongs to another case than "
                        + bundle.caseId()));
            }
            if (e.sequenceNumber() != expectedSequence) {
                failures.add(Failure.at("SEQUENCE_GAP", event, where + " where sequence " + expectedSequence
                        + " was expected"));
            }
            expectedSequence = e.sequenceNumber() + 1;
            if (event.position() <= lastPosition) {
                failures.add(Failure.at("ORDER", event, where + " is not after position " + lastPosition));
            }
            lastPosition = event.position();
            if (event.position() >= checkpoint.size()) {
                failures.add(Failure.at("NOT_COVERED", event, where + " is beyond checkpoint size "
                        + checkpoint.size()));
            }
        }

        for (HashAlgorithm algorithm : algorithms) {
            byte[] root = checkpoint.roots().get(algorithm);
            if (root == null || root.length != HashAlgorithm.LENGTH) {
                failures.add(Failure.of("NO_ROOT", "checkpoint " + checkpoint.id() + " has no " + algorithm.label()
                        + " root"));
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
                    failures.add(Failure.at("NO_PROOF", event, where + " carries no proof"));
                    continue;
                }
                boolean ok = true;
                if (!Arrays.equals(leaf, proof.leaf())) {
                    failures.add(Failure.at("EVENT_ALTERED", event, where + ": the leaf recomputed from the stored "
                            + "fields differs from the stated leaf"));
                    ok = false;
                }
                if (!Merkle.verifyInclusion(algorithm, event.position(), checkpoint.size(), leaf,
                        proof.inclusionPath(), root)) {
                    failures.add(Failure.at("NOT_INCLUDED", event, where + " is not proven to be in checkpoint "
                            + checkpoint.id()));
                    ok = false;
                }
                if (!Arrays.equals(caseChain, proof.caseChain())) {
                    failures.add(Failure.at("CASE_CHAIN_BROKEN", event, where + ": the case chain does not link to "
                            + "the case's previous event"));
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
