package cn.gov.lvliang.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureTest {

    static Checkpoint unsigned(long size) {
        Map<HashAlgorithm, byte[]> roots = new EnumMap<>(HashAlgorithm.class);
        Map<HashAlgorithm, byte[]> heads = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            MerkleTree tree = MerkleTest.treeOf(algorithm, (int) size);
            roots.put(algorithm, tree.root(size));
            heads.put(algorithm, new LedgerHasher(algorithm).chain(null, tree.leaf(0)));
        }
        return new Checkpoint("lvliang-case-ledger", "log-1", 3, size, "2025-03-03T01:00:00Z", roots, heads, List.of());
    }

    @Test
    void bothAlgorithms_signAndVerify_throughTheirPemForms() {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            NotaryKey key = NotaryKey.generate(algorithm);
            NotaryKey reloaded = NotaryKey.fromPrivatePem(key.privatePem());
            NotaryKey published = NotaryKey.fromPublicPem(key.publicPem());
            assertThat(reloaded.keyId()).isEqualTo(key.keyId()).isEqualTo(published.keyId());
            assertThat(published.algorithm()).isEqualTo(algorithm);
            assertThat(published.canSign()).isFalse();

            Checkpoint signed = unsigned(5).signedBy(List.of(reloaded));
            Checkpoint parsed = Checkpoint.fromJson(signed.toJsonLine());
            assertThat(parsed.signedText()).isEqualTo(signed.signedText());
            assertThat(parsed.verifySignatures(List.of(published)).authentic()).as(algorithm.label()).isTrue();
            assertThat(parsed.verifySignatures(List.of(NotaryKey.generate(algorithm))).authentic()).isFalse();
        }
    }

    @Test
    void aSingleFlippedBit_inTheSignatureOrTheSignedText_fails() {
        NotaryKey ed = NotaryKey.generate(SignatureAlgorithm.ED25519);
        NotaryKey sm2 = NotaryKey.generate(SignatureAlgorithm.SM2);
        Checkpoint signed = unsigned(7).signedBy(List.of(ed, sm2));
        assertThat(signed.verifySignatures(List.of(ed, sm2)).valid()).hasSize(2);
        for (Checkpoint.Signature signature : signed.signatures()) {
            NotaryKey key = signature.algorithm() == SignatureAlgorithm.ED25519 ? ed : sm2;
            for (int bit = 0; bit < signature.value().length * 8; bit += 7) {
                byte[] flipped = signature.value().clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(key.verify(signed.signedBytes(), flipped)).isFalse();
            }
            byte[] text = signed.signedBytes();
            for (int bit = 0; bit < text.length * 8; bit += 13) {
                byte[] flipped = text.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(key.verify(flipped, signature.value())).isFalse();
            }
        }
        Checkpoint bigger = new Checkpoint(signed.origin(), signed.logId(), signed.id(), signed.size() + 1, signed.time(),
                signed.roots(), signed.chainHeads(), signed.signatures());
        assertThat(bigger.verifySignatures(List.of(ed, sm2)).authentic()).isFalse();
    }

    @Test
    void signedText_isTheDocumentedLines() {
        Checkpoint c = unsigned(5);
        assertThat(c.signedText().split("\n", -1)).hasSize(11).startsWith(
                "lvliang-case-ledger/checkpoint/1", "origin lvliang-case-ledger", "log log-1", "id 3", "size 5",
                "time 2025-03-03T01:00:00Z");
        assertThat(c.signedText()).contains("\nroot SHA-256 " + Json.hex(c.roots().get(HashAlgorithm.SHA_256)) + "\n")
                .contains("\nchain SM3 " + Json.hex(c.chainHeads().get(HashAlgorithm.SM3)) + "\n")
                .endsWith("\n");
    }
}
