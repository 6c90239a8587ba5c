package cn.gov.lvliang.ledger.verifier;

/** The leaf hash of one event and the two field digests it is built from, in one algorithm. */
public record EventDigests(byte[] leaf, byte[] payloadDigest, byte[] metadataDigest) {
}
