-- When each step of a rebuild began, so that its record says how long each took (docs/audit-and-rebuild.md): on a
-- large store the compaction and the comparison take minutes beside the replay. A step ends where the next begins,
-- the last where the rebuild finished.
CREATE TABLE projection_rebuild_phase (
    rebuild_id VARCHAR(36)              NOT NULL,
    phase      VARCHAR(16)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_projection_rebuild_phase PRIMARY KEY (rebuild_id, phase),
    CONSTRAINT fk_projection_rebuild_phase_rebuild FOREIGN KEY (rebuild_id)
        REFERENCES projection_rebuild (rebuild_id) ON DELETE CASCADE
);
