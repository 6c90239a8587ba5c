-- The dashboard's list of overdue cases (and its count) reads them by this index, the soonest due first, rather than
-- scanning every case: at a million cases only a few per cent are overdue.
CREATE INDEX idx_bundle_case_overdue ON bundle_case (overdue, due_date);
