package cn.gov.lvliang.ledger.query.bundle;

import static cn.gov.lvliang.ledger.query.infra.SqlValues.enumOf;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A bundle case's row as the lists show it, in SQL over {@code bundle_case c} and the parameter {@code :today}: the
 * at-risk rule, the row with the names of its codes, and its mapping to a {@link BundleCaseSummary}. The case list
 * query and the dashboards' case lists both read their lines through it, so the two cannot differ on what a line
 * says or which case is at risk.
 */
public final class CaseLines {

    /** The at-risk rule: accepted, neither overdue nor waiting for a supplement, and past its at-risk date. */
    public static final String AT_RISK = "(c.status = 'ACCEPTED' AND NOT c.overdue AND NOT c.supplement_pending"
            + " AND c.at_risk_from <= :today)";

    /** The rule as a column, false (not null) for a case without an at-risk date. */
    public static final String AT_RISK_COLUMN = "CASE WHEN " + AT_RISK + " THEN TRUE ELSE FALSE END";

    /**
     * The case row with the names of its codes, each looked up by its reference table's key (null where it has
     * none); a {@code WHERE} over {@code c} follows. The bundle by a join, since it gives two names; the rest by
     * subqueries rather than four more outer joins: planning six tables took PostgreSQL 4.7 ms per list page at
     * 580,000 cases, two tables 0.3 ms, and the lookups run only for the rows a page shows.
     */
    public static final String SELECT_WITH_NAMES = """
            SELECT c.*, %s AS at_risk, b.name AS bundle_name,
                   COALESCE((SELECT lu.name FROM reference_unit lu WHERE lu.code = c.lead_unit), b.lead_unit)
                       AS lead_unit_name,
                   (SELECT d.name FROM reference_division d WHERE d.code = c.division_code) AS division_name,
                   (SELECT h.name FROM reference_hall h WHERE h.code = c.hall_code) AS hall_name,
                   (SELECT w.name FROM reference_window w WHERE w.code = c.window_code) AS window_name
            FROM bundle_case c
            LEFT JOIN catalog_bundle b ON b.catalog_version = c.catalog_version AND b.code = c.bundle_code
            """.formatted(AT_RISK_COLUMN);

    private CaseLines() {
    }

    /** The line of a row read through {@link #SELECT_WITH_NAMES}. */
    public static BundleCaseSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new BundleCaseSummary(
                row.getString("case_id"),
                row.getString("bundle_code"),
                row.getString("bundle_name"),
                row.getString("lead_unit"),
                row.getString("lead_unit_name"),
                enumOf(ApplicantKind.class, row.getString("applicant_kind")),
                row.getString("applicant_name"),
                row.getString("division_code"),
                row.getString("division_name"),
                row.getString("hall_code"),
                row.getString("hall_name"),
                enumOf(Channel.class, row.getString("channel")),
                enumOf(CaseStatus.class, row.getString("status")),
                row.getBoolean("supplement_pending"),
                row.getBoolean("at_risk"),
                row.getBoolean("overdue"),
                instant(row, "submitted_at"),
                instant(row, "accepted_at"),
                row.getObject("due_date", LocalDate.class),
                row.getObject("at_risk_from", LocalDate.class),
                instant(row, "concluded_at"),
                enumOf(CaseOutcome.class, row.getString("outcome")),
                row.getInt("complaints_total"),
                row.getInt("complaints_resolved"),
                row.getObject("rating_score", Integer.class),
                row.getLong("last_event_sequence"));
    }
}
