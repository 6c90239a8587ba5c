package cn.gov.lvliang.ledger.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The key that wraps every data key, so that the key table alone (a backup, a replica) decrypts nothing. Its id, a
 * hash of the key, is stored beside each wrapped key: a node started with another master key fails loudly instead
 * of taking the data for erased.
 */
final class MasterKey {

    private final byte[] key;
    private final String id;

    MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("ledger.personal-data.master-key: 32 bytes (AES-256), not " + key.length);
        }
        this.key = key.clone();
        this.id = HexFormat.of().formatHex(sha256("lvliang-ledger-master-key-id:", key), 0, 8);
    }

    String id() {
        return id;
    }

    /** The data key wrapped for storage, bound to its subject and generation. */
    byte[] wrap(byte[] dataKey, String keyName) {
        return AesGcm.encrypt(key, dataKey, keyName.getBytes(StandardCharsets.UTF_8));
    }

    /** The data key from its stored form; fails if it was wrapped by another master key or altered. */
    byte[] unwrap(byte[] wrapped, String keyName, String wrappedBy) {
        if (!id.equals(wrappedBy)) {
            throw new IllegalStateException("Data key " + keyName + " was wrapped by master key " + wrappedBy
                    + ", but this node has master key " + id + ": check ledger.personal-data.master-key");
        }
        return AesGcm.decrypt(key, wrapped, keyName.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String label, byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label.getBytes(StandardCharsets.UTF_8));
            return digest.digest(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
