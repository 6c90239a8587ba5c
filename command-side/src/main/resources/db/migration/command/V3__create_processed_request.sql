-- Every command that changed the ledger, by the client's requestId. A row is written in the same transaction as the
-- command's events, so a repeat of the request, before or after a restart, finds it and gets the first outcome.
CREATE TABLE processed_request (
    request_id   VARCHAR(64)              NOT NULL,
    command_type VARCHAR(100)             NOT NULL,
    aggregate_id VARCHAR(64)              NOT NULL,
    result       VARCHAR(255),
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_processed_request PRIMARY KEY (request_id)
);
