package cn.gov.lvliang.ledger.verifier;

import java.nio.charset.StandardCharsets;

/**
 * The ledger's hash constructions in one algorithm (docs/verifiable-ledger.md, "Hashes"). Every input starts with a
 * domain-separation byte, as in RFC 6962: 0x00 leaf, 0x01 Merkle node, 0x02 chain link, 0x03 field digest.
 * Not thread-safe: one instance per thread.
 */
public final class LedgerHasher {

    public static final byte LEAF = 0x00;
    public static final byte NODE = 0x01;
    public static final byte CHAIN = 0x02;
    public static final byte FIELD = 0x03;

    /** The chain value before the first event, for the whole log and for every case: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[HashAlgorithm.LENGTH];

    private final HashAlgorithm algorithm;
    private final HashAlgorithm.Hasher hasher;
    private final byte[] lengthBuffer = new byte[4];

    public LedgerHasher(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.hasher = algorithm.newHasher();
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** Leaf hash and field digests of a stored event. */
    public EventDigests digest(StoredEvent event) {
        byte[] payload = fieldDigest(event.payload());
        byte[] metadata = fieldDigest(event.metadata());
        return new EventDigests(leaf(event, payload, metadata), payload, metadata);
    }

    /** H(0x03 || enc(bytes)); enc of SQL NULL is the length 0xFFFFFFFF and no bytes. */
    public byte[] fieldDigest(byte[] bytes) {
        hasher.update(FIELD);
        field(bytes);
        return hasher.digest();
    }

    /**
     * H(0x00 || enc(eventIdentifier) || enc(aggregateIdentifier) || enc(int64 sequenceNumber) || enc(type)
     * || enc(payloadType) || enc(payloadRevision) || enc(timestamp) || payloadDigest || metadataDigest).
     */
    public byte[] leaf(StoredEvent event, byte[] payloadDigest, byte[] metadataDigest) {
        hasher.update(LEAF);
        field(utf8(event.eventIdentifier()));
        field(utf8(event.aggregateIdentifier()));
        length(8);
        long sequence = event.sequenceNumber();
        for (int shift = 56; shift >= 0; shift -= 8) {
            hasher.update((byte) (sequence >>> shift));
        }
        field(utf8(event.type()));
        field(utf8(event.payloadType()));
        field(utf8(event.payloadRevision()));
        field(utf8(event.timestamp()));
        hasher.update(payloadDigest);
        hasher.update(metadataDigest);
        return hasher.digest();
    }

    /** H(0x01 || left || right): an inner node of the Merkle tree. */
    public byte[] node(byte[] left, byte[] right) {
        hasher.update(NODE);
        hasher.update(left);
        hasher.update(right);
        return hasher.digest();
    }

    /** H(0x02 || previous || leaf): the next link of a chain; {@code previous} null means {@link #GENESIS}. */
    public byte[] chain(byte[] previous, byte[] leaf) {
        hasher.update(CHAIN);
        hasher.update(previous == null ? GENESIS : previous);
        hasher.update(leaf);
        return hasher.digest();
    }

    /** H() of nothing: the root of the empty tree. */
    public byte[] empty() {
        return hasher.digest();
    }

    private void field(byte[] bytes) {
        if (bytes == null) {
            length(-1);
        } else {
            length(bytes.length);
            hasher.update(bytes, 0, bytes.length);
        }
    }

    private void length(int length) {
        lengthBuffer[0] = (byte) (length >>> 24);
        lengthBuffer[1] = (byte) (length >>> 16);
        lengthBuffer[2] = (byte) (length >>> 8);
        lengthBuffer[3] = (byte) length;
        hasher.update(lengthBuffer, 0, 4);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
