-- The risk-clue ledger (风险线索台账) of the illegal-fundraising campaign: one row per clue, following it from its
-- recording through the verification (核查) to its end (no risk, a duplicate, or taken into a disposal case).
-- last_event_sequence is the clue's aggregate sequence of the last event applied, which keeps every write idempotent.
-- Times are business times; first_/last_recorded_at are when the events were stored. A reporter is kept only as the
-- fact that there is one and whether it is anonymous: its handle and contact stay in the event store (举报人保护).
-- Free-text sizes leave headroom over the command side's request limits, since an event that does not fit would stop
-- the projection.
CREATE TABLE fundraising_clue (
    clue_id                   VARCHAR(64)              NOT NULL,
    recording_unit            VARCHAR(64)              NOT NULL,
    source                    VARCHAR(32)              NOT NULL,
    division_code             VARCHAR(16)              NOT NULL,
    key_area                  VARCHAR(40)              NOT NULL,
    subject_kind              VARCHAR(16)              NOT NULL,
    subject_name              VARCHAR(500)             NOT NULL,
    subject_credit_code       VARCHAR(32),
    summary                   VARCHAR(8000)            NOT NULL,
    estimated_amount_fen      BIGINT,
    estimated_participants    INT,
    reported                  BOOLEAN DEFAULT FALSE    NOT NULL,
    reporter_anonymous        BOOLEAN,
    status                    VARCHAR(24)              NOT NULL,
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_unit             VARCHAR(64),
    assigned_by               VARCHAR(64),
    assigned_at               TIMESTAMP WITH TIME ZONE,
    assignment_count          INT DEFAULT 0            NOT NULL,
    verification_working_days INT,
    verification_due_date     DATE,
    overdue                   BOOLEAN DEFAULT FALSE    NOT NULL,
    overdue_at                TIMESTAMP WITH TIME ZONE,
    overdue_due_date          DATE,
    verified_at               TIMESTAMP WITH TIME ZONE,
    verified_by               VARCHAR(64),
    outcome                   VARCHAR(32),
    verification_notes        VARCHAR(8000),
    duplicate_of              VARCHAR(64),
    marked_duplicate_at       TIMESTAMP WITH TIME ZONE,
    marked_duplicate_by       VARCHAR(64),
    duplicate_note            VARCHAR(4000),
    rewarded                  BOOLEAN DEFAULT FALSE    NOT NULL,
    reward_fen                BIGINT,
    rewarded_at               TIMESTAMP WITH TIME ZONE,
    rewarded_by               VARCHAR(64),
    case_id                   VARCHAR(64),
    taken_into_case_at        TIMESTAMP WITH TIME ZONE,
    ended_at                  TIMESTAMP WITH TIME ZONE,
    first_recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_sequence       BIGINT                   NOT NULL,
    CONSTRAINT pk_fundraising_clue PRIMARY KEY (clue_id)
);

CREATE INDEX idx_fundraising_clue_division ON fundraising_clue (division_code, recorded_at);
CREATE INDEX idx_fundraising_clue_recorded ON fundraising_clue (recorded_at);
CREATE INDEX idx_fundraising_clue_case ON fundraising_clue (case_id);
