-- Every published version of the scoring rubric (考核评分细则): a score names the version it was computed under and
-- can be computed again under it at any time, so no version is ever replaced. indicators and penalties are the
-- published records as JSON arrays, exactly as the event carries them.
CREATE TABLE scoring_rubric (
    version      INT                      NOT NULL,
    rubric_id    VARCHAR(64)              NOT NULL,
    content_hash VARCHAR(100),
    name         VARCHAR(500)             NOT NULL,
    source       VARCHAR(2000),
    indicators   VARCHAR(200000)          NOT NULL,
    penalties    VARCHAR(100000)          NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_scoring_rubric PRIMARY KEY (version)
);
