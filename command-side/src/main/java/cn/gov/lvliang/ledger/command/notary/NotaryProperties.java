package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.SignatureAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the verifiable ledger ({@code ledger.notary}); docs/verifiable-ledger.md explains each.
 *
 * @param schedule               whether this node seals and makes checkpoints on its own (off: only on request)
 * @param sealInterval           how often newly committed events are sealed into the journal
 * @param sealBatchSize          events sealed per transaction
 * @param gapWindow              how far below the highest sealed global index the sealer looks for late commits
 * @param maxCommitDelay         how long a transaction may take to commit; an unsealed older row below the sealed
 *                               frontier is not sealed but reported as inserted
 * @param checkpointInterval     how often a signed checkpoint is made (only when events were sealed since the last)
 * @param keyDirectory           where the signing keys are kept (generated at first start)
 * @param checkpointFile         the JSON-lines file every checkpoint is appended to, for auditors to archive
 * @param signatureAlgorithms    the keys checkpoints are signed with: Ed25519, SM2 or both
 * @param origin                 the log's name, part of every signed checkpoint
 * @param verificationAlgorithm  the hash algorithm POST /api/ledger/verification recomputes in by default
 */
@ConfigurationProperties("ledger.notary")
record NotaryProperties(
        @DefaultValue("true") boolean schedule,
        @DefaultValue("1s") Duration sealInterval,
        @DefaultValue("5000") int sealBatchSize,
        @DefaultValue("10000") long gapWindow,
        @DefaultValue("1m") Duration maxCommitDelay,
        @DefaultValue("1m") Duration checkpointInterval,
        @DefaultValue("./data/notary") Path keyDirectory,
        Path publicKeyDirectory,
        @DefaultValue("./data/notary/checkpoints.jsonl") Path checkpointFile,
        @DefaultValue({"Ed25519", "SM2"}) List<String> signatureAlgorithms,
        @DefaultValue("lvliang-case-ledger") String origin,
        @DefaultValue("SHA-256") String verificationAlgorithm) {

    List<SignatureAlgorithm> signers() {
        return signatureAlgorithms.stream().map(SignatureAlgorithm::of).distinct().toList();
    }

    HashAlgorithm defaultVerificationAlgorithm() {
        return HashAlgorithm.of(verificationAlgorithm);
    }
}
