-- One row per bundle case. last_event_sequence is the aggregate sequence of the last event applied, which keeps
-- every write idempotent: a replayed or redelivered event never applies twice.
CREATE TABLE bundle_case (
    case_id             VARCHAR(64)              NOT NULL,
    bundle_code         VARCHAR(16)              NOT NULL,
    catalog_version     INT                      NOT NULL,
    applicant_kind      VARCHAR(16)              NOT NULL,
    applicant_name      VARCHAR(200)             NOT NULL,
    applicant_id_masked VARCHAR(32)              NOT NULL,
    division_code       VARCHAR(16)              NOT NULL,
    hall_code           VARCHAR(32),
    channel             VARCHAR(32)              NOT NULL,
    window_code         VARCHAR(32),
    status              VARCHAR(32)              NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_sequence BIGINT                   NOT NULL,
    CONSTRAINT pk_bundle_case PRIMARY KEY (case_id)
);

CREATE INDEX idx_bundle_case_division ON bundle_case (division_code, submitted_at);
CREATE INDEX idx_bundle_case_bundle ON bundle_case (bundle_code, submitted_at);
