package cn.gov.lvliang.ledger.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The two hash functions the ledger keeps its chain and tree in. Both give 32 bytes. */
public enum HashAlgorithm {
    SHA_256("SHA-256"),
    SM3("SM3");

    /** Length of every hash, in bytes, for both algorithms. */
    public static final int LENGTH = 32;

    private final String label;

    HashAlgorithm(String label) {
        this.label = label;
    }

    /** The name used in checkpoints, bundles and on the command line: {@code SHA-256} or {@code SM3}. */
    public String label() {
        return label;
    }

    /** Accepts {@code SHA-256}, {@code sha256}, {@code SHA_256} and {@code SM3}, in any case. */
    public static HashAlgorithm of(String label) {
        String normal = label.trim().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        return switch (normal) {
            case "SHA256" -> SHA_256;
            case "SM3" -> SM3;
            default -> throw new IllegalArgumentException("unknown hash algorithm '" + label + "' (SHA-256 or SM3)");
        };
    }

    /** A fresh, non-thread-safe hasher. */
    public Hasher newHasher() {
        return switch (this) {
            case SHA_256 -> new JdkHasher();
            case SM3 -> new Sm3Hasher();
        };
    }

    /** Incremental hashing; {@link #digest()} returns the hash and resets. */
    public interface Hasher {
        void update(byte b);

        void update(byte[] bytes, int offset, int length);

        default void update(byte[] bytes) {
            update(bytes, 0, bytes.length);
        }

        byte[] digest();
    }

    private static final class JdkHasher implements Hasher {
        private final MessageDigest digest;

        JdkHasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public void update(byte b) {
            digest.update(b);
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        public byte[] digest() {
            return digest.digest();
        }
    }

    private static final class Sm3Hasher implements Hasher {
        private final SM3Digest digest = new SM3Digest();

        @Override
        public void update(byte b) {
            digest.update(b);
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        public byte[] digest() {
            byte[] out = new byte[LENGTH];
            digest.doFinal(out, 0);
            return out;
        }
    }
}
