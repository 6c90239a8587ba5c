-- The campaign calendar of 吕政办发〔2024〕20号 as published by the command side: only the latest version is kept
-- (fundraising_calendar holds its number), with its phases, reporting deadlines and statistical tables in their
-- published order. attachments of a deadline is a JSON array of attachment numbers.
CREATE TABLE fundraising_calendar (
    calendar_id   VARCHAR(64)              NOT NULL,
    version       INT                      NOT NULL,
    content_hash  VARCHAR(100),
    source        VARCHAR(1000),
    campaign_from DATE                     NOT NULL,
    campaign_to   DATE                     NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fundraising_calendar PRIMARY KEY (calendar_id)
);

CREATE TABLE fundraising_calendar_phase (
    code            VARCHAR(64)  NOT NULL,
    list_order      INT          NOT NULL,
    name            VARCHAR(200) NOT NULL,
    starts_on       DATE         NOT NULL,
    ends_on         DATE         NOT NULL,
    continues_after BOOLEAN      NOT NULL,
    printed_as      VARCHAR(500),
    version         INT          NOT NULL,
    CONSTRAINT pk_fundraising_calendar_phase PRIMARY KEY (code)
);

CREATE TABLE fundraising_calendar_deadline (
    code           VARCHAR(64)  NOT NULL,
    list_order     INT          NOT NULL,
    name           VARCHAR(500) NOT NULL,
    due_date       DATE         NOT NULL,
    covers_from    DATE,
    covers_to      DATE,
    recipient_unit VARCHAR(64),
    date_printed   BOOLEAN      NOT NULL,
    attachments    VARCHAR(200) NOT NULL,
    version        INT          NOT NULL,
    CONSTRAINT pk_fundraising_calendar_deadline PRIMARY KEY (code)
);

CREATE TABLE fundraising_calendar_table (
    attachment INT          NOT NULL,
    title      VARCHAR(500) NOT NULL,
    version    INT          NOT NULL,
    CONSTRAINT pk_fundraising_calendar_table PRIMARY KEY (attachment)
);
