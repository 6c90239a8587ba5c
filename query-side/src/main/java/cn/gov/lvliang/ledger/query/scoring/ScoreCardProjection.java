package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.AppealOutcome;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAdjustedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAppealDecidedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAppealLodgedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.query.infra.SqlValues;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The issued score cards read model: each card's numbers exactly as issued, its current total, its adjustments and
 * its appeals. Nothing here is computed: the numbers are the event's, so a rebuilt model shows the same frozen cards
 * whatever the rubric versions published since.
 *
 * <p>Every write is idempotent through {@code last_event_sequence}: the issue inserts the card if absent, and every
 * later event first advances the card's sequence and writes nothing if it was already there. Writes go through
 * {@link #sql}, so that a rebuild can run a second instance into shadow tables.
 */
@Component
@ProcessingGroup(ScoreCardProjection.PROCESSING_GROUP)
class ScoreCardProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "score-cards";

    /** Every table of this read model, children first. */
    static final List<String> TABLES = List.of("score_card_indicator", "score_card_penalty", "score_card_adjustment",
            "score_card_appeal", "score_card");

    private final JdbcClient jdbc;
    private final RubricProjection rubrics;
    private final ProjectionTables tables;

    @Autowired
    ScoreCardProjection(JdbcClient jdbc, RubricProjection rubrics) {
        this(jdbc, rubrics, ProjectionTables.LIVE);
    }

    private ScoreCardProjection(JdbcClient jdbc, RubricProjection rubrics, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.rubrics = rubrics;
        this.tables = tables;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new ScoreCardProjection(jdbc, rubrics, tables);
    }

    @EventHandler
    void on(ScoreCardIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        int inserted = sql("""
                        INSERT INTO score_card (card_id, subject_kind, subject_code, subject_name, subject_division,
                            period, period_from, period_to, rubric_version, input_hash, base_score, penalty_points,
                            issued_total, total_score, score_rank, ranked_among, issued_by, issued_at,
                            first_recorded_at, last_recorded_at, last_event_sequence)
                        SELECT :cardId, :kind, :code, :name, :division, :period, :from, :to, :version, :hash, :base,
                            :penalty, :total, :total, :rank, :among, :issuedBy, :issuedAt, :recordedAt, :recordedAt,
                            :sequence
                        WHERE NOT EXISTS (SELECT 1 FROM score_card WHERE card_id = :cardId)""")
                .param("cardId", event.cardId())
                .param("kind", event.subjectKind().name())
                .param("code", event.subjectCode())
                .param("name", event.subjectName())
                .param("division", event.subjectDivision())
                .param("period", event.period())
                .param("from", event.periodFrom())
                .param("to", event.periodTo())
                .param("version", event.rubricVersion())
                .param("hash", event.inputHash())
                .param("base", event.baseScore())
                .param("penalty", event.penaltyPoints())
                .param("total", event.totalScore())
                .param("rank", event.rank())
                .param("among", event.rankedAmong())
                .param("issuedBy", event.inspector())
                .param("issuedAt", SqlValues.utc(event.businessTime()))
                .param("recordedAt", SqlValues.utc(recordedAt))
                .param("sequence", sequence)
                .update();
        if (inserted == 0) {
            return;
        }
        int order = 0;
        for (ScoredIndicator indicator : event.indicators()) {
            sql("""
                            INSERT INTO score_card_indicator (card_id, code, list_order, applicable, indicator_value,
                                numerator, denominator, points, indicator_rank, ranked_among)
                            VALUES (:cardId, :code, :order, :applicable, :value, :numerator, :denominator, :points,
                                :rank, :among)""")
                    .param("cardId", event.cardId())
                    .param("code", indicator.code())
                    .param("order", order++)
                    .param("applicable", indicator.applicable())
                    .param("value", indicator.value())
                    .param("numerator", indicator.numerator())
                    .param("denominator", indicator.denominator())
                    .param("points", indicator.points())
                    .param("rank", indicator.rank())
                    .param("among", indicator.rankedAmong())
                    .update();
        }
        order = 0;
        for (ScoredPenalty penalty : event.penalties()) {
            sql("""
                            INSERT INTO score_card_penalty (card_id, code, list_order, case_ids, points)
                            VALUES (:cardId, :code, :order, :caseIds, :points)""")
                    .param("cardId", event.cardId())
                    .param("code", penalty.code())
                    .param("order", order++)
                    .param("caseIds", StringLists.toJson(penalty.caseIds()))
                    .param("points", penalty.points())
                    .update();
        }
    }

    @EventHandler
    void on(ScoreCardAdjustedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event, sequence, recordedAt)) {
            return;
        }
        sql("""
                        INSERT INTO score_card_adjustment (card_id, adjustment_id, event_sequence, indicator_code,
                            points_delta, reason, evidence, inspector, total_after, adjusted_at)
                        VALUES (:cardId, :adjustmentId, :sequence, :indicator, :delta, :reason, :evidence, :inspector,
                            :totalAfter, :at)""")
                .param("cardId", event.cardId())
                .param("adjustmentId", event.adjustmentId())
                .param("sequence", sequence)
                .param("indicator", event.indicatorCode())
                .param("delta", event.pointsDelta())
                .param("reason", event.reason())
                .param("evidence", StringLists.toJson(event.evidence()))
                .param("inspector", event.inspector())
                .param("totalAfter", event.totalAfter())
                .param("at", SqlValues.utc(event.businessTime()))
                .update();
        sql("UPDATE score_card SET total_score = :total, adjustments = adjustments + 1 WHERE card_id = :cardId")
                .param("total", event.totalAfter())
                .param("cardId", event.cardId())
                .update();
    }

    @EventHandler
    void on(ScoreCardAppealLodgedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event, sequence, recordedAt)) {
            return;
        }
        sql("""
                        INSERT INTO score_card_appeal (card_id, appeal_id, event_sequence, indicator_code, grounds,
                            evidence, appellant, appellant_unit, lodged_at)
                        VALUES (:cardId, :appealId, :sequence, :indicator, :grounds, :evidence, :appellant, :unit,
                            :at)""")
                .param("cardId", event.cardId())
                .param("appealId", event.appealId())
                .param("sequence", sequence)
                .param("indicator", event.indicatorCode())
                .param("grounds", event.grounds())
                .param("evidence", StringLists.toJson(event.evidence()))
                .param("appellant", event.appellant())
                .param("unit", event.appellantUnit())
                .param("at", SqlValues.utc(event.businessTime()))
                .update();
        sql("UPDATE score_card SET appeals = appeals + 1, open_appeals = open_appeals + 1 WHERE card_id = :cardId")
                .param("cardId", event.cardId())
                .update();
    }

    @EventHandler
    void on(ScoreCardAppealDecidedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event, sequence, recordedAt)) {
            return;
        }
        sql("""
                        UPDATE score_card_appeal SET outcome = :outcome, points_delta = :delta,
                            decision_reason = :reason, decided_by = :inspector, decided_at = :at,
                            total_after = :totalAfter
                        WHERE card_id = :cardId AND appeal_id = :appealId""")
                .param("outcome", event.outcome().name())
                .param("delta", event.pointsDelta())
                .param("reason", event.reason())
                .param("inspector", event.inspector())
                .param("at", SqlValues.utc(event.businessTime()))
                .param("totalAfter", event.totalAfter())
                .param("cardId", event.cardId())
                .param("appealId", event.appealId())
                .update();
        sql("UPDATE score_card SET total_score = :total, open_appeals = open_appeals - 1 WHERE card_id = :cardId")
                .param("total", event.totalAfter())
                .param("cardId", event.cardId())
                .update();
    }

    /** Moves the card to the event's sequence; false if it was there already (or the card is unknown). */
    private boolean advance(ScoreCardEvent event, long sequence, Instant recordedAt) {
        return tables.advance(jdbc, "score_card", "card_id", event.cardId(), sequence, recordedAt);
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    @QueryHandler
    Optional<ScoreCardView> handle(FindScoreCardQuery query) {
        return jdbc.sql("SELECT * FROM score_card WHERE card_id = :cardId")
                .param("cardId", query.cardId())
                .query(this::card)
                .optional();
    }

    @QueryHandler
    List<ScoreCardSummary> handle(ListScoreCardsQuery query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.period() != null) {
            where.append(" AND period = :period");
            params.put("period", query.period());
        }
        if (query.subjectKind() != null) {
            where.append(" AND subject_kind = :kind");
            params.put("kind", query.subjectKind().name());
        }
        if (query.rubricVersion() != null) {
            where.append(" AND rubric_version = :version");
            params.put("version", query.rubricVersion());
        }
        if (query.division() != null) {
            where.append(" AND subject_division = :division");
            params.put("division", query.division());
        }
        return jdbc.sql("SELECT * FROM score_card " + where
                        + " ORDER BY period DESC, subject_kind, rubric_version, score_rank NULLS LAST, subject_code")
                .params(params)
                .query((row, rowNumber) -> new ScoreCardSummary(
                        row.getString("card_id"),
                        ScoredSubjectKind.valueOf(row.getString("subject_kind")),
                        row.getString("subject_code"),
                        row.getString("subject_name"),
                        row.getString("subject_division"),
                        row.getString("period"),
                        row.getInt("rubric_version"),
                        row.getString("input_hash"),
                        row.getBigDecimal("issued_total"),
                        row.getBigDecimal("total_score"),
                        row.getObject("score_rank", Integer.class),
                        row.getObject("ranked_among", Integer.class),
                        SqlValues.instant(row, "issued_at"),
                        row.getInt("adjustments"),
                        row.getInt("appeals"),
                        row.getInt("open_appeals")))
                .list();
    }

    private ScoreCardView card(ResultSet row, int rowNumber) throws SQLException {
        String cardId = row.getString("card_id");
        int version = row.getInt("rubric_version");
        Optional<RubricView> rubric = rubrics.rubric(version);
        Map<String, RubricIndicator> definitions = rubric.map(r -> r.indicators().stream()
                .collect(Collectors.toMap(RubricIndicator::code, Function.identity()))).orElse(Map.of());
        Map<String, RubricPenalty> penaltyDefinitions = rubric.map(r -> r.penalties().stream()
                .collect(Collectors.toMap(RubricPenalty::code, Function.identity()))).orElse(Map.of());
        List<ScoreCardView.CardIndicator> indicators = jdbc.sql("""
                        SELECT * FROM score_card_indicator WHERE card_id = :cardId ORDER BY list_order""")
                .param("cardId", cardId)
                .query((line, n) -> {
                    String code = line.getString("code");
                    RubricIndicator definition = definitions.get(code);
                    return new ScoreCardView.CardIndicator(code, definition == null ? code : definition.name(),
                            definition == null ? null : definition.weight(), line.getBoolean("applicable"),
                            line.getBigDecimal("indicator_value"), line.getBigDecimal("numerator"),
                            line.getBigDecimal("denominator"), line.getBigDecimal("points"),
                            line.getObject("indicator_rank", Integer.class),
                            line.getObject("ranked_among", Integer.class));
                })
                .list();
        List<ScoreCardView.CardPenalty> penalties = jdbc.sql("""
                        SELECT * FROM score_card_penalty WHERE card_id = :cardId ORDER BY list_order""")
                .param("cardId", cardId)
                .query((line, n) -> {
                    String code = line.getString("code");
                    RubricPenalty definition = penaltyDefinitions.get(code);
                    return new ScoreCardView.CardPenalty(code, definition == null ? code : definition.name(),
                            StringLists.fromJson(line.getString("case_ids")), line.getBigDecimal("points"));
                })
                .list();
        List<ScoreCardView.Adjustment> adjustments = jdbc.sql("""
                        SELECT * FROM score_card_adjustment WHERE card_id = :cardId ORDER BY event_sequence""")
                .param("cardId", cardId)
                .query((line, n) -> new ScoreCardView.Adjustment(
                        line.getString("adjustment_id"),
                        line.getString("indicator_code"),
                        line.getBigDecimal("points_delta"),
                        line.getString("reason"),
                        StringLists.fromJson(line.getString("evidence")),
                        line.getString("inspector"),
                        line.getBigDecimal("total_after"),
                        SqlValues.instant(line, "adjusted_at")))
                .list();
        List<ScoreCardView.Appeal> appeals = jdbc.sql("""
                        SELECT * FROM score_card_appeal WHERE card_id = :cardId ORDER BY event_sequence""")
                .param("cardId", cardId)
                .query((line, n) -> new ScoreCardView.Appeal(
                        line.getString("appeal_id"),
                        line.getString("indicator_code"),
                        line.getString("grounds"),
                        StringLists.fromJson(line.getString("evidence")),
                        line.getString("appellant"),
                        line.getString("appellant_unit"),
                        SqlValues.instant(line, "lodged_at"),
                        line.getString("outcome") == null ? null : AppealOutcome.valueOf(line.getString("outcome")),
                        line.getBigDecimal("points_delta"),
                        line.getString("decision_reason"),
                        line.getString("decided_by"),
                        SqlValues.instant(line, "decided_at"),
                        line.getBigDecimal("total_after")))
                .list();
        return new ScoreCardView(
                cardId,
                ScoredSubjectKind.valueOf(row.getString("subject_kind")),
                row.getString("subject_code"),
                row.getString("subject_name"),
                row.getString("subject_division"),
                row.getString("period"),
                row.getObject("period_from", LocalDate.class),
                row.getObject("period_to", LocalDate.class),
                version,
                row.getString("input_hash"),
                indicators,
                penalties,
                row.getBigDecimal("base_score"),
                row.getBigDecimal("penalty_points"),
                row.getBigDecimal("issued_total"),
                row.getBigDecimal("total_score"),
                row.getObject("score_rank", Integer.class),
                row.getObject("ranked_among", Integer.class),
                row.getString("issued_by"),
                SqlValues.instant(row, "issued_at"),
                adjustments,
                appeals);
    }
}
