-- The embedded demo database has no procedural triggers: the read-access log there relies on the application only
-- ever inserting. Production runs on PostgreSQL, where query-postgresql/V41 makes the log append-only.
SELECT 1;
