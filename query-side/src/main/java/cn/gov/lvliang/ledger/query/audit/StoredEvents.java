package cn.gov.lvliang.ledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a case's events as they are stored: Axon's JDBC event table holds Jackson-written JSON, so auditors see the
 * exact stored payload and metadata with the revision they were written at, untouched by upcasters. Any aggregate's
 * events live in the one table, so this serves bundle cases, fundraising clues and disposal cases alike.
 */
@Component
class StoredEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    StoredEvents(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** The case's events in sequence order; empty for a case the ledger does not know. */
    List<StoredEvent> of(String caseId) {
        return jdbc.sql("""
                        SELECT globalindex, eventidentifier, sequencenumber, type, timestamp, payloadtype,
                               payloadrevision, payload, metadata
                        FROM domainevententry
                        WHERE aggregateidentifier = :caseId
                        ORDER BY sequencenumber""")
                .param("caseId", caseId)
                .query(StoredEvents::row)
                .list();
    }

    /** The case's events as {@code GET /api/cases/{caseId}/history} shows them. */
    List<CaseHistoryEntry> ofCase(String caseId) {
        return of(caseId).stream().map(this::historyEntry).toList();
    }

    /** The stored JSON as a tree; a JSON null for absent metadata. */
    JsonNode tree(String json) {
        if (json == null) {
            return NullNode.getInstance();
        }
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event is not valid JSON", e);
        }
    }

    private CaseHistoryEntry historyEntry(StoredEvent event) {
        JsonNode payload = tree(event.payload());
        return new CaseHistoryEntry(
                event.sequence(),
                event.globalIndex(),
                event.eventId(),
                event.eventType(),
                event.revision(),
                instant(payload.get("businessTime")),
                event.recordedAt(),
                payload,
                tree(event.metadata()));
    }

    /** An ISO-8601 instant from a JSON field, or {@code null} when absent. */
    static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }

    private static StoredEvent row(ResultSet row, int rowNumber) throws SQLException {
        byte[] metadata = row.getBytes("metadata");
        return new StoredEvent(
                row.getLong("sequencenumber"),
                row.getLong("globalindex"),
                row.getString("eventidentifier"),
                row.getString("type"),
                row.getString("payloadtype"),
                row.getString("payloadrevision"),
                Instant.parse(row.getString("timestamp")),
                new String(row.getBytes("payload"), StandardCharsets.UTF_8),
                metadata == null ? null : new String(metadata, StandardCharsets.UTF_8));
    }
}
