package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.CaseBundle;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.HistoryChangedException;
import cn.gov.lvliang.ledger.verifier.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verifiable ledger over HTTP: checkpoints and the public keys that sign them, proofs, case bundles, and
 * verification of the whole ledger or of one case. docs/verifiable-ledger.md describes every format.
 */
@RestController
@RequestMapping("/api/ledger")
class NotaryController {

    private final Sealer sealer;
    private final Checkpoints checkpoints;
    private final NotaryKeys keys;
    private final LedgerProofs proofs;
    private final LedgerVerification verification;

    NotaryController(Sealer sealer, Checkpoints checkpoints, NotaryKeys keys, LedgerProofs proofs,
                     LedgerVerification verification) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.proofs = proofs;
        this.verification = verification;
    }

    /** Seals what has been committed now, without waiting for the interval. */
    @PostMapping("/seal")
    Map<String, Long> seal() {
        return Map.of("sealed", sealer.sealAll());
    }

    /** Makes a checkpoint now: 201 with the new one, or 200 with the latest if nothing was sealed since. */
    @PostMapping("/checkpoints")
    ResponseEntity<JsonNode> createCheckpoint() {
        sealer.sealAll();
        Optional<Checkpoint> made = checkpoints.create(false);
        if (made.isPresent()) {
            return ResponseEntity.created(URI.create("/api/ledger/checkpoints/" + made.get().id()))
                    .body(made.get().toJson());
        }
        return ResponseEntity.ok(checkpoints.latest().orElseThrow().toJson());
    }

    @GetMapping("/checkpoints")
    JsonNode listCheckpoints(@RequestParam(defaultValue = "100") int limit) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        checkpoints.list(Math.max(1, Math.min(limit, 10_000))).forEach(c -> list.add(c.toJson()));
        return list;
    }

    @GetMapping("/checkpoints/latest")
    JsonNode latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> new LedgerProofs.NoSuchCheckpointException(null)).toJson();
    }

    @GetMapping("/checkpoints/{id}")
    JsonNode checkpoint(@PathVariable long id) {
        return checkpoints.byId(id).orElseThrow(() -> new LedgerProofs.NoSuchCheckpointException(id)).toJson();
    }

    @GetMapping("/public-keys")
    List<PublicKey> publicKeys() {
        return keys.publicKeys().stream().map(k -> new PublicKey(k.keyId(), k.algorithm().label(), k.publicPem()))
                .toList();
    }

    record PublicKey(String keyId, String algorithm, String pem) {
    }

    /** Inclusion proof of one sealed event, by journal position or global index, in a checkpoint (default latest). */
    @GetMapping("/proofs/inclusion")
    LedgerProofs.InclusionProof inclusion(@RequestParam(required = false) Long position,
                                          @RequestParam(required = false) Long globalIndex,
                                          @RequestParam(required = false) Long checkpoint) {
        if ((position == null) == (globalIndex == null)) {
            throw new IllegalArgumentException("position or globalIndex: give exactly one");
        }
        return proofs.inclusion(position != null ? position : proofs.positionOf(globalIndex), checkpoint);
    }

    /** Proof that checkpoint {@code to} (default latest) extends checkpoint {@code from}. */
    @GetMapping("/proofs/consistency")
    JsonNode consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return proofs.consistency(from, to).toJson();
    }

    /**
     * Recomputes the whole ledger from the database. The optional body {@code {"checkpoints": [...]}} adds
     * checkpoints from an auditor's own archive. Always 200: the report's {@code ok} says whether it verified.
     */
    @PostMapping("/verification")
    JsonNode verify(@RequestParam(required = false) String algorithm,
                    @RequestBody(required = false) JsonNode body) {
        List<Checkpoint> auditorCheckpoints = new ArrayList<>();
        if (body != null && body.has("checkpoints")) {
            for (JsonNode c : body.get("checkpoints")) {
                auditorCheckpoints.add(Checkpoint.fromJson(c));
            }
        }
        return verification.verify(algorithm == null ? null : HashAlgorithm.of(algorithm), auditorCheckpoints)
                .toJson();
    }

    /** The case's audit trail with its proofs, for ledger-verifier.jar. */
    @GetMapping("/cases/{caseId}/bundle")
    ResponseEntity<JsonNode> bundle(@PathVariable String caseId) {
        CaseBundle bundle = proofs.bundle(caseId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("case-" + caseId.replaceAll("[^A-Za-z0-9._-]", "_") + "-bundle.json").build()
                        .toString())
                .body(bundle.toJson());
    }

    /** Whether the case verifies against the latest checkpoint (the audit-trail badge). */
    @GetMapping("/cases/{caseId}/verification")
    JsonNode verifyCase(@PathVariable String caseId) {
        return proofs.verifyCase(caseId).toJson();
    }

    @ExceptionHandler(LedgerProofs.NoSuchCheckpointException.class)
    ResponseEntity<ProblemDetail> noCheckpoint(LedgerProofs.NoSuchCheckpointException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("urn:lvliang-ledger:problem:not-found"));
        problem.setTitle("Checkpoint not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(HistoryChangedException.class)
    ResponseEntity<ProblemDetail> historyChanged(HistoryChangedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("urn:lvliang-ledger:problem:history-changed"));
        problem.setTitle("Ledger history changed; no checkpoint signed");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

}
