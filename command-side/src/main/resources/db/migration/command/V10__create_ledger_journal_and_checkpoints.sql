-- The verifiable ledger (docs/verifiable-ledger.md). The sealer appends every committed event of domainevententry to
-- the journal in sealing order: position is the canonical order of the hash chain and the Merkle tree, so that a
-- transaction with a lower global index that commits late is simply sealed at a later position.
-- Per event and per algorithm: the leaf hash, the chain value after it, the case's chain value after it, and the
-- digests of payload and metadata that the leaf is built from (they locate what was changed).

-- One row, locked FOR UPDATE by whoever seals or makes a checkpoint, so that several command nodes take turns.
-- log_id names this database's log in every checkpoint; the command side sets it (a UUID) when it first seals.
CREATE TABLE ledger_head (
    id               SMALLINT NOT NULL,
    log_id           VARCHAR(64),
    tree_size        BIGINT   NOT NULL,
    max_global_index BIGINT   NOT NULL,
    chain_sha256     BYTEA,
    chain_sm3        BYTEA,
    CONSTRAINT pk_ledger_head PRIMARY KEY (id)
);
INSERT INTO ledger_head (id, tree_size, max_global_index) VALUES (1, 0, -1);

CREATE TABLE ledger_journal (
    position           BIGINT                   NOT NULL,
    global_index       BIGINT                   NOT NULL,
    aggregate_id       VARCHAR(255)             NOT NULL,
    sequence_number    BIGINT                   NOT NULL,
    event_timestamp    VARCHAR(255)             NOT NULL,
    leaf_sha256        BYTEA                    NOT NULL,
    chain_sha256       BYTEA                    NOT NULL,
    case_chain_sha256  BYTEA                    NOT NULL,
    payload_sha256     BYTEA                    NOT NULL,
    metadata_sha256    BYTEA                    NOT NULL,
    leaf_sm3           BYTEA                    NOT NULL,
    chain_sm3          BYTEA                    NOT NULL,
    case_chain_sm3     BYTEA                    NOT NULL,
    payload_sm3        BYTEA                    NOT NULL,
    metadata_sm3       BYTEA                    NOT NULL,
    sealed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_journal PRIMARY KEY (position),
    CONSTRAINT uk_ledger_journal_global_index UNIQUE (global_index)
);
CREATE INDEX idx_ledger_journal_aggregate ON ledger_journal (aggregate_id, position);

-- Signed checkpoints; document is the checkpoint's JSON exactly as published (and appended to checkpoints.jsonl).
CREATE TABLE ledger_checkpoint (
    id         BIGINT                   NOT NULL,
    tree_size  BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    document   VARCHAR(8000)            NOT NULL,
    CONSTRAINT pk_ledger_checkpoint PRIMARY KEY (id)
);
