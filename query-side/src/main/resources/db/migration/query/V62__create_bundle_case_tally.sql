-- The bundle cases counted for the dashboards, kept by the bundle-case projection beside the case rows: per month of
-- submission (Beijing time, as the first day of the month), division now handling the case and lead unit, how many
-- cases (or materials, complaints, seconds) fall under each key of a measure. Every count is kept four times: per
-- division and lead unit, and with '*' for all divisions, all lead units, or both, so that a dashboard cut to
-- neither, one or both sums a few hundred rows in place of scanning every case. lead_unit is '' for a case recorded
-- without one; catalog_version is the case's catalog version for the BUNDLE measure (whose key is the bundle code)
-- and 0 for every other measure. Rows whose count falls to zero are deleted, so that a rebuild leaves exactly the
-- live rows.
CREATE TABLE bundle_case_tally (
    measure         VARCHAR(32) NOT NULL,
    submitted_month DATE        NOT NULL,
    division_code   VARCHAR(16) NOT NULL,
    lead_unit       VARCHAR(64) NOT NULL,
    tally_key       VARCHAR(64) NOT NULL,
    catalog_version INT         NOT NULL,
    n               BIGINT      NOT NULL,
    CONSTRAINT pk_bundle_case_tally
        PRIMARY KEY (measure, division_code, lead_unit, submitted_month, tally_key, catalog_version)
);
