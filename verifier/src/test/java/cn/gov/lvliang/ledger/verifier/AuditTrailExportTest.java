package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An audit-trail export binds every event line to the bundle on its last line: a line must be an event the bundle
 * proves, field for field; a line newer than the checkpoint is noted, not failed. The bundle is built here from a
 * log of five events, case {@code c-1} holding three of them, the way the ledger seals and signs.
 */
class AuditTrailExportTest {

    static final NotaryKey KEY = NotaryKey.generate(SignatureAlgorithm.ED25519);
    static final Set<HashAlgorithm> BOTH = EnumSet.allOf(HashAlgorithm.class);

    static final List<StoredEvent> LOG = List.of(
            event("other", 0, 10), event("c-1", 0, 11), event("other", 1, 12), event("c-1", 1, 13),
            event("c-1", 2, 14));

    @Test
    void anExportOfTheProvenEvents_verifies_andNotesALineNewerThanTheCheckpoint() {
        List<String> lines = caseLines();
        lines.add(line(event("c-1", 3, 15)));
        lines.add(Json.compact(bundle().toJson()));

        BundleVerifier.Report report = AuditTrailExport.parse(String.join("\n", lines)).verify(List.of(KEY), BOTH);

        assertThat(report.ok()).as(report.failures().toString()).isTrue();
        assertThat(report.checks()).contains("3 of 4 event line(s) of the export are events proven by the bundle");
        assertThat(report.warnings())
                .contains("1 event line(s) are newer than the checkpoint and not proven by it yet");
    }

    @Test
    void aLineThatDiffersFromItsProvenEvent_orThatTheBundleDoesNotHold_fails() {
        List<String> lines = caseLines();
        ObjectNode edited = (ObjectNode) Json.parse(lines.get(1));
        edited.putObject("payload").put("note", "edited");
        edited.put("recordedAt", "2025-03-03T01:30:13.000Z"); // the same instant, written otherwise: not a difference
        lines.set(1, edited.toString());
        lines.set(2, line(new StoredEvent(14, "forged", "c-1", 2, "BundleCase", "2025-03-03T01:30:14Z",
                "cn.gov.Forged", "1", "{}".getBytes(StandardCharsets.UTF_8), null)));
        lines.add(Json.compact(bundle().toJson()));

        BundleVerifier.Report report = AuditTrailExport.parse(String.join("\n", lines)).verify(List.of(KEY), BOTH);

        assertThat(report.ok()).isFalse();
        assertThat(report.failed()).extracting(BundleVerifier.Failure::code, BundleVerifier.Failure::sequenceNumber)
                .containsExactly(tuple("LINE_ALTERED", 1L), tuple("LINE_NOT_PROVEN", 2L));
        assertThat(report.failures().get(0)).endsWith("differs from the proven event in payload");
    }

    @Test
    void aBundleFailure_isLocatedAtItsEventsPositionAndSequence() {
        CaseBundle bundle = bundle();
        StoredEvent original = bundle.events().get(1).stored();
        CaseBundle.Event altered = new CaseBundle.Event(3, new StoredEvent(original.globalIndex(),
                original.eventIdentifier(), original.aggregateIdentifier(), original.sequenceNumber(), original.type(),
                original.timestamp(), original.payloadType(), original.payloadRevision(),
                "{\"n\":99}".getBytes(StandardCharsets.UTF_8), original.metadata()), bundle.events().get(1).proofs());
        List<CaseBundle.Event> events = new ArrayList<>(bundle.events());
        events.set(1, altered);

        BundleVerifier.Report report = BundleVerifier.verify(new CaseBundle(bundle.caseId(), bundle.exportedAt(),
                bundle.checkpoint(), bundle.publicKeys(), events, 0), List.of(KEY), BOTH);

        assertThat(report.failed()).extracting(BundleVerifier.Failure::code, BundleVerifier.Failure::position,
                        BundleVerifier.Failure::sequenceNumber)
                .contains(tuple("EVENT_ALTERED", 3L, 1L), tuple("NOT_INCLUDED", 3L, 1L));
    }

    // ---- the log, the bundle and the lines -----------------------------------------------------------------------

    private static StoredEvent event(String caseId, long sequence, long globalIndex) {
        return new StoredEvent(globalIndex, caseId + "-" + sequence, caseId, sequence, "BundleCase",
                "2025-03-03T01:30:" + globalIndex + "Z", "cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent", "1",
                ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8),
                "{\"requestId\":\"r\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** Case c-1's events in the log, in a checkpoint over the whole log, with their proofs. */
    private static CaseBundle bundle() {
        List<StoredEvent> log = LOG;
        Map<HashAlgorithm, MerkleTree> trees = new EnumMap<>(HashAlgorithm.class);
        Map<HashAlgorithm, byte[]> chains = new EnumMap<>(HashAlgorithm.class);
        Map<HashAlgorithm, byte[]> caseChains = new EnumMap<>(HashAlgorithm.class);
        List<Map<HashAlgorithm, byte[]>> caseChainAfter = new ArrayList<>();
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            trees.put(algorithm, new MerkleTree(algorithm));
        }
        for (StoredEvent event : log) {
            Map<HashAlgorithm, byte[]> after = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                LedgerHasher hasher = new LedgerHasher(algorithm);
                byte[] leaf = hasher.digest(event).leaf();
                trees.get(algorithm).append(leaf);
                chains.put(algorithm, hasher.chain(chains.get(algorithm), leaf));
                if (event.aggregateIdentifier().equals("c-1")) {
                    caseChains.put(algorithm, hasher.chain(caseChains.get(algorithm), leaf));
                }
                after.put(algorithm, caseChains.get(algorithm));
            }
            caseChainAfter.add(after);
        }
        Map<HashAlgorithm, byte[]> roots = new EnumMap<>(HashAlgorithm.class);
        trees.forEach((algorithm, tree) -> roots.put(algorithm, tree.root(log.size())));
        Checkpoint checkpoint = new Checkpoint("lvliang-case-ledger", "log-1", 1, log.size(), "2025-03-14T04:00:00Z",
                roots, chains, List.of()).signedBy(List.of(KEY));
        List<CaseBundle.Event> events = new ArrayList<>();
        for (int position = 0; position < log.size(); position++) {
            if (!log.get(position).aggregateIdentifier().equals("c-1")) {
                continue;
            }
            Map<HashAlgorithm, CaseBundle.Proof> proofs = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                MerkleTree tree = trees.get(algorithm);
                proofs.put(algorithm, new CaseBundle.Proof(tree.leaf(position),
                        caseChainAfter.get(position).get(algorithm), tree.inclusionProof(position, log.size())));
            }
            events.add(new CaseBundle.Event(position, log.get(position), proofs));
        }
        return new CaseBundle("c-1", "2025-03-14T04:00:00Z", checkpoint, List.of(KEY.publicOnly()), events, 0);
    }

    private static List<String> caseLines() {
        return LOG.stream().filter(event -> event.aggregateIdentifier().equals("c-1")).map(AuditTrailExportTest::line)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** An event as the query side's audit trail writes it, one line of the export. */
    private static String line(StoredEvent event) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("sequence", event.sequenceNumber());
        line.put("globalIndex", event.globalIndex());
        line.put("eventId", event.eventIdentifier());
        line.put("aggregateType", event.type());
        line.put("eventType", event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1));
        line.put("revision", event.payloadRevision());
        line.put("recordedAt", event.timestamp());
        line.set("payload", Json.parse(new String(event.payload(), StandardCharsets.UTF_8)));
        line.set("metadata", event.metadata() == null ? null
                : Json.parse(new String(event.metadata(), StandardCharsets.UTF_8)));
        return Json.compact(line);
    }
}
