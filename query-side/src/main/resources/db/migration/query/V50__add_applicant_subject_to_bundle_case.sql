-- The data subject (docs/personal-data.md) whose personal data a bundle case's applicant columns hold: the keyed hash
-- of the applicant's identifier, never the identifier. An erasure (PersonalDataErasedEvent) finds the subject's rows by
-- it and marks their name, masked identifier and masked phone as erased; it is NULL once erased, as a rebuild after the
-- erasure leaves it. Rows projected before this column existed get it when the projection is rebuilt.
ALTER TABLE bundle_case ADD COLUMN applicant_subject VARCHAR(64);

CREATE INDEX idx_bundle_case_applicant_subject ON bundle_case (applicant_subject);
