package cn.gov.lvliang.ledger.verifier;

import java.util.Locale;

/** The algorithms a checkpoint may be signed with. */
public enum SignatureAlgorithm {
    /** Ed25519 (RFC 8032), pure, over the checkpoint's signed text. */
    ED25519("Ed25519"),
    /** SM2 (GB/T 32918) with SM3 and the default user ID 1234567812345678; signature DER SEQUENCE { r, s }. */
    SM2("SM2");

    private final String label;

    SignatureAlgorithm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SignatureAlgorithm of(String label) {
        return switch (label.trim().toUpperCase(Locale.ROOT)) {
            case "ED25519" -> ED25519;
            case "SM2" -> SM2;
            default -> throw new IllegalArgumentException("unknown signature algorithm '" + label + "' (Ed25519 or SM2)");
        };
    }
}
