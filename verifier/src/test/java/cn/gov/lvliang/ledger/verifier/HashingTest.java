package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashingTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm3_matchesTheStandardsExample() {
        HashAlgorithm.Hasher sm3 = HashAlgorithm.SM3.newHasher();
        sm3.update("abc".getBytes(StandardCharsets.US_ASCII));
        // GB/T 32905-2016, example 1
        assertThat(HEX.formatHex(sm3.digest()))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    static StoredEvent sample() {
        return new StoredEvent(7, "3f1c0c0e-6d7e-4a55-9b4f-0d3b1f5a2c11", "case-1", 2, "BundleCase",
                "2025-03-03T01:00:00.123Z", "cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent", "1",
                "{\"caseId\":\"case-1\",\"actingUnit\":\"吕梁\"}".getBytes(StandardCharsets.UTF_8), null);
    }

    /** The leaf encoding rebuilt byte by byte from the documented definition, independently of LedgerHasher. */
    @Test
    void leaf_isTheDocumentedEncoding() throws Exception {
        StoredEvent e = sample();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] payloadDigest = sha.digest(concat(new byte[] {3}, field(e.payload())));
        byte[] metadataDigest = sha.digest(new byte[] {3, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        byte[] input = concat(new byte[] {0},
                field(e.eventIdentifier().getBytes(StandardCharsets.UTF_8)),
                field(e.aggregateIdentifier().getBytes(StandardCharsets.UTF_8)),
                field(ByteBuffer.allocate(8).putLong(e.sequenceNumber()).array()),
                field(e.type().getBytes(StandardCharsets.UTF_8)),
                field(e.payloadType().getBytes(StandardCharsets.UTF_8)),
                field(e.payloadRevision().getBytes(StandardCharsets.UTF_8)),
                field(e.timestamp().getBytes(StandardCharsets.UTF_8)),
                payloadDigest, metadataDigest);
        EventDigests digests = new LedgerHasher(HashAlgorithm.SHA_256).digest(e);
        assertThat(digests.leaf()).isEqualTo(sha.digest(input));
        assertThat(digests.payloadDigest()).isEqualTo(payloadDigest);
        assertThat(digests.metadataDigest()).isEqualTo(metadataDigest);

        byte[] chain = sha.digest(concat(new byte[] {2}, new byte[32], digests.leaf()));
        assertThat(new LedgerHasher(HashAlgorithm.SHA_256).chain(null, digests.leaf())).isEqualTo(chain);
    }

    @Test
    void nullAndEmpty_areDifferentLeaves_andEveryFieldCounts() {
        LedgerHasher hasher = new LedgerHasher(HashAlgorithm.SM3);
        StoredEvent e = sample();
        byte[] leaf = hasher.digest(e).leaf();
        StoredEvent emptyMetadata = new StoredEvent(7, e.eventIdentifier(), e.aggregateIdentifier(), 2, e.type(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), new byte[0]);
        StoredEvent noType = new StoredEvent(7, e.eventIdentifier(), e.aggregateIdentifier(), 2, null,
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), null);
        StoredEvent otherSequence = new StoredEvent(7, e.eventIdentifier(), e.aggregateIdentifier(), 3, e.type(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), null);
        // Moving bytes between neighbouring fields changes the leaf: the length prefixes keep fields apart.
        StoredEvent shifted = new StoredEvent(7, e.eventIdentifier() + "c", "ase-1", 2, e.type(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), null);
        assertThat(hasher.digest(emptyMetadata).leaf()).isNotEqualTo(leaf);
        assertThat(hasher.digest(noType).leaf()).isNotEqualTo(leaf);
        assertThat(hasher.digest(otherSequence).leaf()).isNotEqualTo(leaf);
        assertThat(hasher.digest(shifted).leaf()).isNotEqualTo(leaf);
        // The global index is where the row sits, not what it says: it is not part of the leaf.
        StoredEvent moved = new StoredEvent(99, e.eventIdentifier(), e.aggregateIdentifier(), 2, e.type(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), null);
        assertThat(hasher.digest(moved).leaf()).isEqualTo(leaf);
    }

    private static byte[] field(byte[] bytes) {
        return concat(ByteBuffer.allocate(4).putInt(bytes.length).array(), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
