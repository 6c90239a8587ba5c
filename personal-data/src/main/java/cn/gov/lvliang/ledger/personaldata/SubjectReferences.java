package cn.gov.lvliang.ledger.personaldata;

import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names a data subject without its identifier: {@code ds1_} and the Base64url HMAC-SHA256, under the server's subject
 * secret, of the subject kind and the normalised identifier. The same person (the same identity number) is the same
 * subject in every case, so all their data shares one key; the reference reveals nothing to whoever lacks the secret,
 * and it stays in events as a pseudonym after an erasure.
 */
public final class SubjectReferences {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "ds1_";

    private final SecretKeySpec secret;

    SubjectReferences(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("ledger.personal-data.subject-secret: at least 32 bytes, not "
                    + secret.length);
        }
        this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The reference of the subject that {@code identifier} names. */
    public String of(DataSubjectKind kind, String identifier) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identifier, "identifier");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] hash = mac.doFinal((kind.name() + ":" + normalised(identifier)).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether a text has the form of a subject reference. */
    public static boolean isReference(String text) {
        return text != null && text.matches(PREFIX + "[A-Za-z0-9_-]{43}");
    }

    /** Identity numbers end in X or x, and people type spaces: both spell the same identifier. */
    private static String normalised(String identifier) {
        return identifier.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
