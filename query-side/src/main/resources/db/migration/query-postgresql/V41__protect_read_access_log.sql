-- The read-access log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION read_access_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'read_access_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER read_access_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON read_access_log
    FOR EACH ROW EXECUTE FUNCTION read_access_log_is_append_only();

CREATE TRIGGER read_access_log_no_truncate
    BEFORE TRUNCATE ON read_access_log
    FOR EACH STATEMENT EXECUTE FUNCTION read_access_log_is_append_only();
