package cn.gov.lvliang.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a case's events as they are stored: Axon's JDBC event table holds Jackson-written JSON, so auditors see the
 * exact stored payload and metadata with the revision they were written at, untouched by upcasters.
 */
@Component
class StoredEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    StoredEvents(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    List<CaseHistoryEntry> ofCase(String caseId) {
        return jdbc.sql("""
                        SELECT globalindex, eventidentifier, sequencenumber, timestamp, payloadtype, payloadrevision,
                               payload, metadata
                        FROM domainevententry
                        WHERE aggregateidentifier = :caseId
                        ORDER BY sequencenumber""")
                .param("caseId", caseId)
                .query(this::entry)
                .list();
    }

    private CaseHistoryEntry entry(ResultSet row, int rowNumber) throws SQLException {
        JsonNode payload = json(row.getBytes("payload"));
        String payloadType = row.getString("payloadtype");
        JsonNode businessTime = payload.get("businessTime");
        return new CaseHistoryEntry(
                row.getLong("sequencenumber"),
                row.getLong("globalindex"),
                row.getString("eventidentifier"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                row.getString("payloadrevision"),
                businessTime == null || businessTime.isNull() ? null : Instant.parse(businessTime.asText()),
                Instant.parse(row.getString("timestamp")),
                payload,
                json(row.getBytes("metadata")));
    }

    private JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return objectMapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event is not valid JSON", e);
        }
    }
}
