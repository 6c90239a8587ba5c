package cn.gov.lvliang.ledger.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secrets and limits of personal-data protection. Both sides need the same two secrets: the command side encrypts
 * and erases, the query side decrypts. Unset secrets fall back to the demo's published ones, which the
 * {@code production} profile refuses.
 *
 * @param masterKey     the master key that wraps every data key: 32 bytes, Base64; keep it in a secrets store or HSM
 * @param subjectSecret the secret of the keyed hash that turns an identifier into a subject reference: at least 32
 *                      bytes, Base64; it must never change, or the same person would become a new subject
 * @param keyCacheTtl   how long a node keeps an unwrapped data key in memory for reading, default 5 minutes; an
 *                      erasure on another node reaches this node's cache within this time at the latest
 * @param keyCacheSize  how many unwrapped data keys a node keeps at most, default 10,000
 */
@ConfigurationProperties("ledger.personal-data")
public record PersonalDataSettings(String masterKey, String subjectSecret, Duration keyCacheTtl, Integer keyCacheSize) {

    /** The demo's master key, published in the source: never for real data. */
    static final String DEMO_MASTER_KEY = "bHZsaWFuZy1sZWRnZXItZGVtby1tYXN0ZXIta2V5ISE=";
    /** The demo's subject secret, published in the source: never for real data. */
    static final String DEMO_SUBJECT_SECRET = "bHZsaWFuZy1sZWRnZXItZGVtby1zdWJqZWN0LXNlY3JldA==";

    public PersonalDataSettings {
        masterKey = masterKey == null || masterKey.isBlank() ? DEMO_MASTER_KEY : masterKey.strip();
        subjectSecret = subjectSecret == null || subjectSecret.isBlank() ? DEMO_SUBJECT_SECRET : subjectSecret.strip();
        keyCacheTtl = keyCacheTtl != null ? keyCacheTtl : Duration.ofMinutes(5);
        keyCacheSize = keyCacheSize != null ? keyCacheSize : 10_000;
    }

    /** Whether either secret is the demo's. */
    boolean usesDemoSecrets() {
        return DEMO_MASTER_KEY.equals(masterKey) || DEMO_SUBJECT_SECRET.equals(subjectSecret);
    }
}
