-- What a case holds besides its row: items, materials, visits, complaints, assistance, transfers and supplement
-- requests. Rows are keyed on something the events name (an item's number, a visit's number, a complaint's id) or
-- on the sequence of the event that created them; bundle_case.last_event_sequence guards every write, so these
-- tables need no idempotency of their own. Lists of strings are stored as JSON arrays.

CREATE TABLE bundle_case_item (
    case_id                 VARCHAR(64)              NOT NULL,
    seq                     INT                      NOT NULL,
    name                    VARCHAR(500)             NOT NULL,
    responsible_unit        VARCHAR(64),
    status                  VARCHAR(16)              NOT NULL,
    dispatched_at           TIMESTAMP WITH TIME ZONE,
    dispatched_by           VARCHAR(64),
    time_limit_working_days INT,
    due_date                DATE,
    overdue                 BOOLEAN DEFAULT FALSE    NOT NULL,
    overdue_at              TIMESTAMP WITH TIME ZONE,
    decided_at              TIMESTAMP WITH TIME ZONE,
    deciding_unit           VARCHAR(64),
    result                  VARCHAR(500),
    rejection_reason        VARCHAR(4000),
    CONSTRAINT pk_bundle_case_item PRIMARY KEY (case_id, seq)
);

-- SUBMITTED by the applicant, or WAIVED because the government obtained it itself (basis says how).
CREATE TABLE bundle_case_material (
    case_id        VARCHAR(64)              NOT NULL,
    event_sequence BIGINT                   NOT NULL,
    position       INT                      NOT NULL,
    name           VARCHAR(500)             NOT NULL,
    disposition    VARCHAR(16)              NOT NULL,
    waiver_basis   VARCHAR(32),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_bundle_case_material PRIMARY KEY (case_id, event_sequence, position)
);

CREATE TABLE bundle_case_visit (
    case_id      VARCHAR(64)              NOT NULL,
    visit_number INT                      NOT NULL,
    hall_code    VARCHAR(32),
    window_code  VARCHAR(32),
    purpose      VARCHAR(16)              NOT NULL,
    visited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_bundle_case_visit PRIMARY KEY (case_id, visit_number)
);

CREATE TABLE bundle_case_complaint (
    complaint_id         VARCHAR(64)              NOT NULL,
    case_id              VARCHAR(64)              NOT NULL,
    content              VARCHAR(8000)            NOT NULL,
    lodged_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    follow_ups           INT DEFAULT 0            NOT NULL,
    last_note            VARCHAR(8000),
    last_followed_up_at  TIMESTAMP WITH TIME ZONE,
    last_follow_up_unit  VARCHAR(64),
    resolved_at          TIMESTAMP WITH TIME ZONE,
    resolution           VARCHAR(8000),
    resolving_unit       VARCHAR(64),
    CONSTRAINT pk_bundle_case_complaint PRIMARY KEY (case_id, complaint_id)
);

CREATE TABLE bundle_case_assistance (
    case_id        VARCHAR(64)              NOT NULL,
    event_sequence BIGINT                   NOT NULL,
    assistant      VARCHAR(200)             NOT NULL,
    kind           VARCHAR(16)              NOT NULL,
    steps          VARCHAR(16000)           NOT NULL,
    assisted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_bundle_case_assistance PRIMARY KEY (case_id, event_sequence)
);

CREATE TABLE bundle_case_transfer (
    case_id            VARCHAR(64)              NOT NULL,
    event_sequence     BIGINT                   NOT NULL,
    from_division_code VARCHAR(16),
    from_hall_code     VARCHAR(32),
    to_division_code   VARCHAR(16)              NOT NULL,
    to_hall_code       VARCHAR(32)              NOT NULL,
    mode               VARCHAR(16)              NOT NULL,
    reason             VARCHAR(4000),
    transferred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_bundle_case_transfer PRIMARY KEY (case_id, event_sequence)
);

-- One row per request for supplementary materials; supplied_at stays empty while the clock is paused.
CREATE TABLE bundle_case_supplement (
    case_id             VARCHAR(64)              NOT NULL,
    event_sequence      BIGINT                   NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by        VARCHAR(64),
    materials_requested VARCHAR(32000)           NOT NULL,
    reason              VARCHAR(4000),
    supplied_at         TIMESTAMP WITH TIME ZONE,
    materials_supplied  VARCHAR(32000),
    paused_working_days INT,
    CONSTRAINT pk_bundle_case_supplement PRIMARY KEY (case_id, event_sequence)
);
