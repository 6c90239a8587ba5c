-- The data keys of crypto-shredding (docs/personal-data.md): one AES-256 key per data subject and generation, under
-- which the event serializers of both sides encrypt that subject's personal data in events. The command side owns
-- the table; the query side reads it to decrypt.
-- subject_ref is a keyed hash (HMAC-SHA256) of the subject's identifier, never the identifier itself. wrapped_key is
-- the data key encrypted under the master key named by master_key_id (AES-256-GCM, IV first). Erasing a subject
-- destroys its keys: wrapped_key becomes NULL and destroyed_at is set; the row stays as the tombstone that tells an
-- erased value from a missing key. A subject that appears again after an erasure gets the next generation.
CREATE TABLE personal_data_key (
    subject_ref   VARCHAR(64)              NOT NULL,
    generation    INT                      NOT NULL,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    destroyed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_personal_data_key PRIMARY KEY (subject_ref, generation),
    CONSTRAINT ck_personal_data_key_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
