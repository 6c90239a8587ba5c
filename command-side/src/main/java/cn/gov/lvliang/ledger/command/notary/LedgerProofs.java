package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.BundleVerifier;
import cn.gov.lvliang.ledger.verifier.CaseBundle;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.ConsistencyProof;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.MerkleTree;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Case bundles, inclusion and consistency proofs, all against signed checkpoints. */
@Component
class LedgerProofs {

    private final Journal journal;
    private final LedgerTree tree;
    private final Checkpoints checkpoints;
    private final NotaryKeys keys;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    LedgerProofs(Journal journal, LedgerTree tree, Checkpoints checkpoints, NotaryKeys keys, Clock clock,
                 PlatformTransactionManager transactionManager) {
        this.journal = journal;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The case's events covered by the latest checkpoint, as stored now, with the leaves and case chain the journal
     * sealed and their inclusion proofs. A row changed since sealing makes the bundle fail verification; a deleted
     * one leaves a gap in the sequence.
     */
    CaseBundle bundle(String caseId) {
        long stored = journal.storedEventCount(caseId);
        return readOnly.execute(status -> {
            Optional<Checkpoint> latest = checkpoints.latest();
            List<Journal.CaseEntry> entries = latest.map(c -> journal.caseEntries(caseId, c.size())).orElse(List.of());
            if (stored == 0 && entries.isEmpty()) {
                throw new AggregateNotFoundException(caseId, "no events of case " + caseId);
            }
            List<CaseBundle.Event> events = new ArrayList<>();
            if (latest.isPresent()) {
                Checkpoint checkpoint = latest.get();
                Map<HashAlgorithm, MerkleTree> trees = tree.caughtUp();
                for (Journal.CaseEntry entry : entries) {
                    if (entry.event() == null) {
                        continue; // the row is gone: the bundle shows the gap
                    }
                    Map<HashAlgorithm, CaseBundle.Proof> proofs = new EnumMap<>(HashAlgorithm.class);
                    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                        MerkleTree t = trees.get(algorithm);
                        proofs.put(algorithm, new CaseBundle.Proof(t.leaf(entry.position()),
                                entry.caseChain().get(algorithm), t.inclusionProof(entry.position(),
                                checkpoint.size())));
                    }
                    events.add(new CaseBundle.Event(entry.position(), entry.event(), proofs));
                }
            }
            return new CaseBundle(caseId, clock.instant().toString(), latest.orElse(null), keys.publicKeys(), events,
                    Math.max(0, stored - events.size()));
        });
    }

    /** What the audit-trail badge shows: does the case verify against the latest checkpoint? */
    CaseVerification verifyCase(String caseId) {
        CaseBundle bundle = bundle(caseId);
        BundleVerifier.Report report = BundleVerifier.verify(bundle, keys.publicKeys(),
                EnumSet.allOf(HashAlgorithm.class));
        String status;
        if (bundle.checkpoint() == null || (bundle.events().isEmpty() && report.failures().isEmpty())) {
            status = "NOT_YET_CHECKPOINTED";
        } else {
            status = report.ok() ? "VERIFIED" : "FAILED";
        }
        Checkpoint c = bundle.checkpoint();
        return new CaseVerification(caseId, status,
                c == null ? null : new CaseVerification.CheckpointRef(c.id(), c.size(), c.time()),
                bundle.events().size(), bundle.uncoveredEvents(), report.checks(), report.failures());
    }

    /** The badge's answer. */
    record CaseVerification(String caseId, String status, CheckpointRef checkpoint, int eventsVerified,
                            long uncoveredEvents, List<String> checks, List<String> failures) {
        record CheckpointRef(long id, long size, String time) {
        }
    }

    /** Inclusion proof of the event at a journal position in a checkpoint (the latest when none is named). */
    InclusionProof inclusion(long position, Long checkpointId) {
        Checkpoint checkpoint = checkpoint(checkpointId);
        if (position < 0 || position >= checkpoint.size()) {
            throw new IllegalArgumentException("position " + position + " is not covered by checkpoint "
                    + checkpoint.id() + " (size " + checkpoint.size() + ")");
        }
        return readOnly.execute(status -> {
            Map<HashAlgorithm, MerkleTree> trees = tree.caughtUp();
            Map<String, InclusionProof.Path> paths = new java.util.LinkedHashMap<>();
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                MerkleTree t = trees.get(algorithm);
                paths.put(algorithm.label(), new InclusionProof.Path(hex(t.leaf(position)),
                        t.inclusionProof(position, checkpoint.size()).stream().map(LedgerProofs::hex).toList()));
            }
            return new InclusionProof(position, checkpoint.size(), checkpoint.toJson(), paths);
        });
    }

    record InclusionProof(long position, long treeSize, Object checkpoint, Map<String, Path> proofs) {
        record Path(String leaf, List<String> inclusionPath) {
        }
    }

    long positionOf(long globalIndex) {
        return journal.positionOfGlobalIndex(globalIndex).orElseThrow(() ->
                new IllegalArgumentException("globalIndex " + globalIndex + " is not sealed"));
    }

    ConsistencyProof consistency(long fromId, Long toId) {
        Checkpoint from = checkpoint(fromId);
        Checkpoint to = checkpoint(toId);
        if (to.size() < from.size()) {
            throw new IllegalArgumentException("checkpoint " + to.id() + " is smaller than checkpoint " + from.id());
        }
        return readOnly.execute(status -> {
            Map<HashAlgorithm, MerkleTree> trees = tree.caughtUp();
            Map<HashAlgorithm, List<byte[]>> paths = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                paths.put(algorithm, trees.get(algorithm).consistencyProof(from.size(), to.size()));
            }
            return new ConsistencyProof(from, to, paths);
        });
    }

    private Checkpoint checkpoint(Long id) {
        Optional<Checkpoint> found = id == null ? checkpoints.latest() : checkpoints.byId(id);
        return found.orElseThrow(() -> new NoSuchCheckpointException(id));
    }

    static final class NoSuchCheckpointException extends RuntimeException {
        NoSuchCheckpointException(Long id) {
            super(id == null ? "there is no checkpoint yet" : "no checkpoint " + id);
        }
    }

    private static String hex(byte[] bytes) {
        return cn.gov.lvliang.ledger.verifier.Json.hex(bytes);
    }
}
