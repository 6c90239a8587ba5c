-- The overdue list's index in the list's whole order, as on PostgreSQL (query-postgresql/V66); H2 has no partial
-- index of the cases at risk to replace.
DROP INDEX idx_bundle_case_overdue;
CREATE INDEX idx_bundle_case_overdue ON bundle_case (overdue, due_date, submitted_at DESC, case_id);
