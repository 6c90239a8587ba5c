package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scoring rubric read model: every published version, kept side by side, since a score can be computed again
 * under any version. A version is never edited, so a version already present (a redelivery) changes nothing. Writes
 * go through {@link #sql}, so that a rebuild can run a second instance into shadow tables.
 */
@Component
@ProcessingGroup(RubricProjection.PROCESSING_GROUP)
class RubricProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "scoring-rubrics";

    static final List<String> TABLES = List.of("scoring_rubric");

    private static final TypeReference<List<RubricIndicator>> INDICATORS = new TypeReference<>() {
    };
    private static final TypeReference<List<RubricPenalty>> PENALTIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final ProjectionTables tables;

    @Autowired
    RubricProjection(JdbcClient jdbc, ObjectMapper objectMapper) {
        this(jdbc, objectMapper, ProjectionTables.LIVE);
    }

    private RubricProjection(JdbcClient jdbc, ObjectMapper objectMapper, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.tables = tables;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new RubricProjection(jdbc, objectMapper, tables);
    }

    @EventHandler
    void on(ScoringRubricPublishedEvent event, @Timestamp Instant recordedAt) {
        sql("""
                        INSERT INTO scoring_rubric (version, rubric_id, content_hash, name, source, indicators,
                            penalties, published_at, recorded_at)
                        SELECT :version, :rubricId, :contentHash, :name, :source, :indicators, :penalties,
                            :publishedAt, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM scoring_rubric WHERE version = :version)""")
                .param("version", event.version())
                .param("rubricId", event.rubricId())
                .param("contentHash", event.contentHash())
                .param("name", event.name())
                .param("source", event.source())
                .param("indicators", json(event.indicators()))
                .param("penalties", json(event.penalties()))
                .param("publishedAt", event.businessTime().atOffset(ZoneOffset.UTC))
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
    }

    @QueryHandler
    Optional<RubricView> handle(FindRubricQuery query) {
        return rubric(query.version());
    }

    @QueryHandler
    List<RubricView> handle(ListRubricsQuery query) {
        return jdbc.sql("SELECT * FROM scoring_rubric ORDER BY version").query(this::row).list();
    }

    /** The asked-for version, or the latest one for {@code null}; empty if that version (or any) is unpublished. */
    Optional<RubricView> rubric(Integer version) {
        if (version == null) {
            return jdbc.sql("SELECT * FROM scoring_rubric ORDER BY version DESC LIMIT 1").query(this::row)
                    .optional();
        }
        return jdbc.sql("SELECT * FROM scoring_rubric WHERE version = :version").param("version", version)
                .query(this::row).optional();
    }

    private RubricView row(ResultSet row, int rowNumber) throws SQLException {
        return new RubricView(
                row.getInt("version"),
                row.getString("name"),
                row.getString("source"),
                row.getString("content_hash"),
                row.getObject("published_at", OffsetDateTime.class).toInstant(),
                read(row.getString("indicators"), INDICATORS),
                read(row.getString("penalties"), PENALTIES));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published rubric cannot be written as JSON", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored rubric cannot be read", e);
        }
    }
}
