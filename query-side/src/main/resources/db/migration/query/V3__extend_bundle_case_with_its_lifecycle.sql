-- The case row follows the whole life of a case: acceptance and its clock, supplements, the end (refusal,
-- conclusion, withdrawal), delivery, transfers, and counters for what the detail tables hold. One ADD COLUMN per
-- statement, which PostgreSQL and H2 both accept. Free-text sizes leave headroom over the command side's request
-- limits, since an event that does not fit would stop the projection.

ALTER TABLE bundle_case RENAME COLUMN recorded_at TO first_recorded_at;
ALTER TABLE bundle_case ADD COLUMN last_recorded_at TIMESTAMP WITH TIME ZONE;
UPDATE bundle_case SET last_recorded_at = first_recorded_at;
ALTER TABLE bundle_case ALTER COLUMN last_recorded_at SET NOT NULL;

-- Cases recorded before the submission carried its lead unit have none.
ALTER TABLE bundle_case ADD COLUMN lead_unit VARCHAR(64);
ALTER TABLE bundle_case ADD COLUMN applicant_phone_masked VARCHAR(32);

ALTER TABLE bundle_case ADD COLUMN accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bundle_case ADD COLUMN accepted_by VARCHAR(64);
ALTER TABLE bundle_case ADD COLUMN time_limit_working_days INT;
ALTER TABLE bundle_case ADD COLUMN due_date DATE;
ALTER TABLE bundle_case ADD COLUMN at_risk_from DATE;
ALTER TABLE bundle_case ADD COLUMN overdue BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bundle_case ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE bundle_case ADD COLUMN supplement_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bundle_case ADD COLUMN paused_working_days INT DEFAULT 0 NOT NULL;

ALTER TABLE bundle_case ADD COLUMN refused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bundle_case ADD COLUMN refused_by VARCHAR(64);
ALTER TABLE bundle_case ADD COLUMN refusal_reason VARCHAR(4000);

ALTER TABLE bundle_case ADD COLUMN concluded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bundle_case ADD COLUMN concluded_by VARCHAR(64);
ALTER TABLE bundle_case ADD COLUMN outcome VARCHAR(32);
ALTER TABLE bundle_case ADD COLUMN approved_items INT;
ALTER TABLE bundle_case ADD COLUMN rejected_items INT;
ALTER TABLE bundle_case ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bundle_case ADD COLUMN delivery_method VARCHAR(16);

ALTER TABLE bundle_case ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bundle_case ADD COLUMN withdrawal_reason VARCHAR(4000);

ALTER TABLE bundle_case ADD COLUMN transfer_count INT DEFAULT 0 NOT NULL;
ALTER TABLE bundle_case ADD COLUMN transferred_city_wide BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bundle_case ADD COLUMN transferred_cross_city BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE bundle_case ADD COLUMN visit_count INT DEFAULT 0 NOT NULL;
ALTER TABLE bundle_case ADD COLUMN materials_submitted INT DEFAULT 0 NOT NULL;
ALTER TABLE bundle_case ADD COLUMN materials_waived INT DEFAULT 0 NOT NULL;
ALTER TABLE bundle_case ADD COLUMN assistance_count INT DEFAULT 0 NOT NULL;
ALTER TABLE bundle_case ADD COLUMN complaints_total INT DEFAULT 0 NOT NULL;
ALTER TABLE bundle_case ADD COLUMN complaints_resolved INT DEFAULT 0 NOT NULL;

-- A case is rated once (好差评); reasons are a JSON array of strings.
ALTER TABLE bundle_case ADD COLUMN rating_score INT;
ALTER TABLE bundle_case ADD COLUMN rating_reasons VARCHAR(4000);
ALTER TABLE bundle_case ADD COLUMN rating_comment VARCHAR(4000);
ALTER TABLE bundle_case ADD COLUMN rated_at TIMESTAMP WITH TIME ZONE;

-- The case list filters on these and sorts by submission or due date.
CREATE INDEX idx_bundle_case_lead_unit ON bundle_case (lead_unit, submitted_at);
CREATE INDEX idx_bundle_case_status ON bundle_case (status, due_date);
CREATE INDEX idx_bundle_case_submitted ON bundle_case (submitted_at);
