-- Issued score cards (考核评分表): the numbers frozen at issue, one row per card, with the running total after the
-- inspection team's adjustments and the appeals' decisions, and beside it the card's indicators and penalties as
-- issued, the adjustments and the appeals. last_event_sequence is the card's aggregate sequence of the last event
-- applied, which keeps every write idempotent. Lists of strings (evidence, case ids) are JSON arrays. "rank" is a
-- reserved word in SQL, hence score_rank and indicator_rank.
CREATE TABLE score_card (
    card_id             VARCHAR(200)             NOT NULL,
    subject_kind        VARCHAR(16)              NOT NULL,
    subject_code        VARCHAR(64)              NOT NULL,
    subject_name        VARCHAR(200),
    subject_division    VARCHAR(16),
    period              VARCHAR(16)              NOT NULL,
    period_from         DATE                     NOT NULL,
    period_to           DATE                     NOT NULL,
    rubric_version      INT                      NOT NULL,
    input_hash          VARCHAR(64)              NOT NULL,
    base_score          DECIMAL(9, 2)            NOT NULL,
    penalty_points      DECIMAL(9, 2)            NOT NULL,
    issued_total        DECIMAL(9, 2)            NOT NULL,
    total_score         DECIMAL(9, 2)            NOT NULL,
    score_rank          INT,
    ranked_among        INT,
    issued_by           VARCHAR(200),
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    adjustments         INT DEFAULT 0            NOT NULL,
    appeals             INT DEFAULT 0            NOT NULL,
    open_appeals        INT DEFAULT 0            NOT NULL,
    first_recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_sequence BIGINT                   NOT NULL,
    CONSTRAINT pk_score_card PRIMARY KEY (card_id)
);

CREATE INDEX idx_score_card_period ON score_card (period, subject_kind, rubric_version);

CREATE TABLE score_card_indicator (
    card_id        VARCHAR(200)   NOT NULL,
    code           VARCHAR(64)    NOT NULL,
    list_order     INT            NOT NULL,
    applicable     BOOLEAN        NOT NULL,
    indicator_value DECIMAL(24, 4),
    numerator      DECIMAL(24, 4),
    denominator    DECIMAL(24, 4),
    points         DECIMAL(9, 2)  NOT NULL,
    indicator_rank INT,
    ranked_among   INT,
    CONSTRAINT pk_score_card_indicator PRIMARY KEY (card_id, code)
);

CREATE TABLE score_card_penalty (
    card_id    VARCHAR(200)   NOT NULL,
    code       VARCHAR(64)    NOT NULL,
    list_order INT            NOT NULL,
    case_ids   VARCHAR(64000) NOT NULL,
    points     DECIMAL(9, 2)  NOT NULL,
    CONSTRAINT pk_score_card_penalty PRIMARY KEY (card_id, code)
);

CREATE TABLE score_card_adjustment (
    card_id        VARCHAR(200)             NOT NULL,
    adjustment_id  VARCHAR(64)              NOT NULL,
    event_sequence BIGINT                   NOT NULL,
    indicator_code VARCHAR(64),
    points_delta   DECIMAL(9, 2)            NOT NULL,
    reason         VARCHAR(8000)            NOT NULL,
    evidence       VARCHAR(32000)           NOT NULL,
    inspector      VARCHAR(200),
    total_after    DECIMAL(9, 2)            NOT NULL,
    adjusted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_score_card_adjustment PRIMARY KEY (card_id, adjustment_id)
);

CREATE TABLE score_card_appeal (
    card_id         VARCHAR(200)             NOT NULL,
    appeal_id       VARCHAR(64)              NOT NULL,
    event_sequence  BIGINT                   NOT NULL,
    indicator_code  VARCHAR(64),
    grounds         VARCHAR(16000)           NOT NULL,
    evidence        VARCHAR(32000)           NOT NULL,
    appellant       VARCHAR(200),
    appellant_unit  VARCHAR(64),
    lodged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome         VARCHAR(16),
    points_delta    DECIMAL(9, 2),
    decision_reason VARCHAR(8000),
    decided_by      VARCHAR(200),
    decided_at      TIMESTAMP WITH TIME ZONE,
    total_after     DECIMAL(9, 2),
    CONSTRAINT pk_score_card_appeal PRIMARY KEY (card_id, appeal_id)
);
