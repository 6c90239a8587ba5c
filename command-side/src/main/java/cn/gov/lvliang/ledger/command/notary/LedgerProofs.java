package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.CaseBundle;
import cn.gov.lvliang.ledger.verifier.CaseProofs;
import cn.gov.lvliang.ledger.verifier.CaseVerification;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.ConsistencyProof;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.Json;
import cn.gov.lvliang.ledger.verifier.JournalTrees;
import cn.gov.lvliang.ledger.verifier.MerkleTree;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Case bundles, inclusion and consistency proofs, all against signed checkpoints. A case's bundle and its
 * verification are the verifier module's {@link CaseProofs}, which the query side's audit trail uses too.
 */
@Component
class LedgerProofs {

    private final Journal journal;
    private final JournalTrees trees;
    private final CaseProofs caseProofs;
    private final Checkpoints checkpoints;
    private final NotaryKeys keys;
    private final Clock clock;

    LedgerProofs(Journal journal, JournalTrees trees, CaseProofs caseProofs, Checkpoints checkpoints, NotaryKeys keys,
                 Clock clock) {
        this.journal = journal;
        this.trees = trees;
        this.caseProofs = caseProofs;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The case's events covered by the latest checkpoint, as stored now, with the leaves and case chain the journal
     * sealed and their inclusion proofs. A row changed since sealing makes the bundle fail verification; a deleted
     * one leaves a gap in the sequence.
     */
    CaseBundle bundle(String caseId) {
        return proof(caseId).bundle();
    }

    /** What the audit-trail badge shows: does the case verify against the latest checkpoint? */
    CaseVerification verifyCase(String caseId) {
        return proof(caseId).verification();
    }

    private CaseProofs.Proof proof(String caseId) {
        return journal.read(ledger -> caseProofs.prove(ledger, caseId, keys.publicKeys(), clock.instant()))
                .orElseThrow(() -> new AggregateNotFoundException(caseId, "no events of case " + caseId));
    }

    /** Inclusion proof of the event at a journal position in a checkpoint (the latest when none is named). */
    InclusionProof inclusion(long position, Long checkpointId) {
        Checkpoint checkpoint = checkpoint(checkpointId);
        if (position < 0 || position >= checkpoint.size()) {
            throw new IllegalArgumentException("position " + position + " is not covered by checkpoint "
                    + checkpoint.id() + " (size " + checkpoint.size() + ")");
        }
        return journal.read(ledger -> trees.read(ledger, current -> {
            Map<String, InclusionProof.Path> paths = new LinkedHashMap<>();
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                MerkleTree t = current.get(algorithm);
                paths.put(algorithm.label(), new InclusionProof.Path(Json.hex(t.leaf(position)),
                        t.inclusionProof(position, checkpoint.size()).stream().map(Json::hex).toList()));
            }
            return new InclusionProof(position, checkpoint.size(), checkpoint.toJson(), paths);
        }));
    }

    record InclusionProof(long position, long treeSize, Object checkpoint, Map<String, Path> proofs) {
        record Path(String leaf, List<String> inclusionPath) {
        }
    }

    long positionOf(long globalIndex) {
        return journal.read(ledger -> ledger.positionOf(globalIndex)).orElseThrow(() ->
                new IllegalArgumentException("globalIndex " + globalIndex + " is not sealed"));
    }

    ConsistencyProof consistency(long fromId, Long toId) {
        Checkpoint from = checkpoint(fromId);
        Checkpoint to = checkpoint(toId);
        if (to.size() < from.size()) {
            throw new IllegalArgumentException("checkpoint " + to.id() + " is smaller than checkpoint " + from.id());
        }
        return journal.read(ledger -> trees.read(ledger, current -> {
            Map<HashAlgorithm, List<byte[]>> paths = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                paths.put(algorithm, current.get(algorithm).consistencyProof(from.size(), to.size()));
            }
            return new ConsistencyProof(from, to, paths);
        }));
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
}
