package cn.gov.lvliang.ledger.query.rebuild;

import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

import cn.gov.lvliang.ledger.query.rebuild.TableChecksums.Comparison;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of rebuilds in {@code projection_rebuild}, and the per-projection lock in
 * {@code projection_rebuild_lock} that lets one rebuild of a projection run at a time across query nodes.
 */
@Component
class RebuildLog {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper objectMapper;
    private final RebuildProperties properties;

    RebuildLog(JdbcClient jdbc, Clock clock, ObjectMapper objectMapper, RebuildProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /**
     * Takes the projection's lock for a new rebuild: true if it was free, or held by a rebuild whose heartbeat stopped
     * longer ago than {@code ledger.rebuild.stale-after} (that rebuild is then marked abandoned).
     */
    boolean lock(String projection, String rebuildId) {
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO projection_rebuild_lock (projection, rebuild_id, heartbeat_at)
                            VALUES (:projection, :rebuildId, :now)""")
                    .param("projection", projection)
                    .param("rebuildId", rebuildId)
                    .param("now", utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException held) {
            Optional<String> stale = jdbc.sql("""
                            SELECT rebuild_id FROM projection_rebuild_lock
                            WHERE projection = :projection AND heartbeat_at < :staleBefore""")
                    .param("projection", projection)
                    .param("staleBefore", utc(now.minus(properties.staleAfter())))
                    .query(String.class)
                    .optional();
            if (stale.isEmpty() || jdbc.sql("""
                            UPDATE projection_rebuild_lock SET rebuild_id = :rebuildId, heartbeat_at = :now
                            WHERE projection = :projection AND rebuild_id = :stale""")
                    .param("projection", projection)
                    .param("rebuildId", rebuildId)
                    .param("now", utc(now))
                    .param("stale", stale.get())
                    .update() == 0) {
                return false;
            }
            jdbc.sql("""
                            UPDATE projection_rebuild SET state = 'ABANDONED', finished_at = :now,
                                message = 'Its node stopped renewing the lock; taken over by ' || :rebuildId
                            WHERE rebuild_id = :stale AND state = 'RUNNING'""")
                    .param("now", utc(now))
                    .param("rebuildId", rebuildId)
                    .param("stale", stale.get())
                    .update();
            return true;
        }
    }

    void unlock(String projection, String rebuildId) {
        jdbc.sql("DELETE FROM projection_rebuild_lock WHERE projection = :projection AND rebuild_id = :rebuildId")
                .param("projection", projection)
                .param("rebuildId", rebuildId)
                .update();
    }

    void started(String rebuildId, String projection, RebuildKind kind, boolean acceptDifferences) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO projection_rebuild (rebuild_id, projection, kind, state, phase,
                            accept_differences, node, started_at, updated_at)
                        VALUES (:rebuildId, :projection, :kind, 'RUNNING', 'PREPARING', :acceptDifferences, :node,
                            :now, :now)""")
                .param("rebuildId", rebuildId)
                .param("projection", projection)
                .param("kind", kind.name())
                .param("acceptDifferences", acceptDifferences)
                .param("node", NODE)
                .param("now", utc(now))
                .update();
    }

    /** Records when a rebuild began a step; the step before it ends there. */
    void phaseStarted(String rebuildId, RebuildPhase phase) {
        jdbc.sql("""
                        INSERT INTO projection_rebuild_phase (rebuild_id, phase, started_at)
                        VALUES (:rebuildId, :phase, :now)""")
                .param("rebuildId", rebuildId)
                .param("phase", phase.name())
                .param("now", utc(clock.instant()))
                .update();
    }

    /** Records progress and renews the projection's lock. */
    void progress(String rebuildId, String projection, RebuildPhase phase, long eventsProcessed, Long position,
                  Long headIndex) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE projection_rebuild SET phase = :phase, events_processed = :processed,
                            position = :position, head_index = :head, updated_at = :now
                        WHERE rebuild_id = :rebuildId""")
                .param("rebuildId", rebuildId)
                .param("phase", phase.name())
                .param("processed", eventsProcessed)
                .param("position", position)
                .param("head", headIndex)
                .param("now", utc(now))
                .update();
        jdbc.sql("""
                        UPDATE projection_rebuild_lock SET heartbeat_at = :now
                        WHERE projection = :projection AND rebuild_id = :rebuildId""")
                .param("projection", projection)
                .param("rebuildId", rebuildId)
                .param("now", utc(now))
                .update();
    }

    void compared(String rebuildId, Comparison comparison) {
        jdbc.sql("UPDATE projection_rebuild SET report = :report WHERE rebuild_id = :rebuildId")
                .param("rebuildId", rebuildId)
                .param("report", json(comparison))
                .update();
    }

    void finished(String rebuildId, RebuildState state, String message) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE projection_rebuild SET state = :state, phase = 'DONE', message = :message,
                            updated_at = :now, finished_at = :now
                        WHERE rebuild_id = :rebuildId""")
                .param("rebuildId", rebuildId)
                .param("state", state.name())
                .param("message", message == null ? null : truncate(message))
                .param("now", utc(now))
                .update();
    }

    Optional<RebuildView> find(String rebuildId) {
        return jdbc.sql("SELECT * FROM projection_rebuild WHERE rebuild_id = :rebuildId")
                .param("rebuildId", rebuildId)
                .query(this::view)
                .optional()
                .map(this::withPhases);
    }

    /** The projection's latest rebuild or verification. */
    Optional<RebuildView> latest(String projection) {
        return jdbc.sql("""
                        SELECT * FROM projection_rebuild WHERE projection = :projection
                        ORDER BY run_number DESC
                        LIMIT 1""")
                .param("projection", projection)
                .query(this::view)
                .optional()
                .map(this::withPhases);
    }

    private RebuildView withPhases(RebuildView view) {
        Map<RebuildPhase, Instant> starts = new EnumMap<>(RebuildPhase.class);
        jdbc.sql("SELECT phase, started_at FROM projection_rebuild_phase WHERE rebuild_id = :rebuildId")
                .param("rebuildId", view.rebuildId())
                .query((ResultSet row) -> {
                    starts.put(RebuildPhase.valueOf(row.getString("phase")), instant(row, "started_at"));
                });
        return view.withPhases(PhaseTime.of(starts, view.finishedAt()));
    }

    private RebuildView view(ResultSet row, int rowNumber) throws SQLException {
        Instant startedAt = instant(row, "started_at");
        Instant updatedAt = instant(row, "updated_at");
        long processed = row.getLong("events_processed");
        Long position = row.getObject("position", Long.class);
        Long head = row.getObject("head_index", Long.class);
        Comparison comparison = comparison(row.getString("report"));
        return new RebuildView(
                row.getString("rebuild_id"),
                row.getString("projection"),
                RebuildKind.valueOf(row.getString("kind")),
                RebuildState.valueOf(row.getString("state")),
                RebuildPhase.valueOf(row.getString("phase")),
                row.getBoolean("accept_differences"),
                row.getString("node"),
                startedAt,
                updatedAt,
                instant(row, "finished_at"),
                processed,
                position,
                head,
                RebuildProgress.of(startedAt, updatedAt, processed, position, head),
                comparison == null ? null : comparison.equal(),
                comparison == null ? null : comparison.tables(),
                comparison == null ? null : comparison.differences(),
                comparison != null && comparison.truncated(),
                row.getString("message"),
                List.of());
    }

    private String json(Comparison comparison) {
        try {
            return objectMapper.writeValueAsString(comparison);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A comparison cannot be written as JSON", e);
        }
    }

    private Comparison comparison(String json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, Comparison.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored comparison is not readable: " + json, e);
        }
    }

    private static String truncate(String message) {
        return message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }
}
