package cn.gov.lvliang.ledger.verifier;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case's proof, from the database: its bundle (the events the latest checkpoint covers, as stored now, with the
 * leaves and case chain the journal sealed and their inclusion proofs) and whether it verifies. Cheap enough for
 * every page view: it reads the case's journal entries and rows, catches the Merkle trees up with what was sealed
 * since the last call, and hashes only the case's own events, never the whole log.
 *
 * <p>The verification is the bundle verifier's own, so that the page says what an auditor's
 * {@code ledger-verifier.jar} says of the exported bundle; and since the database knows more than a bundle can carry,
 * each row is also compared with what the journal sealed for it, which locates the first broken link the way
 * {@link DatabaseVerifier} does: the kind of tampering, its journal position and the case's sequence number. That
 * also catches what a bundle cannot show, such as the case's last event deleted.
 */
public final class CaseProofs {

    private static final HashAlgorithm LOCATING = HashAlgorithm.SHA_256;

    private final JournalTrees trees;

    public CaseProofs(JournalTrees trees) {
        this.trees = trees;
    }

    /** A case's bundle, and what verifying it says. */
    public record Proof(CaseBundle bundle, CaseVerification verification) {
    }

    /**
     * The case's proof against the latest checkpoint; empty when the ledger has no event of the case, sealed or not.
     * Call inside a read-only transaction.
     *
     * @param keys the ledger's public keys: handed out in the bundle, and trusted to check the checkpoint's signatures
     */
    public Optional<Proof> prove(LedgerJournal journal, String caseId, List<NotaryKey> keys, Instant now)
            throws SQLException {
        long stored = journal.storedEventCount(caseId);
        Checkpoint checkpoint = journal.latestCheckpoint().orElse(null);
        List<LedgerJournal.CaseEntry> entries = checkpoint == null ? List.of()
                : journal.caseEntries(caseId, checkpoint.size());
        if (stored == 0 && entries.isEmpty()) {
            return Optional.empty();
        }
        List<CaseBundle.Event> events = checkpoint == null ? List.of()
                : trees.read(journal, current -> events(entries, current, checkpoint.size()));
        List<NotaryKey> publicKeys = keys.stream().map(NotaryKey::publicOnly).toList();
        CaseBundle bundle = new CaseBundle(caseId, now.toString(), checkpoint, publicKeys, events,
                Math.max(0, stored - events.size()));
        return Optional.of(new Proof(bundle, verify(bundle, entries, publicKeys, now)));
    }

    /** The covered events whose rows are still there (a deleted row leaves a gap), each with its proofs. */
    private static List<CaseBundle.Event> events(List<LedgerJournal.CaseEntry> entries,
                                                 Map<HashAlgorithm, MerkleTree> trees, long size) {
        List<CaseBundle.Event> events = new ArrayList<>();
        for (LedgerJournal.CaseEntry entry : entries) {
            if (entry.event() == null) {
                continue;
            }
            Map<HashAlgorithm, CaseBundle.Proof> proofs = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                MerkleTree tree = trees.get(algorithm);
                if (tree.size() >= size) { // else the journal is shorter than the checkpoint: no proof to give
                    proofs.put(algorithm, new CaseBundle.Proof(tree.leaf(entry.position()),
                            entry.sealed().get(algorithm).caseChain(), tree.inclusionProof(entry.position(), size)));
                }
            }
            events.add(new CaseBundle.Event(entry.position(), entry.event(), proofs));
        }
        return events;
    }

    private static CaseVerification verify(CaseBundle bundle, List<LedgerJournal.CaseEntry> entries,
                                           List<NotaryKey> keys, Instant now) {
        BundleVerifier.Report report = BundleVerifier.verify(bundle, keys, EnumSet.allOf(HashAlgorithm.class));
        Checkpoint checkpoint = bundle.checkpoint();
        List<Finding> local = checkpoint == null ? List.of() : compareWithJournal(bundle.caseId(), entries);
        CaseVerification.Status status;
        Finding first = null;
        if (checkpoint == null) {
            status = CaseVerification.Status.NOT_YET_CHECKPOINTED;
        } else if (!local.isEmpty() || !report.ok()) {
            status = CaseVerification.Status.FAILED;
            first = local.isEmpty() ? located(report, checkpoint, bundle.caseId(), entries) : local.get(0);
        } else {
            status = bundle.uncoveredEvents() > 0 ? CaseVerification.Status.NOT_YET_CHECKPOINTED
                    : CaseVerification.Status.VERIFIED;
        }
        Map<HashAlgorithm, byte[]> heads = new EnumMap<>(HashAlgorithm.class);
        if (!entries.isEmpty()) {
            entries.get(entries.size() - 1).sealed().forEach((algorithm, sealed) ->
                    heads.put(algorithm, sealed.caseChain()));
        }
        List<String> failures = new ArrayList<>(local.stream().map(Finding::toText).toList());
        failures.addAll(report.failures());
        return new CaseVerification(bundle.caseId(), status, now.toString(), checkpoint, bundle.events().size(),
                bundle.uncoveredEvents(), heads, first, report.checks(), failures);
    }

    /**
     * Each sealed event of the case compared with what the journal sealed for it: the case chain over the sealed
     * leaves, the row still there, its leaf, and if that differs, which fields. In position order.
     */
    private static List<Finding> compareWithJournal(String caseId, List<LedgerJournal.CaseEntry> entries) {
        LedgerHasher hasher = new LedgerHasher(LOCATING);
        Map<Long, LedgerJournal.CaseEntry> bySequence = new HashMap<>();
        entries.forEach(entry -> bySequence.put(entry.sequenceNumber(), entry));
        List<Finding> findings = new ArrayList<>();
        byte[] caseChain = LedgerHasher.GENESIS;
        for (LedgerJournal.CaseEntry entry : entries) {
            LedgerJournal.Sealed sealed = entry.sealed().get(LOCATING);
            byte[] linked = hasher.chain(caseChain, sealed.leaf());
            if (!Arrays.equals(linked, sealed.caseChain())) {
                findings.add(at(entry, caseId, Tampering.JOURNAL_ALTERED, null, "the journal's case chain value "
                        + "does not follow from the case's previous event"));
            }
            caseChain = sealed.caseChain() == null ? linked : sealed.caseChain();
            StoredEvent event = entry.event();
            if (event == null) {
                findings.add(at(entry, caseId, Tampering.ROW_DELETED, null, "the event row sealed at this position "
                        + "is gone"));
                continue;
            }
            EventDigests digests = hasher.digest(event);
            if (Arrays.equals(digests.leaf(), sealed.leaf())) {
                continue;
            }
            if (caseId.equals(event.aggregateIdentifier()) && event.sequenceNumber() == entry.sequenceNumber()) {
                findings.add(DatabaseVerifier.fieldsChanged(event, digests, entry.position(), entry.globalIndex(),
                        entry.timestamp(), sealed.payloadDigest(), sealed.metadataDigest()));
                continue;
            }
            LedgerJournal.CaseEntry moved = caseId.equals(event.aggregateIdentifier())
                    ? bySequence.get(event.sequenceNumber()) : null;
            if (moved != null && Arrays.equals(digests.leaf(), moved.sealed().get(LOCATING).leaf())) {
                findings.add(at(entry, caseId, Tampering.ROWS_REORDERED, null, "global index "
                        + entry.globalIndex() + " now holds #" + event.sequenceNumber() + ", which was sealed at "
                        + "position " + moved.position() + " (global index " + moved.globalIndex() + ")"));
            } else {
                findings.add(at(entry, caseId, Tampering.HEADER_CHANGED, List.of("header"), "global index "
                        + entry.globalIndex() + " now holds " + event.aggregateIdentifier() + " #"
                        + event.sequenceNumber() + " instead of the sealed event"));
            }
        }
        return findings;
    }

    private static Finding at(LedgerJournal.CaseEntry entry, String caseId, Tampering kind, List<String> fields,
                              String detail) {
        return new Finding(kind, entry.position(), entry.globalIndex(), caseId, entry.sequenceNumber(), null, fields,
                detail);
    }

    /**
     * The bundle verifier's earliest failure on an event (failing that, its first failure) as a finding: a proof
     * that does not lead to the signed root means the journal no longer matches the checkpoint; a broken link
     * between the journal's own values, that the journal was altered.
     */
    private static Finding located(BundleVerifier.Report report, Checkpoint checkpoint, String caseId,
                                   List<LedgerJournal.CaseEntry> entries) {
        BundleVerifier.Failure failure = report.failed().stream()
                .filter(f -> f.position() != null)
                .min(Comparator.comparingLong(BundleVerifier.Failure::position))
                .orElse(report.failed().get(0));
        Tampering kind = switch (failure.code()) {
            case "SIGNATURE_INVALID" -> Tampering.CHECKPOINT_SIGNATURE_INVALID;
            case "NOT_INCLUDED", "NO_PROOF", "NO_ROOT", "NOT_COVERED" -> Tampering.CHECKPOINT_MISMATCH;
            default -> Tampering.JOURNAL_ALTERED;
        };
        Long globalIndex = failure.position() == null ? null : entries.stream()
                .filter(entry -> entry.position() == failure.position()).findFirst()
                .map(LedgerJournal.CaseEntry::globalIndex).orElse(null);
        boolean aboutCheckpoint = kind != Tampering.JOURNAL_ALTERED;
        return new Finding(kind, failure.position(), globalIndex, failure.position() == null ? null : caseId,
                failure.sequenceNumber(), aboutCheckpoint ? checkpoint.id() : null, null, failure.text());
    }
}
