package cn.gov.lvliang.ledger.personaldata;

import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.personaldata.DataKeys.DataKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts one personal-data field of an event into its stored envelope, and opens an envelope again:
 * <pre>{"encrypted": "AES-256-GCM", "subject": "ds1_…", "key": 1, "value": "&lt;Base64 of IV, ciphertext, tag&gt;"}</pre>
 * The subject reference and key generation stay readable, so an auditor sees whose data a field is without seeing
 * the data; the associated data binds the ciphertext to its key and field, so it cannot be moved to another field or
 * subject unnoticed.
 */
final class FieldCipher {

    static final String ENCRYPTED = "encrypted";
    static final String SUBJECT = "subject";
    static final String KEY = "key";
    static final String VALUE = "value";

    private final DataKeys keys;
    private final SubjectReferences subjects;

    FieldCipher(DataKeys keys, SubjectReferences subjects) {
        this.keys = keys;
        this.subjects = subjects;
    }

    /** A field's stored form. */
    record Envelope(String subject, int generation, String value) {
    }

    /** Encrypts {@code plaintext} of field {@code field} under the key of the subject that {@code identifier} names. */
    Envelope encrypt(DataSubjectKind kind, String identifier, String field, String plaintext) {
        if (identifier == null || identifier.isBlank() || PersonalData.ERASED.equals(identifier)) {
            throw new IllegalStateException("Cannot encrypt " + field + ": the identifier that names its data subject "
                    + "is missing or erased");
        }
        DataKey key = keys.forEncrypting(subjects.of(kind, identifier));
        byte[] sealed = AesGcm.encrypt(key.key(), plaintext.getBytes(StandardCharsets.UTF_8),
                associatedData(key.name(), field));
        return new Envelope(key.subjectRef(), key.generation(), Base64.getEncoder().encodeToString(sealed));
    }

    /** The field's value from its envelope, or {@link PersonalData#ERASED} once the subject's key is destroyed. */
    String decrypt(JsonNode envelope, String field) {
        JsonNode subject = envelope.get(SUBJECT);
        JsonNode generation = envelope.get(KEY);
        JsonNode value = envelope.get(VALUE);
        if (subject == null || generation == null || value == null || !AesGcm.NAME.equals(envelope.path(ENCRYPTED)
                .asText())) {
            throw new IllegalStateException("The stored value of " + field + " is neither text nor an " + AesGcm.NAME
                    + " envelope");
        }
        Optional<byte[]> key = keys.forDecrypting(subject.asText(), generation.asInt());
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        String keyName = DataKey.name(subject.asText(), generation.asInt());
        byte[] plaintext = AesGcm.decrypt(key.get(), Base64.getDecoder().decode(value.asText()),
                associatedData(keyName, field));
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String keyName, String field) {
        return (keyName + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
