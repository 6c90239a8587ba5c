-- Illegal-fundraising disposal cases (案件处置), opened from verified clues or imported as legacy cases (陈案积案). One
-- row per case with its current state and running totals; the tables beside it hold what happened, each row with
-- its business time, so that statistics can be cut "as at" any day. fundraising_case.last_event_sequence guards every
-- write of a case's events, so the detail tables need no idempotency of their own. Amounts are fen (分), as in the
-- events; lists of strings are JSON arrays.
CREATE TABLE fundraising_case (
    case_id                   VARCHAR(64)              NOT NULL,
    legacy                    BOOLEAN DEFAULT FALSE    NOT NULL,
    legacy_code               VARCHAR(32),
    legacy_file_version       INT,
    printed_as                VARCHAR(500),
    filing_age                VARCHAR(32),
    original_filing_date      DATE,
    filing_date_approximate   BOOLEAN,
    stage_at_import           VARCHAR(32),
    opened_by                 VARCHAR(64)              NOT NULL,
    division_code             VARCHAR(16)              NOT NULL,
    name                      VARCHAR(500)             NOT NULL,
    subject_kind              VARCHAR(16)              NOT NULL,
    subject_name              VARCHAR(500)             NOT NULL,
    subject_credit_code       VARCHAR(32),
    key_area                  VARCHAR(40),
    clue_ids                  VARCHAR(8000)            NOT NULL,
    opened_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    status                    VARCHAR(24)              NOT NULL,
    estimated_amount_fen      BIGINT,
    estimated_participants    INT,
    scale_revisions           INT DEFAULT 0            NOT NULL,
    escalated                 BOOLEAN DEFAULT FALSE    NOT NULL,
    escalated_at              TIMESTAMP WITH TIME ZONE,
    determined_at             TIMESTAMP WITH TIME ZONE,
    determined_by             VARCHAR(64),
    determination_level       VARCHAR(16),
    determination_outcome     VARCHAR(32),
    determination_basis       VARCHAR(16000),
    cross_province            BOOLEAN DEFAULT FALSE    NOT NULL,
    cross_province_at         TIMESTAMP WITH TIME ZONE,
    provinces                 VARCHAR(1000)            NOT NULL,
    measures_ordered          INT DEFAULT 0            NOT NULL,
    measures_completed        INT DEFAULT 0            NOT NULL,
    first_measure_at          TIMESTAMP WITH TIME ZONE,
    transferred_at            TIMESTAMP WITH TIME ZONE,
    transferred_by            VARCHAR(64),
    police_unit               VARCHAR(64),
    transfer_note             VARCHAR(4000),
    criminal_stage            VARCHAR(32),
    criminal_stage_at         TIMESTAMP WITH TIME ZONE,
    plan_adopted_at           TIMESTAMP WITH TIME ZONE,
    plan_adopted_by           VARCHAR(64),
    plan_responsible_name     VARCHAR(200),
    plan_responsible_role     VARCHAR(500),
    plan_summary              VARCHAR(16000),
    plan_milestones           INT DEFAULT 0            NOT NULL,
    plan_milestones_completed INT DEFAULT 0            NOT NULL,
    recovered_fen             BIGINT DEFAULT 0         NOT NULL,
    recoveries                INT DEFAULT 0            NOT NULL,
    participants              INT DEFAULT 0            NOT NULL,
    claims_fen                BIGINT DEFAULT 0         NOT NULL,
    participant_batches       INT DEFAULT 0            NOT NULL,
    refunded_fen              BIGINT DEFAULT 0         NOT NULL,
    refund_rounds             INT DEFAULT 0            NOT NULL,
    petitions                 INT DEFAULT 0            NOT NULL,
    petitions_handled         INT DEFAULT 0            NOT NULL,
    petitioners               INT DEFAULT 0            NOT NULL,
    closed_at                 TIMESTAMP WITH TIME ZONE,
    closed_by                 VARCHAR(64),
    resolution                VARCHAR(48),
    merged_into_case_id       VARCHAR(64),
    closing_note              VARCHAR(8000),
    first_recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_sequence       BIGINT                   NOT NULL,
    CONSTRAINT pk_fundraising_case PRIMARY KEY (case_id)
);

CREATE INDEX idx_fundraising_case_division ON fundraising_case (division_code, opened_at);
CREATE INDEX idx_fundraising_case_opened ON fundraising_case (opened_at);
CREATE INDEX idx_fundraising_case_legacy ON fundraising_case (legacy_code);

-- The estimated scale as opened and as each revision left it, so that the involved amount can be read as at a day.
CREATE TABLE fundraising_case_scale (
    case_id                VARCHAR(64)              NOT NULL,
    event_sequence         BIGINT                   NOT NULL,
    estimated_amount_fen   BIGINT,
    estimated_participants INT,
    acting_unit            VARCHAR(64)              NOT NULL,
    note                   VARCHAR(4000),
    effective_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_scale PRIMARY KEY (case_id, event_sequence)
);

-- reasons is a JSON array of EscalationReason names; the thresholds are those in force when it was escalated.
CREATE TABLE fundraising_case_escalation (
    case_id                VARCHAR(64)              NOT NULL,
    event_sequence         BIGINT                   NOT NULL,
    acting_unit            VARCHAR(64)              NOT NULL,
    reasons                VARCHAR(500)             NOT NULL,
    estimated_amount_fen   BIGINT,
    estimated_participants INT,
    amount_threshold_fen   BIGINT                   NOT NULL,
    participant_threshold  INT                      NOT NULL,
    note                   VARCHAR(8000),
    escalated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_escalation PRIMARY KEY (case_id, event_sequence)
);

-- Each other province (GB/T 2260 code) once, with the moment the ledger first knew of it.
CREATE TABLE fundraising_case_province (
    case_id       VARCHAR(64)              NOT NULL,
    province_code VARCHAR(8)               NOT NULL,
    added_by      VARCHAR(64)              NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_province PRIMARY KEY (case_id, province_code)
);

CREATE TABLE fundraising_case_measure (
    case_id             VARCHAR(64)              NOT NULL,
    measure_id          VARCHAR(64)              NOT NULL,
    kind                VARCHAR(32)              NOT NULL,
    ordering_unit       VARCHAR(64)              NOT NULL,
    due_date            DATE,
    amount_fen          BIGINT,
    description         VARCHAR(8000)            NOT NULL,
    ordered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    follow_ups          INT DEFAULT 0            NOT NULL,
    last_follow_up      VARCHAR(8000),
    last_followed_up_at TIMESTAMP WITH TIME ZONE,
    completed_at        TIMESTAMP WITH TIME ZONE,
    completed_by        VARCHAR(64),
    result              VARCHAR(8000),
    CONSTRAINT pk_fundraising_case_measure PRIMARY KEY (case_id, measure_id)
);

CREATE INDEX idx_fundraising_case_measure_ordered ON fundraising_case_measure (ordered_at);

-- The criminal milestones the ledger recorded; a legacy case's stage at import is on the case row.
CREATE TABLE fundraising_case_criminal (
    case_id         VARCHAR(64)              NOT NULL,
    milestone       VARCHAR(32)              NOT NULL,
    acting_unit     VARCHAR(64)              NOT NULL,
    document_number VARCHAR(200),
    note            VARCHAR(4000),
    reached_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_criminal PRIMARY KEY (case_id, milestone)
);

CREATE TABLE fundraising_case_plan_milestone (
    case_id      VARCHAR(64)              NOT NULL,
    seq          INT                      NOT NULL,
    name         VARCHAR(500)             NOT NULL,
    due_date     DATE                     NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE,
    completed_by VARCHAR(64),
    note         VARCHAR(8000),
    CONSTRAINT pk_fundraising_case_plan_milestone PRIMARY KEY (case_id, seq)
);

CREATE TABLE fundraising_case_recovery (
    case_id         VARCHAR(64)              NOT NULL,
    recovery_number INT                      NOT NULL,
    acting_unit     VARCHAR(64)              NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    amount_fen      BIGINT                   NOT NULL,
    description     VARCHAR(4000)            NOT NULL,
    recovered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_recovery PRIMARY KEY (case_id, recovery_number)
);

CREATE INDEX idx_fundraising_case_recovery_at ON fundraising_case_recovery (recovered_at);

-- Participants are known by register references only; refunded_fen is the sum of their shares of every round.
CREATE TABLE fundraising_case_participant (
    case_id               VARCHAR(64)              NOT NULL,
    participant_reference VARCHAR(64)              NOT NULL,
    claim_fen             BIGINT                   NOT NULL,
    refunded_fen          BIGINT DEFAULT 0         NOT NULL,
    batch_number          INT                      NOT NULL,
    registered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_participant PRIMARY KEY (case_id, participant_reference)
);

CREATE INDEX idx_fundraising_case_participant_at ON fundraising_case_participant (registered_at);

CREATE TABLE fundraising_case_refund_round (
    case_id                  VARCHAR(64)              NOT NULL,
    round_number             INT                      NOT NULL,
    acting_unit              VARCHAR(64)              NOT NULL,
    round_total_fen          BIGINT                   NOT NULL,
    total_recovered_fen      BIGINT                   NOT NULL,
    refunded_before_fen      BIGINT                   NOT NULL,
    participants_taking_part INT                      NOT NULL,
    participants_paid        INT                      NOT NULL,
    note                     VARCHAR(4000),
    paid_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_case_refund_round PRIMARY KEY (case_id, round_number)
);

CREATE INDEX idx_fundraising_case_refund_round_at ON fundraising_case_refund_round (paid_at);

CREATE TABLE fundraising_case_petition (
    case_id            VARCHAR(64)              NOT NULL,
    petition_id        VARCHAR(64)              NOT NULL,
    received_by        VARCHAR(64)              NOT NULL,
    petition_reference VARCHAR(64),
    petitioners        INT                      NOT NULL,
    summary            VARCHAR(8000)            NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    handled_at         TIMESTAMP WITH TIME ZONE,
    handled_by         VARCHAR(64),
    outcome            VARCHAR(32),
    handling_note      VARCHAR(8000),
    CONSTRAINT pk_fundraising_case_petition PRIMARY KEY (case_id, petition_id)
);
