package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.Rows.booleanOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.date;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.intOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.longOrNull;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.enumOf;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueMarkedDuplicateEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueReporterRewardedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueTakenIntoCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationAssignedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerificationBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueVerifiedEvent;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Row;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Table;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The risk-clue ledger (风险线索台账): one row per clue in {@code fundraising_clue}, written from every kind of
 * {@link RiskClueEvent}, read by the ledger list and the clue detail (and, for statistics, by
 * {@link FundraisingStatistics}).
 *
 * <p>The handlers change rows in a {@link RowBuffer}, which holds a batch's clues in memory and writes each changed
 * row once as the batch's transaction commits. Every change is idempotent through {@code last_event_sequence}: a
 * handler first {@link #advance advances} the clue to its event's sequence and changes nothing if the clue was
 * already there. Events of one clue reach one segment in order, so no other writer races a clue. The rows are those
 * of {@link ProjectionTables}, so that a rebuild can run a second instance into shadow tables
 * (docs/audit-and-rebuild.md); the queries always read the live table.
 */
@Component
@ProcessingGroup(RiskClueProjection.PROCESSING_GROUP)
class RiskClueProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "fundraising-clues";

    static final List<String> TABLES = List.of("fundraising_clue");

    /** The clue rows, which the handlers change through the {@link RowBuffer}. */
    private static final Table CLUE = new Table("fundraising_clue", List.of("clue_id"), "clue_id");

    private static final String CLUE_WITH_NAMES = """
            SELECT cl.*, d.name AS division_name, ru.name AS recording_unit_name, au.name AS assigned_unit_name
            FROM fundraising_clue cl
            LEFT JOIN reference_division d ON d.code = cl.division_code
            LEFT JOIN reference_unit ru ON ru.code = cl.recording_unit
            LEFT JOIN reference_unit au ON au.code = cl.assigned_unit
            """;

    /** Statuses in the order of a clue's life, for sorting by status. */
    private static final String STATUS_ORDER = Arrays.stream(ClueStatus.values())
            .map(status -> "WHEN '" + status.name() + "' THEN " + status.ordinal())
            .collect(Collectors.joining(" ", "CASE cl.status ", " END"));

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final RowBuffer rows;

    @Autowired
    RiskClueProjection(JdbcClient jdbc) {
        this(jdbc, ProjectionTables.LIVE);
    }

    private RiskClueProjection(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.rows = new RowBuffer(jdbc, tables, List.of(CLUE), List.of(CLUE), RowBuffer.ownerOf(RiskClueEvent.class,
                RiskClueEvent::clueId));
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new RiskClueProjection(jdbc, tables);
    }

    // ---- the clue's life ---------------------------------------------------------------------------------------

    /** Every event is handled with the rows of its processor's batch. */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object withTheBatchsRows(InterceptorChain chain) throws Exception {
        return rows.around(chain::proceed);
    }

    @EventHandler
    void on(RiskClueRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (rows.find(CLUE, event.clueId()).isPresent()) {
            return; // a redelivered recording changes nothing
        }
        rows.insert(CLUE, event.clueId())
                .set("recording_unit", event.recordingUnit())
                .set("source", event.source().name())
                .set("division_code", event.divisionCode())
                .set("key_area", event.keyArea().name())
                .set("subject_kind", event.subject().kind().name())
                .set("subject_name", event.subject().name())
                .set("subject_credit_code", event.subject().creditCode())
                .set("summary", event.summary())
                .set("estimated_amount_fen", event.estimatedAmountFen())
                .set("estimated_participants", event.estimatedParticipants())
                .set("reported", event.reporter() != null)
                .set("reporter_anonymous", event.reporter() == null ? null : event.reporter().anonymous())
                .set("status", ClueStatus.RECORDED.name())
                .set("recorded_at", utc(event.businessTime()))
                .set("first_recorded_at", utc(recordedAt))
                .set("last_recorded_at", utc(recordedAt))
                .set("last_event_sequence", sequence)
                // What later events add to or switch on starts here, as the table's defaults would start it.
                .set("assignment_count", 0)
                .set("overdue", false)
                .set("rewarded", false);
    }

    @EventHandler
    void on(RiskClueVerificationAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // Assigning again hands the clue to another unit with a new clock; a past overdue stays on record.
        advance(event, sequence, recordedAt).ifPresent(clue -> clue
                .set("status", ClueStatus.VERIFYING.name())
                .set("assigned_unit", event.assignedUnit())
                .set("assigned_by", event.actingUnit())
                .set("assigned_at", utc(event.businessTime()))
                .add("assignment_count", 1)
                .set("verification_working_days", event.workingDays())
                .set("verification_due_date", event.dueDate()));
    }

    @EventHandler
    void on(RiskClueVerificationBecameOverdueEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(clue -> clue
                .set("overdue", true)
                .set("overdue_at", utc(event.businessTime()))
                .set("overdue_due_date", event.dueDate()));
    }

    @EventHandler
    void on(RiskClueVerifiedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        boolean noRisk = event.outcome() == VerificationOutcome.NO_RISK;
        advance(event, sequence, recordedAt).ifPresent(clue -> clue
                .set("status", (noRisk ? ClueStatus.NO_RISK : ClueStatus.AWAITING_CASE).name())
                .set("verified_at", utc(event.businessTime()))
                .set("verified_by", event.actingUnit())
                .set("outcome", event.outcome().name())
                .set("verification_notes", event.notes())
                .set("ended_at", noRisk ? utc(event.businessTime()) : null));
    }

    @EventHandler
    void on(RiskClueMarkedDuplicateEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(clue -> clue
                .set("status", ClueStatus.DUPLICATE.name())
                .set("duplicate_of", event.duplicateOfClueId())
                .set("marked_duplicate_at", utc(event.businessTime()))
                .set("marked_duplicate_by", event.actingUnit())
                .set("duplicate_note", event.note())
                .set("ended_at", utc(event.businessTime())));
    }

    @EventHandler
    void on(RiskClueReporterRewardedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // The reporter's handle stays in the event store: the ledger shows that a reward was granted, not to whom.
        advance(event, sequence, recordedAt).ifPresent(clue -> clue
                .set("rewarded", true)
                .set("reward_fen", event.amountFen())
                .set("rewarded_at", utc(event.businessTime()))
                .set("rewarded_by", event.actingUnit()));
    }

    @EventHandler
    void on(RiskClueTakenIntoCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(clue -> clue
                .set("status", ClueStatus.IN_CASE.name())
                .set("case_id", event.caseId())
                .set("taken_into_case_at", utc(event.businessTime()))
                .set("ended_at", utc(event.businessTime())));
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /**
     * Moves the clue to the given event, and answers its row if the event is news for the clue; empty if it was
     * applied before (a redelivery or a replay over a live model), in which case the handler must change nothing.
     * Also empty for a clue whose recording the read model never saw.
     */
    private Optional<Row> advance(RiskClueEvent event, long sequence, Instant recordedAt) {
        return rows.advance(CLUE, event.clueId(), sequence, recordedAt);
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    @QueryHandler
    Optional<RiskClueView> handle(FindRiskClueQuery query) {
        return jdbc.sql(CLUE_WITH_NAMES + "WHERE cl.clue_id = :clueId")
                .param("clueId", query.clueId())
                .query(RiskClueProjection::view)
                .optional();
    }

    @QueryHandler
    RiskClueCounts handle(CountRiskCluesQuery query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        inDivisionAndPeriod(where, params, query.divisionCode(), query.from(), query.to());
        return new RiskClueCounts(jdbc.sql("""
                        SELECT cl.division_code, cl.source, cl.key_area, cl.status, cl.overdue, COUNT(*) AS clues
                        FROM fundraising_clue cl
                        """ + where + " GROUP BY cl.division_code, cl.source, cl.key_area, cl.status, cl.overdue")
                .params(params)
                .query((row, rowNumber) -> new RiskClueCounts.Group(row.getString("division_code"),
                        row.getString("source"), row.getString("key_area"), row.getString("status"),
                        row.getBoolean("overdue"), row.getLong("clues")))
                .list());
    }

    @QueryHandler
    RiskCluePage handle(ListRiskCluesQuery query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        inDivisionAndPeriod(where, params, query.divisionCode(), query.from(), query.to());
        if (!query.sources().isEmpty()) {
            where.append(" AND cl.source IN (:sources)");
            params.put("sources", Rows.names(query.sources()));
        }
        if (!query.keyAreas().isEmpty()) {
            where.append(" AND cl.key_area IN (:keyAreas)");
            params.put("keyAreas", Rows.names(query.keyAreas()));
        }
        if (!query.outcomes().isEmpty()) {
            where.append(" AND cl.outcome IN (:outcomes)");
            params.put("outcomes", Rows.names(query.outcomes()));
        }
        if (!query.statuses().isEmpty()) {
            where.append(" AND cl.status IN (:statuses)");
            params.put("statuses", Rows.names(query.statuses()));
        }
        if (query.overdue() != null) {
            where.append(query.overdue() ? " AND cl.overdue" : " AND NOT cl.overdue");
        }
        if (query.text() != null) {
            where.append(" AND (LOWER(cl.subject_name) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(cl.summary) LIKE :text ESCAPE '\\')");
            params.put("text", Rows.containing(query.text()));
        }
        Rows.Paged<RiskClueView> paged = Rows.paged(jdbc, "fundraising_clue cl", CLUE_WITH_NAMES, where.toString(),
                orderBy(query), params, query.page(), query.size(), RiskClueProjection::view);
        return new RiskCluePage(paged.items(), query.page(), query.size(), paged.total());
    }

    /** The clues of a county (if given) recorded in a period (either end open if null), as both queries select them. */
    private static void inDivisionAndPeriod(StringBuilder where, Map<String, Object> params, String divisionCode,
                                            LocalDate from, LocalDate to) {
        if (divisionCode != null) {
            where.append(" AND cl.division_code = :division");
            params.put("division", divisionCode);
        }
        if (from != null) {
            where.append(" AND cl.recorded_at >= :from");
            params.put("from", utc(BusinessDay.startOf(from)));
        }
        if (to != null) {
            where.append(" AND cl.recorded_at < :toExclusive");
            params.put("toExclusive", utc(BusinessDay.startOf(to.plusDays(1))));
        }
    }

    /** A fixed ORDER BY per sort key, never built from what the caller sent; ties are broken the same way always. */
    private static String orderBy(ListRiskCluesQuery query) {
        String direction = query.direction().sql();
        return switch (query.sort()) {
            case RECORDED_AT -> "cl.recorded_at " + direction + ", cl.clue_id";
            case DUE_DATE -> "cl.verification_due_date " + direction + " NULLS LAST, cl.recorded_at DESC, cl.clue_id";
            case ESTIMATED_AMOUNT -> "cl.estimated_amount_fen " + direction
                    + " NULLS LAST, cl.recorded_at DESC, cl.clue_id";
            case STATUS -> STATUS_ORDER + " " + direction + ", cl.recorded_at DESC, cl.clue_id";
        };
    }

    private static RiskClueView view(ResultSet row, int rowNumber) throws SQLException {
        Long amount = longOrNull(row, "estimated_amount_fen");
        Long reward = longOrNull(row, "reward_fen");
        return new RiskClueView(
                row.getString("clue_id"),
                row.getString("recording_unit"),
                row.getString("recording_unit_name"),
                enumOf(ClueSource.class, row.getString("source")),
                row.getString("division_code"),
                row.getString("division_name"),
                enumOf(KeyArea.class, row.getString("key_area")),
                enumOf(SubjectKind.class, row.getString("subject_kind")),
                row.getString("subject_name"),
                row.getString("subject_credit_code"),
                row.getString("summary"),
                amount,
                Money.yuan(amount),
                intOrNull(row, "estimated_participants"),
                row.getBoolean("reported"),
                booleanOrNull(row, "reporter_anonymous"),
                enumOf(ClueStatus.class, row.getString("status")),
                instant(row, "recorded_at"),
                row.getString("assigned_unit"),
                row.getString("assigned_unit_name"),
                instant(row, "assigned_at"),
                row.getInt("assignment_count"),
                intOrNull(row, "verification_working_days"),
                date(row, "verification_due_date"),
                row.getBoolean("overdue"),
                instant(row, "overdue_at"),
                instant(row, "verified_at"),
                row.getString("verified_by"),
                enumOf(VerificationOutcome.class, row.getString("outcome")),
                row.getString("verification_notes"),
                row.getString("duplicate_of"),
                instant(row, "marked_duplicate_at"),
                row.getString("duplicate_note"),
                row.getBoolean("rewarded"),
                reward,
                Money.yuan(reward),
                instant(row, "rewarded_at"),
                row.getString("case_id"),
                instant(row, "taken_into_case_at"),
                instant(row, "ended_at"),
                instant(row, "first_recorded_at"),
                instant(row, "last_recorded_at"),
                row.getLong("last_event_sequence"));
    }
}
